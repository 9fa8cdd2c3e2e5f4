package dev.ruru.rl.tabular;

import dev.ruru.rl.env.Discrete;
import dev.ruru.rl.env.Env;
import java.util.random.RandomGenerator;

/**
 * A table of action values {@code Q[state][action]} learnt by temporal differences, the part Q-learning
 * and SARSA share: the ε-greedy choice and the step {@code Q(s, a) ← Q(s, a) + α · (target − Q(s, a))}.
 * They differ only in their target.
 */
final class QTable {
  private final double[][] q;
  private final double learningRate;
  private final double gamma;

  /** A zero table; {@code who} names the algorithm in errors. */
  QTable(String who, Discrete observations, Discrete actions, double learningRate, double gamma) {
    if (!(learningRate > 0 && learningRate <= 1) || !(gamma >= 0 && gamma <= 1)) {
      throw new IllegalArgumentException(who + ": learningRate " + learningRate + " must be in (0, 1] and gamma " + gamma + " in [0, 1]");
    }
    this.q = new double[observations.n()][actions.n()];
    this.learningRate = learningRate;
    this.gamma = gamma;
  }

  /** The first state of an episode of {@code env}, which must have discrete observations. */
  static int reset(String who, Env env) {
    if (!(env.observationSpace() instanceof Discrete)) {
      throw new IllegalArgumentException(who + ": " + env.id() + " has observations " + env.observationSpace() + "; a table needs discrete ones");
    }
    return (int) env.reset()[0];
  }

  double value(int state, int action) {
    return q[state][action];
  }

  double gamma() {
    return gamma;
  }

  /** A random action with probability ε, else the best one in {@code state}. */
  int choose(int state, double epsilon, RandomGenerator random) {
    return random.nextDouble() < epsilon ? random.nextInt(q[state].length) : argmax(q[state]);
  }

  /** The best value in {@code state}. */
  double best(int state) {
    return q[state][argmax(q[state])];
  }

  /** Moves {@code Q(state, action)} a step of the learning rate towards {@code target}. */
  void update(int state, int action, double target) {
    q[state][action] += learningRate * (target - q[state][action]);
  }

  /** The action values now, {@code [state][action]} (a copy). */
  double[][] values() {
    double[][] copy = new double[q.length][];
    for (int s = 0; s < q.length; s++) {
      copy[s] = q[s].clone();
    }
    return copy;
  }

  /** The index of the largest value, the first of equals (so ties break the same way every run). */
  static int argmax(double[] row) {
    int best = 0;
    for (int a = 1; a < row.length; a++) {
      best = row[a] > row[best] ? a : best;
    }
    return best;
  }
}
