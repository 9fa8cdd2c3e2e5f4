package dev.ruru.rl.tabular;

import dev.ruru.rl.env.Discrete;
import dev.ruru.rl.env.Env;
import dev.ruru.rl.env.StepResult;
import java.util.random.RandomGenerator;

/**
 * SARSA (Rummery and Niranjan 1994): like {@link QLearning}, but the target uses the action the agent
 * will actually take next,
 * <pre>
 *   Q(s, a) ← Q(s, a) + α · (r + γ · Q(s', a') · (1 − terminated) − Q(s, a)),   a' ε-greedy in s'
 * </pre>
 * so it learns the values of the ε-greedy policy it follows (on-policy): near holes it prefers safer paths
 * than Q-learning's optimal-but-risky ones while it still explores.
 */
public final class Sarsa {
  private final QTable table;

  /** A zero table for an environment with discrete observations and actions. */
  public Sarsa(Discrete observations, Discrete actions, double learningRate, double gamma) {
    this.table = new QTable("Sarsa", observations, actions, learningRate, gamma);
  }

  /** The action values now, {@code [state][action]} (a copy). */
  public double[][] actionValues() {
    return table.values();
  }

  /** Plays one episode ε-greedily, updating after every step; returns the episode's return. */
  public double episode(Env env, double epsilon, RandomGenerator random) {
    int state = QTable.reset("Sarsa", env);
    int action = table.choose(state, epsilon, random);
    double total = 0;
    StepResult step;
    do {
      step = env.step(action);
      int next = (int) step.observation()[0];
      int nextAction = table.choose(next, epsilon, random);
      table.update(state, action, step.reward() + (step.terminated() ? 0 : table.gamma() * table.value(next, nextAction)));
      total += step.reward();
      state = next;
      action = nextAction;
    } while (!step.done());
    return total;
  }
}
