package dev.ruru.rl.env;

import dev.ruru.train.ResumableRandom;

/**
 * MountainCar-v0 (Moore 1990), ported from Gymnasium's {@code mountain_car.py}: an underpowered car in a
 * valley must rock back and forth to reach the flag at position 0.5. Actions: 0 push left, 1 do nothing,
 * 2 push right. Each step
 * <pre>
 *   v ← clip(v + (a − 1)·0.001 − 0.0025·cos(3p), −0.07, 0.07)
 *   p ← clip(p + v, −1.2, 0.6);   v ← 0 if p = −1.2 and v &lt; 0 (the car hits the left wall)
 * </pre>
 * Reward −1 every step; terminated when p ≥ 0.5 (and v ≥ 0); {@link Environments#make} adds the 200-step
 * limit. A reset puts the car at p ~ U(−0.6, −0.4) with v = 0. Observations are float32 as in Gymnasium.
 */
public final class MountainCar implements Env {
  static final double MIN_POSITION = -1.2;
  static final double MAX_POSITION = 0.6;
  static final double MAX_SPEED = 0.07;
  public static final double GOAL_POSITION = 0.5;
  static final double FORCE = 0.001;
  static final double GRAVITY = 0.0025;

  private static final Discrete ACTIONS = new Discrete(3);
  private static final Box OBSERVATIONS = new Box(new double[] {MIN_POSITION, -MAX_SPEED}, new double[] {MAX_POSITION, MAX_SPEED});

  private final ResumableRandom random = new ResumableRandom(0);
  private double position;
  private double velocity;
  private boolean started;

  @Override public String id() { return "MountainCar-v0"; }
  @Override public Box observationSpace() { return OBSERVATIONS; }
  @Override public Discrete actionSpace() { return ACTIONS; }

  @Override
  public double[] reset(long seed) {
    random.setState(new ResumableRandom(seed).state());
    return reset();
  }

  @Override
  public double[] reset() {
    return resetTo(random.nextDouble(-0.6, -0.4), 0);
  }

  /** Starts an episode at a given position and velocity (tests and fixtures use fixed states). */
  public double[] resetTo(double startPosition, double startVelocity) {
    position = startPosition;
    velocity = startVelocity;
    started = true;
    return observation();
  }

  @Override
  public StepResult step(int action) {
    ACTIONS.checkAction(id(), action);
    if (!started) {
      throw new IllegalStateException(id() + ".step: no episode in progress; call reset(seed) first");
    }
    // Python's grouping; StrictMath so that every JVM gives the same episodes (glibc's cos can differ from it by an ulp).
    velocity += (action - 1) * FORCE + StrictMath.cos(3 * position) * (-GRAVITY);
    velocity = Math.clamp(velocity, -MAX_SPEED, MAX_SPEED);
    position += velocity;
    position = Math.clamp(position, MIN_POSITION, MAX_POSITION);
    if (position == MIN_POSITION && velocity < 0) {
      velocity = 0;
    }
    boolean terminated = position >= GOAL_POSITION && velocity >= 0;
    return new StepResult(observation(), -1.0, terminated, false);
  }

  private double[] observation() {
    return new double[] {(float) position, (float) velocity};
  }

  @Override
  public long[] saveState() {
    return new long[] {Double.doubleToRawLongBits(position), Double.doubleToRawLongBits(velocity), started ? 1 : 0, random.state()};
  }

  @Override
  public void loadState(long[] state) {
    if (state.length != 4) {
      throw new IllegalArgumentException("MountainCar.loadState: expected 4 words, got " + state.length + "; was the state saved by another environment?");
    }
    position = Double.longBitsToDouble(state[0]);
    velocity = Double.longBitsToDouble(state[1]);
    started = state[2] == 1;
    random.setState(state[3]);
  }
}
