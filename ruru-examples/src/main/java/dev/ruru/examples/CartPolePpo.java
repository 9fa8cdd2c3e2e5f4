package dev.ruru.examples;

import dev.ruru.rl.env.Environments;
import dev.ruru.rl.ppo.Ppo;
import dev.ruru.rl.ppo.PpoConfig;
import dev.ruru.rl.render.ReturnCurve;
import dev.ruru.rl.rollout.EpisodeLog;
import dev.ruru.rl.run.RlEvaluation;
import dev.ruru.rl.run.RlTraining;
import dev.ruru.train.plot.Png;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The course's "deep reinforcement learning": an agent learns to balance a pole on a cart from reward
 * alone. PPO collects 256 steps from 8 CartPole-v1 copies with its current policy, estimates how much
 * better each action was than expected (GAE), and nudges the policy towards the better actions, never
 * too far at once (the clipped ratio); each nudge is a step of the one training loop.
 *
 * <p>What to watch: the mean return climbs from about 20 (a random policy) to the 500-step limit; the
 * greedy policy then balances for all 500 steps of every evaluation episode. The return curve and the
 * best episode are written as pictures.
 *
 * <p>Run it: {@code java -cp ... dev.ruru.examples.CartPolePpo [steps] [directory]} (default 100,000 steps,
 * {@code runs/cartpole-ppo}; about 45 seconds on two busy cores).
 */
public final class CartPolePpo {
  private CartPolePpo() {}

  /** What a run reached. */
  record Outcome(double firstMeanReturn, double lastMeanReturn, double evaluationMean, int episodes) {}

  public static void main(String[] args) throws IOException {
    long steps = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
    Path directory = Path.of(args.length > 1 ? args[1] : "runs/cartpole-ppo");
    Outcome outcome = run(steps, 100, directory, new PrintWriter(System.out, true));
    System.out.printf("greedy evaluation: mean return %.1f over 100 episodes (solved: >= 475)%n", outcome.evaluationMean());
  }

  /** Trains for {@code steps} environment steps with seed 1, evaluates over {@code evaluationEpisodes} and draws into {@code directory}. */
  static Outcome run(long steps, int evaluationEpisodes, Path directory, PrintWriter out) throws IOException {
    Ppo ppo = new Ppo("cartpole", PpoConfig.cartPole(), 1, steps);
    ppo.train(update -> {
      if (update.iteration() % 20 == 0 || update.iteration() == ppo.iterations()) {
        out.printf("iteration %d: %d steps, %d episodes, mean return of the last 100 %.1f%n", update.iteration(), update.steps(),
            update.episodes(), update.meanReturn());
      }
    });
    EpisodeLog log = ppo.collector().log();
    RlEvaluation.Result evaluation = RlEvaluation.run(ppo.policy(), "cartpole", evaluationEpisodes, 10_000, true);
    Files.createDirectories(directory);
    long[] ends = log.episodes().stream().mapToLong(EpisodeLog.Episode::step).toArray();
    Png.write(directory.resolve("returns.png"), ReturnCurve.render("PPO on CartPole-v1", ends, log.returns(), 100,
        Environments.spec("cartpole").rewardThreshold()));
    int best = evaluation.best();
    RlTraining.writeCartPoleGif(directory.resolve("best-episode.gif"), evaluation.observations().get(best), evaluation.returns()[best]);
    double[] returns = log.returns();
    int window = Math.min(20, returns.length / 2);
    return new Outcome(mean(returns, 0, window), mean(returns, returns.length - window, returns.length), evaluation.mean(), returns.length);
  }

  private static double mean(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    return sum / Math.max(1, to - from);
  }
}
