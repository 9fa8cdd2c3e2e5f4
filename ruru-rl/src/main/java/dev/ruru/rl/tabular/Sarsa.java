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
  private final double[][] q;
  private final double learningRate;
  private final double gamma;

  public Sarsa(Discrete observations, Discrete actions, double learningRate, double gamma) {
    if (!(learningRate > 0 && learningRate <= 1) || !(gamma >= 0 && gamma <= 1)) {
      throw new IllegalArgumentException("Sarsa: learningRate " + learningRate + " must be in (0, 1] and gamma " + gamma + " in [0, 1]");
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

  /** Plays one episode ε-greedily, updating after every step; returns the episode's return. */
  public double episode(Env env, double epsilon, RandomGenerator random) {
    if (!(env.observationSpace() instanceof Discrete)) {
      throw new IllegalArgumentException("Sarsa: " + env.id() + " has observations " + env.observationSpace() + "; a table needs discrete ones");
    }
    int state = (int) env.reset()[0];
    int action = choose(state, epsilon, random);
    double total = 0;
    StepResult step;
    do {
      step = env.step(action);
      int next = (int) step.observation()[0];
      int nextAction = choose(next, epsilon, random);
      double target = step.reward() + (step.terminated() ? 0 : gamma * q[next][nextAction]);
      q[state][action] += learningRate * (target - q[state][action]);
      total += step.reward();
      state = next;
      action = nextAction;
    } while (!step.done());
    return total;
  }

  private int choose(int state, double epsilon, RandomGenerator random) {
    return random.nextDouble() < epsilon ? random.nextInt(q[state].length) : QTable.argmax(q[state]);
  }
}
