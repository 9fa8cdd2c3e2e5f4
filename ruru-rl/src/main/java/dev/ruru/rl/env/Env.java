package dev.ruru.rl.env;

/**
 * An environment, Gymnasium's {@code Env}: an agent sees an observation, picks an action from the action
 * space, and the environment answers with the next observation, a reward and whether the episode ended.
 *
 * <pre>{@code
 * Env env = Environments.make("CartPole-v1");
 * double[] observation = env.reset(42);
 * StepResult step;
 * do {
 *   step = env.step(observation[2] > 0 ? 1 : 0);     // push towards the side the pole leans to
 *   observation = step.observation();
 * } while (!step.done());
 * }</pre>
 *
 * <p>Randomness (the initial state, slippery moves) comes from the environment's own generator, seeded by
 * {@link #reset(long)} and continued by {@link #reset()}, so a seed fixes a whole run of episodes. The whole
 * state (dynamics, generator, counters) can be saved and restored exactly for checkpoints.
 */
public interface Env {
  /** The Gymnasium id, such as {@code "CartPole-v1"}: error messages name it. */
  String id();

  Space observationSpace();

  Discrete actionSpace();

  /** Seeds the environment's generator with {@code seed} and starts an episode; returns its first observation. */
  double[] reset(long seed);

  /** Starts an episode, the generator continuing from where it was; returns its first observation. */
  double[] reset();

  /**
   * Applies {@code action} and returns what followed.
   *
   * @throws IllegalArgumentException when the action is outside {@link #actionSpace()}
   * @throws IllegalStateException when no episode is in progress (see {@link OrderEnforcing})
   */
  StepResult step(int action);

  /** The whole state as 64-bit words (doubles by their bits), for a checkpoint: {@code loadState(saveState())} changes nothing. */
  long[] saveState();

  /** Restores a state from {@link #saveState()} of an environment of the same kind. */
  void loadState(long[] state);
}
