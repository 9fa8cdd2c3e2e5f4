package dev.ruru.rl.tabular;

import dev.ruru.rl.env.Discrete;
import dev.ruru.rl.env.Env;
import dev.ruru.rl.env.StepResult;
import java.util.random.RandomGenerator;

/**
 * Q-learning (Watkins 1989): after each step, move the action value towards the reward plus the
 * discounted best value of the next state,
 * <pre>
 *   Q(s, a) ← Q(s, a) + α · (r + γ · max_a' Q(s', a') · (1 − terminated) − Q(s, a))
 * </pre>
 * acting ε-greedily. Off-policy: it learns the optimal values whatever the exploration, given enough of
 * it. A truncated episode (a time limit) still bootstraps from its last state.
 */
public final class QLearning {
  private final double[][] q;
  private final double learningRate;
  private final double gamma;

  /** A zero table for an environment with discrete observations and actions. */
  public QLearning(Discrete observations, Discrete actions, double learningRate, double gamma) {
    if (!(learningRate > 0 && learningRate <= 1) || !(gamma >= 0 && gamma <= 1)) {
      throw new IllegalArgumentException("QLearning: learningRate " + learningRate + " must be in (0, 1] and gamma " + gamma + " in [0, 1]");
    }
    this.q = new double[observations.n()][actions.n()];
    this.learningRate = learningRate;
    this.gamma = gamma;
  }

  /** The action values now, {@code [state][action]} (a copy). */
  public double[][] actionValues() {
    double[][] copy = new double[q.length][];
    for (int s = 0; s < q.length; s++) {
      copy[s] = q[s].clone();
    }
    return copy;
  }

  /** Plays one episode of {@code env} ε-greedily, updating after every step; returns the episode's return. */
  public double episode(Env env, double epsilon, RandomGenerator random) {
    if (!(env.observationSpace() instanceof Discrete)) {
      throw new IllegalArgumentException("QLearning: " + env.id() + " has observations " + env.observationSpace() + "; a table needs discrete ones");
    }
    int state = (int) env.reset()[0];
    double total = 0;
    StepResult step;
    do {
      int action = random.nextDouble() < epsilon ? random.nextInt(q[state].length) : QTable.argmax(q[state]);
      step = env.step(action);
      int next = (int) step.observation()[0];
      double target = step.reward() + (step.terminated() ? 0 : gamma * q[next][QTable.argmax(q[next])]);
      q[state][action] += learningRate * (target - q[state][action]);
      total += step.reward();
      state = next;
    } while (!step.done());
    return total;
  }
}
