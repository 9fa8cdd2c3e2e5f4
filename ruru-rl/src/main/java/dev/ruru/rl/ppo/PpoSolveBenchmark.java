package dev.ruru.rl.ppo;

import dev.ruru.rl.run.RlEvaluation;
import java.util.Locale;

/**
 * The CartPole-v1 PPO benchmark's Ruru side (bench/compare_ppo.py runs it beside
 * bench/ppo_cartpole_torch.py): trains with {@link PpoConfig#cartPole()} for at most MAX_STEPS steps and
 * stops when solved, that is when, after an iteration whose last 100 training episodes average at least
 * 475, 100 greedy evaluation episodes also average at least 475. Prints one JSON line: solved, the steps
 * and wall-clock seconds to that point (evaluations included), iterations, episodes.
 *
 * <p>{@code java -cp ruru-cli/target/ruru.jar dev.ruru.rl.ppo.PpoSolveBenchmark [SEED] [MAX_STEPS]}
 */
public final class PpoSolveBenchmark {
  private static final double SOLVED = 475;

  private PpoSolveBenchmark() {}

  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    long maxSteps = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
    long start = System.nanoTime();
    Ppo ppo = new Ppo("cartpole", PpoConfig.cartPole(), seed, maxSteps);
    boolean solved = false;
    double evaluation = Double.NaN;
    while (!solved && ppo.iteration() < ppo.iterations()) {
      dev.ruru.rl.Update update = ppo.iterate();
      if (update.meanReturn() >= SOLVED && ppo.collector().log().count() >= 100) {
        evaluation = RlEvaluation.run(ppo.policy(), "cartpole", 100, 1_000_000L * (seed + 1), false).mean();
        solved = evaluation >= SOLVED;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(String.format(Locale.ROOT,
        "{\"side\": \"ruru\", \"seed\": %d, \"solved\": %b, \"steps\": %d, \"seconds\": %.2f, \"iterations\": %d, \"episodes\": %d, \"evaluation\": %.1f}",
        seed, solved, ppo.collector().steps(), seconds, ppo.iteration(), ppo.collector().log().count(), evaluation));
  }
}
