package dev.ruru.rl.env;

import java.util.List;

/**
 * Gymnasium's {@code SyncVectorEnv}: N environments stepped one after the other in this thread, with
 * batched observations and automatic resets. {@link #reset(long)} seeds copy {@code i} with
 * {@code seed + i}, as Gymnasium does, so the copies play different episodes.
 *
 * <p>Two ways to reset a finished copy, as Gymnasium 1.x's {@code autoreset_mode}:
 * <ul>
 * <li>{@link Autoreset#NEXT_STEP} (Gymnasium's default): the step after the one that ended the episode
 *     ignores the copy's action and returns the new episode's first observation with reward 0 and neither
 *     flag set;
 * <li>{@link Autoreset#SAME_STEP}: the step that ends the episode resets at once and returns the new first
 *     observation, the finished episode's last one in {@link VectorStep#finalObservations()}; every
 *     transition is then a real one, which is what PPO's rollouts want.
 * </ul>
 */
public final class SyncVectorEnv {
  /** When a finished copy starts its next episode. */
  public enum Autoreset { NEXT_STEP, SAME_STEP }

  private final List<Env> envs;
  private final Autoreset mode;
  private final boolean[] needsReset;
  private boolean started;

  public SyncVectorEnv(List<Env> envs, Autoreset mode) {
    if (envs.isEmpty()) {
      throw new IllegalArgumentException("SyncVectorEnv: no environments");
    }
    for (Env env : envs) {
      if (!env.observationSpace().equals(envs.get(0).observationSpace()) || !env.actionSpace().equals(envs.get(0).actionSpace())) {
        throw new IllegalArgumentException("SyncVectorEnv: the environments differ in their spaces: " + envs.get(0).id() + " and " + env.id());
      }
    }
    this.envs = List.copyOf(envs);
    this.mode = mode;
    this.needsReset = new boolean[envs.size()];
  }

  public int size() { return envs.size(); }
  public Env env(int i) { return envs.get(i); }
  public Space singleObservationSpace() { return envs.get(0).observationSpace(); }
  public Discrete singleActionSpace() { return envs.get(0).actionSpace(); }

  /** Resets copy {@code i} with seed {@code seed + i}; returns the first observations, one row per copy. */
  public double[][] reset(long seed) {
    double[][] observations = new double[envs.size()][];
    for (int i = 0; i < envs.size(); i++) {
      observations[i] = envs.get(i).reset(seed + i);
      needsReset[i] = false;
    }
    started = true;
    return observations;
  }

  /** Steps copy {@code i} with {@code actions[i]}, resetting finished copies as the mode says. */
  public VectorStep step(int[] actions) {
    if (actions.length != envs.size()) {
      throw new IllegalArgumentException("SyncVectorEnv.step: expected " + envs.size() + " actions (one per copy), got " + actions.length);
    }
    if (!started) {
      throw new IllegalStateException("SyncVectorEnv.step: call reset(seed) before the first step");
    }
    int n = envs.size();
    VectorStep step = new VectorStep(new double[n][], new double[n], new boolean[n], new boolean[n], new double[n][]);
    for (int i = 0; i < n; i++) {
      Env env = envs.get(i);
      if (needsReset[i]) {
        step.observations()[i] = env.reset();
        needsReset[i] = false;
        continue;
      }
      StepResult result = env.step(actions[i]);
      step.rewards()[i] = result.reward();
      step.terminated()[i] = result.terminated();
      step.truncated()[i] = result.truncated();
      step.observations()[i] = result.observation();
      if (result.done() && mode == Autoreset.SAME_STEP) {
        step.finalObservations()[i] = step.observations()[i];
        step.observations()[i] = env.reset();
      } else if (result.done()) {
        needsReset[i] = true;
      }
    }
    return step;
  }

  /** Every copy's state, for a checkpoint. */
  public long[][] saveState() {
    long[][] states = new long[envs.size() + 1][];
    for (int i = 0; i < envs.size(); i++) {
      states[i] = envs.get(i).saveState();
    }
    long[] flags = new long[envs.size() + 1];
    for (int i = 0; i < envs.size(); i++) {
      flags[i] = needsReset[i] ? 1 : 0;
    }
    flags[envs.size()] = started ? 1 : 0;
    states[envs.size()] = flags;
    return states;
  }

  /** Restores what {@link #saveState()} returned. */
  public void loadState(long[][] states) {
    if (states.length != envs.size() + 1) {
      throw new IllegalArgumentException("SyncVectorEnv.loadState: expected the state of " + envs.size() + " copies, got " + (states.length - 1));
    }
    for (int i = 0; i < envs.size(); i++) {
      envs.get(i).loadState(states[i]);
      needsReset[i] = states[envs.size()][i] == 1;
    }
    started = states[envs.size()][envs.size()] == 1;
  }
}
