package dev.ruru.rl.run;

import dev.ruru.rl.env.Env;
import dev.ruru.rl.env.Environments;
import dev.ruru.rl.env.StepResult;
import dev.ruru.rl.policy.ActorCritic;
import java.util.ArrayList;
import java.util.List;

/**
 * Plays a policy greedily (its most probable action) for a number of episodes, each from a reset seeded
 * by {@code seed + episode}, and reports the returns: the "solved" criterion is a mean over 100 such
 * episodes (CartPole-v1: 475).
 */
public final class RlEvaluation {
  private RlEvaluation() {}

  /** The returns of the episodes, and each episode's observations when {@code keepObservations} (for a GIF). */
  public record Result(double[] returns, List<List<double[]>> observations) {
    public double mean() { return java.util.Arrays.stream(returns).average().orElse(Double.NaN); }
    public double min() { return java.util.Arrays.stream(returns).min().orElse(Double.NaN); }
    public double max() { return java.util.Arrays.stream(returns).max().orElse(Double.NaN); }

    public double std() {
      double mean = mean();
      return Math.sqrt(java.util.Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).average().orElse(Double.NaN));
    }

    /** The index of the episode with the highest return (the first of equals). */
    public int best() {
      int best = 0;
      for (int i = 1; i < returns.length; i++) {
        best = returns[i] > returns[best] ? i : best;
      }
      return best;
    }
  }

  /** {@code episodes} greedy episodes of {@code policy} on a fresh {@code environment}. */
  public static Result run(ActorCritic policy, String environment, int episodes, long seed, boolean keepObservations) {
    if (episodes < 1) {
      throw new IllegalArgumentException("RlEvaluation.run: invalid episodes " + episodes + " (must be >= 1)");
    }
    Env env = Environments.make(environment);
    double[] returns = new double[episodes];
    List<List<double[]>> observations = new ArrayList<>();
    for (int e = 0; e < episodes; e++) {
      List<double[]> trajectory = new ArrayList<>();
      double[] observation = env.reset(seed + e);
      trajectory.add(observation);
      StepResult step;
      do {
        step = env.step(policy.greedy(new double[][] {observation})[0]);
        returns[e] += step.reward();
        observation = step.observation();
        trajectory.add(observation);
      } while (!step.done());
      observations.add(keepObservations ? trajectory : List.of());
    }
    return new Result(returns, observations);
  }
}
