package dev.ruru.rl.env;

import java.util.Arrays;

/**
 * Gymnasium's {@code TimeLimit} wrapper: the step that makes {@code maxSteps} steps in the episode is
 * marked truncated (CartPole-v1: 500). A terminal step at the limit is both terminated and truncated, as
 * in Gymnasium; a learner treats it as terminal.
 */
public final class TimeLimit implements Env {
  private final Env env;
  private final int maxSteps;
  private int elapsed;

  public TimeLimit(Env env, int maxSteps) {
    if (maxSteps < 1) {
      throw new IllegalArgumentException("TimeLimit: invalid maxSteps " + maxSteps + " (must be >= 1)");
    }
    this.env = env;
    this.maxSteps = maxSteps;
  }

  public int maxSteps() { return maxSteps; }
  /** The environment inside. */
  public Env inner() { return env; }

  @Override public String id() { return env.id(); }
  @Override public Space observationSpace() { return env.observationSpace(); }
  @Override public Discrete actionSpace() { return env.actionSpace(); }

  @Override
  public double[] reset(long seed) {
    elapsed = 0;
    return env.reset(seed);
  }

  @Override
  public double[] reset() {
    elapsed = 0;
    return env.reset();
  }

  @Override
  public StepResult step(int action) {
    StepResult result = env.step(action);
    elapsed++;
    return elapsed >= maxSteps ? result.withTruncated() : result;
  }

  @Override
  public long[] saveState() {
    long[] inner = env.saveState();
    long[] all = Arrays.copyOf(inner, inner.length + 1);
    all[inner.length] = elapsed;
    return all;
  }

  @Override
  public void loadState(long[] state) {
    if (state.length == 0) {
      throw new IllegalArgumentException("TimeLimit.loadState: the state is empty");
    }
    env.loadState(Arrays.copyOf(state, state.length - 1));
    elapsed = (int) state[state.length - 1];
  }
}
