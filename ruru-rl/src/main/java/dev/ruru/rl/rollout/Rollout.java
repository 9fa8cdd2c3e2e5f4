package dev.ruru.rl.rollout;

/**
 * T steps of N environment copies collected with one policy, each array indexed {@code [t][i]}: the
 * observation the policy saw, the action it drew with its log-probability and the critic's value, the
 * reward that followed and whether the episode ended there; {@code lastValues[i]} is the critic's value of
 * the observation after the last step (the bootstrap for unfinished episodes).
 */
public record Rollout(double[][][] observations, int[][] actions, double[][] logProbabilities, double[][] values, double[][] rewards,
    boolean[][] done, double[] lastValues) {
  /** Steps per copy (T). */
  public int steps() { return actions.length; }

  /** Copies (N). */
  public int copies() { return lastValues.length; }

  /** Transitions in all (T·N). */
  public int size() { return steps() * copies(); }
}
