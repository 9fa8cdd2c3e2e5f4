package dev.ruru.rl.tabular;

import dev.ruru.rl.env.FrozenLake;
import dev.ruru.rl.env.Transition;

/**
 * Policy iteration (Howard 1960) on a known model: evaluate the current policy exactly enough (iterative
 * policy evaluation to {@code tolerance}), make it greedy with respect to those values, and repeat until the
 * policy no longer changes. It ends at an optimal policy, usually after a handful of improvements.
 */
public final class PolicyIteration {
  private PolicyIteration() {}

  /** The optimal policy and its values, with the number of improvement steps taken. */
  public record Solution(int[] policy, double[] values, int improvements) {}

  /** Solves {@code lake} for discount {@code gamma} in [0, 1), starting from "always left". */
  public static Solution solve(FrozenLake lake, double gamma, double tolerance) {
    if (!(gamma >= 0 && gamma < 1) || !(tolerance > 0)) {
      throw new IllegalArgumentException("PolicyIteration: gamma " + gamma + " must be in [0, 1) and tolerance " + tolerance + " > 0");
    }
    int states = lake.observationSpace().n();
    int[] policy = new int[states];
    double[] values = new double[states];
    for (int improvements = 1; ; improvements++) {
      evaluate(lake, policy, values, gamma, tolerance);
      boolean stable = true;
      for (int s = 0; s < states; s++) {
        double[] q = new double[lake.actionSpace().n()];
        for (int a = 0; a < q.length; a++) {
          q[a] = backup(lake, s, a, values, gamma);
        }
        int best = QTable.argmax(q);
        // Change only for a strict gain, so ties cannot make the policy cycle.
        if (q[best] > q[policy[s]] + 1e-12) {
          policy[s] = best;
          stable = false;
        }
      }
      if (stable) {
        return new Solution(policy, values, improvements);
      }
    }
  }

  private static void evaluate(FrozenLake lake, int[] policy, double[] values, double gamma, double tolerance) {
    double change;
    do {
      change = 0;
      for (int s = 0; s < values.length; s++) {
        double value = backup(lake, s, policy[s], values, gamma);
        change = Math.max(change, Math.abs(value - values[s]));
        values[s] = value;
      }
    } while (change > tolerance);
  }

  private static double backup(FrozenLake lake, int s, int a, double[] values, double gamma) {
    double total = 0;
    for (Transition t : lake.transitions(s, a)) {
      total += t.probability() * (t.reward() + (t.terminated() ? 0 : gamma * values[t.nextState()]));
    }
    return total;
  }
}
