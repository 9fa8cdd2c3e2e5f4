package dev.ruru.rl.rollout;

/**
 * Learning targets from a rollout of T steps of N environment copies ({@code [t][i]} arrays). A step with
 * {@code done[t][i]} ended its episode, so nothing after it is added: a terminal state is worth 0 (a
 * truncated one had its value added to its reward by the {@link Collector}).
 */
public final class Advantages {
  private Advantages() {}

  /** Advantages and the returns the critic learns, {@code returns = advantages + values}. */
  public record Estimate(double[][] advantages, double[][] returns) {}

  /**
   * Generalised advantage estimation (Schulman et al. 2016):
   * <pre>
   *   δ_t = r_t + γ·V(s_{t+1})·(1 − done_t) − V(s_t)
   *   A_t = δ_t + γ·λ·(1 − done_t)·A_{t+1}
   * </pre>
   * with V(s_T) = {@code lastValues}. λ = 1 gives the Monte Carlo return minus the baseline, λ = 0 the
   * one-step temporal difference.
   */
  public static Estimate gae(double[][] rewards, double[][] values, boolean[][] done, double[] lastValues, double gamma, double lambda) {
    check(rewards, values, done, lastValues);
    int steps = rewards.length;
    int copies = lastValues.length;
    double[][] advantages = new double[steps][copies];
    double[][] returns = new double[steps][copies];
    for (int i = 0; i < copies; i++) {
      double next = 0;
      for (int t = steps - 1; t >= 0; t--) {
        double nextValue = t == steps - 1 ? lastValues[i] : values[t + 1][i];
        double continues = done[t][i] ? 0 : 1;
        double delta = rewards[t][i] + gamma * nextValue * continues - values[t][i];
        next = delta + gamma * lambda * continues * next;
        advantages[t][i] = next;
        returns[t][i] = next + values[t][i];
      }
    }
    return new Estimate(advantages, returns);
  }

  /**
   * n-step returns as A2C uses them (n = T, the rollout's length): {@code G_t = r_t + γ·(1 − done_t)·G_{t+1}}
   * with {@code G_T = lastValues}, each step looking ahead to the end of the rollout or its episode.
   */
  public static double[][] nStepReturns(double[][] rewards, boolean[][] done, double[] lastValues, double gamma) {
    check(rewards, rewards, done, lastValues);
    double[][] returns = new double[rewards.length][lastValues.length];
    for (int i = 0; i < lastValues.length; i++) {
      double next = lastValues[i];
      for (int t = rewards.length - 1; t >= 0; t--) {
        next = rewards[t][i] + gamma * (done[t][i] ? 0 : next);
        returns[t][i] = next;
      }
    }
    return returns;
  }

  /** The discounted return from each step of one whole episode to its end, {@code G_t = r_t + γ·G_{t+1}} (REINFORCE). */
  public static double[] discountedReturns(double[] rewards, double gamma) {
    double[] returns = new double[rewards.length];
    double next = 0;
    for (int t = rewards.length - 1; t >= 0; t--) {
      next = rewards[t] + gamma * next;
      returns[t] = next;
    }
    return returns;
  }

  private static void check(double[][] rewards, double[][] values, boolean[][] done, double[] lastValues) {
    if (values.length != rewards.length || done.length != rewards.length) {
      throw new IllegalArgumentException("Advantages: rewards, values and done must have one row per step; got " + rewards.length + ", "
          + values.length + " and " + done.length);
    }
    for (int t = 0; t < rewards.length; t++) {
      if (rewards[t].length != lastValues.length || values[t].length != lastValues.length || done[t].length != lastValues.length) {
        throw new IllegalArgumentException("Advantages: step " + t + " must have " + lastValues.length + " copies (lastValues' length)");
      }
    }
  }
}
