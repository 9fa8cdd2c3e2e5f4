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
  private final QTable table;

  /** A zero table for an environment with discrete observations and actions. */
  public QLearning(Discrete observations, Discrete actions, double learningRate, double gamma) {
    this.table = new QTable("QLearning", observations, actions, learningRate, gamma);
  }

  /** The action values now, {@code [state][action]} (a copy). */
  public double[][] actionValues() {
    return table.values();
  }

  /** Plays one episode of {@code env} ε-greedily, updating after every step; returns the episode's return. */
  public double episode(Env env, double epsilon, RandomGenerator random) {
    int state = QTable.reset("QLearning", env);
    double total = 0;
    StepResult step;
    do {
      int action = table.choose(state, epsilon, random);
      step = env.step(action);
      int next = (int) step.observation()[0];
      table.update(state, action, step.reward() + (step.terminated() ? 0 : table.gamma() * table.best(next)));
      total += step.reward();
      state = next;
    } while (!step.done());
    return total;
  }
}
