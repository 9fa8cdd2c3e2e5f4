package dev.ruru.rl.search;

import java.util.Arrays;

/**
 * What a search found at the root: each move's visit count and the root's value for the player to move
 * (the mean of the values backed up, in [-1, 1]).
 */
public record SearchResult(int[] visits, double value) {
  public SearchResult {
    visits = visits.clone();
  }

  @Override public int[] visits() { return visits.clone(); }

  /** The most visited move (the lowest-numbered of equals): what a search plays when it plays its best. */
  public int bestMove() {
    int best = 0;
    for (int action = 1; action < visits.length; action++) {
      if (visits[action] > visits[best]) {
        best = action;
      }
    }
    return best;
  }

  /**
   * The visit counts as a policy: {@code N(a)^(1/τ) / Σ N^(1/τ)}, with τ = {@code temperature}; τ = 0
   * puts all the probability on {@link #bestMove()} (AlphaZero's temperature).
   */
  public float[] policy(double temperature) {
    float[] policy = new float[visits.length];
    if (temperature <= 0) {
      policy[bestMove()] = 1;
      return policy;
    }
    double[] powered = new double[visits.length];
    double total = 0;
    for (int action = 0; action < visits.length; action++) {
      powered[action] = Math.pow(visits[action], 1 / temperature);
      total += powered[action];
    }
    for (int action = 0; action < visits.length; action++) {
      policy[action] = (float) (powered[action] / total);
    }
    return policy;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SearchResult that && Arrays.equals(visits, that.visits) && value == that.value;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(visits) + Double.hashCode(value);
  }

  @Override
  public String toString() {
    return "SearchResult[visits=" + Arrays.toString(visits) + ", value=" + value + "]";
  }
}
