package dev.ruru.rl.tabular;

import dev.ruru.rl.env.FrozenLake;
import dev.ruru.rl.env.Transition;

/**
 * Value iteration (Bellman 1957) on a known model: repeat, for every state,
 * <pre>
 *   Q(s, a) = Σ_{s'} p(s' | s, a) · (r + γ · V(s') · (1 − terminal(s')))
 *   V(s) = max_a Q(s, a)
 * </pre>
 * until no value changes by more than {@code tolerance}. The greedy policy of the result is optimal.
 */
public final class ValueIteration {
  private ValueIteration() {}

  /**
   * The optimal values and action values.
   *
   * @param values V*, one per state
   * @param actionValues Q*, {@code [state][action]}
   * @param sweeps sweeps until the largest change was below the tolerance
   */
  public record Solution(double[] values, double[][] actionValues, int sweeps) {
    /** The greedy action of each state (the first of equals). */
    public int[] policy() {
      int[] policy = new int[actionValues.length];
      for (int s = 0; s < policy.length; s++) {
        policy[s] = QTable.argmax(actionValues[s]);
      }
      return policy;
    }
  }

  /** Solves {@code lake} for discount {@code gamma} in [0, 1). */
  public static Solution solve(FrozenLake lake, double gamma, double tolerance) {
    if (!(gamma >= 0 && gamma < 1) || !(tolerance > 0)) {
      throw new IllegalArgumentException("ValueIteration: gamma " + gamma + " must be in [0, 1) and tolerance " + tolerance + " > 0");
    }
    int states = lake.observationSpace().n();
    int actions = lake.actionSpace().n();
    double[] values = new double[states];
    double[][] q = new double[states][actions];
    int sweeps = 0;
    double change;
    do {
      change = 0;
      for (int s = 0; s < states; s++) {
        for (int a = 0; a < actions; a++) {
          q[s][a] = backup(lake, s, a, values, gamma);
        }
        double best = q[s][QTable.argmax(q[s])];
        change = Math.max(change, Math.abs(best - values[s]));
        values[s] = best;
      }
      sweeps++;
    } while (change > tolerance);
    return new Solution(values, q, sweeps);
  }

  private static double backup(FrozenLake lake, int s, int a, double[] values, double gamma) {
    double total = 0;
    for (Transition t : lake.transitions(s, a)) {
      total += t.probability() * (t.reward() + (t.terminated() ? 0 : gamma * values[t.nextState()]));
    }
    return total;
  }
}
