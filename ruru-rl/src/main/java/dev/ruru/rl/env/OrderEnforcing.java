package dev.ruru.rl.env;

import java.util.Arrays;

/**
 * Gymnasium's {@code OrderEnforcing} wrapper, made strict: a step before the first reset, or after the
 * episode terminated or was truncated, is refused with a message that says to reset, instead of silently
 * stepping a finished episode (Gymnasium only warns there, and the rewards that follow are meaningless).
 * Actions outside the action space are refused too.
 */
public final class OrderEnforcing implements Env {
  private enum Phase { NOT_STARTED, RUNNING, TERMINATED, TRUNCATED }

  private final Env env;
  private Phase phase = Phase.NOT_STARTED;
  private int steps;

  public OrderEnforcing(Env env) {
    this.env = env;
  }

  /** The environment inside. */
  public Env inner() { return env; }

  @Override public String id() { return env.id(); }
  @Override public Space observationSpace() { return env.observationSpace(); }
  @Override public Discrete actionSpace() { return env.actionSpace(); }

  @Override
  public double[] reset(long seed) {
    double[] observation = env.reset(seed);
    phase = Phase.RUNNING;
    steps = 0;
    return observation;
  }

  @Override
  public double[] reset() {
    double[] observation = env.reset();
    phase = Phase.RUNNING;
    steps = 0;
    return observation;
  }

  @Override
  public StepResult step(int action) {
    env.actionSpace().checkAction(id(), action);
    switch (phase) {
      case NOT_STARTED -> throw new IllegalStateException(id() + ".step: no episode in progress; call reset(seed) before the first step");
      case TERMINATED, TRUNCATED -> throw new IllegalStateException(id() + ".step: the episode ended (" + phase.name().toLowerCase()
          + ") after " + steps + " steps; call reset() before stepping again");
      case RUNNING -> { }
    }
    StepResult result = env.step(action);
    steps++;
    if (result.done()) {
      phase = result.terminated() ? Phase.TERMINATED : Phase.TRUNCATED;
    }
    return result;
  }

  @Override
  public long[] saveState() {
    long[] inner = env.saveState();
    long[] all = Arrays.copyOf(inner, inner.length + 2);
    all[inner.length] = phase.ordinal();
    all[inner.length + 1] = steps;
    return all;
  }

  @Override
  public void loadState(long[] state) {
    if (state.length < 2) {
      throw new IllegalArgumentException("OrderEnforcing.loadState: expected at least 2 words, got " + state.length);
    }
    env.loadState(Arrays.copyOf(state, state.length - 2));
    phase = Phase.values()[(int) state[state.length - 2]];
    steps = (int) state[state.length - 1];
  }
}
