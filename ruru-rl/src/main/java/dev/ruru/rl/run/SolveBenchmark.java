package dev.ruru.rl.run;

import dev.ruru.rl.Agent;
import dev.ruru.rl.Update;
import dev.ruru.rl.dqn.DqnConfig;
import java.util.Locale;
import java.util.Optional;

/**
 * The CartPole-v1 DQN and REINFORCE benchmarks' Ruru side (bench/compare_dqn_reinforce.py runs it beside
 * bench/dqn_cartpole_torch.py and bench/reinforce_cartpole_torch.py): trains the algorithm with its
 * {@link Agents} settings for at most MAX_STEPS steps and stops when {@link SolveCheck} finds it solved.
 * Prints one JSON line: solved, the steps, episodes and wall-clock seconds to that point (the checks
 * included), and the 100 evaluation episodes' mean.
 *
 * <p>{@code java -cp ruru-cli/target/ruru.jar dev.ruru.rl.run.SolveBenchmark dqn|reinforce|dqn-prioritized [SEED] [MAX_STEPS]}
 */
public final class SolveBenchmark {
  private SolveBenchmark() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      throw new IllegalArgumentException("SolveBenchmark: usage: SolveBenchmark ALGORITHM [SEED] [MAX_STEPS]; ALGORITHM: " + Agents.NAMES
          + " or dqn-prioritized");
    }
    boolean prioritized = args[0].equals("dqn-prioritized");
    String algorithm = prioritized ? "dqn" : args[0];
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    long maxSteps = args.length > 2 ? Long.parseLong(args[2]) : 200_000;
    long start = System.nanoTime();
    Agent agent = Agents.create(algorithm, "cartpole", seed, maxSteps, prioritized ? DqnConfig.Replay.PRIORITIZED : DqnConfig.Replay.UNIFORM);
    SolveCheck check = new SolveCheck("cartpole", seed, 0);
    Optional<SolveCheck.Solved> solved = Optional.empty();
    while (solved.isEmpty() && !agent.finished()) {
      Update update = agent.iterate();
      solved = check.afterIteration(agent.policy(), update.steps(), agent.collector().log());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(String.format(Locale.ROOT,
        "{\"side\": \"ruru\", \"algorithm\": \"%s\", \"seed\": %d, \"solved\": %b, \"steps\": %d, \"seconds\": %.2f, \"episodes\": %d, \"evaluation\": %.1f}",
        args[0], seed, solved.isPresent(), agent.collector().steps(), seconds, agent.collector().log().count(),
        solved.map(SolveCheck.Solved::evaluation).orElse(Double.NaN)));
  }
}
