package dev.ruru.rl.env;

import dev.ruru.train.ResumableRandom;

/**
 * Acrobot-v1 (Sutton 1996; the book's dynamics), ported from Gymnasium's {@code acrobot.py}: two links
 * hang from a fixed joint; torque −1, 0 or +1 (actions 0, 1, 2) at the middle joint must swing the tip above
 * the bar, {@code −cos θ1 − cos(θ1 + θ2) > 1}. Each step integrates the equations of motion with one
 * fourth-order Runge–Kutta step of 0.2 s, wraps both angles into [−π, π] and bounds the angular velocities
 * by 4π and 9π. Reward −1 per step, 0 on the terminal step; {@link Environments#make} adds the 500-step
 * limit. A reset draws all four state elements from U(−0.1, 0.1), rounded to float32 as Gymnasium's are.
 * The observation is {@code (cos θ1, sin θ1, cos θ2, sin θ2, θ̇1, θ̇2)} in float32.
 */
public final class Acrobot implements Env {
  static final double DT = 0.2;
  static final double MAX_VELOCITY_1 = 4 * Math.PI;
  static final double MAX_VELOCITY_2 = 9 * Math.PI;
  private static final double[] TORQUES = {-1.0, 0.0, 1.0};
  private static final Discrete ACTIONS = new Discrete(3);
  private static final Box OBSERVATIONS = new Box(new double[] {-1, -1, -1, -1, -MAX_VELOCITY_1, -MAX_VELOCITY_2},
      new double[] {1, 1, 1, 1, MAX_VELOCITY_1, MAX_VELOCITY_2});

  private final ResumableRandom random = new ResumableRandom(0);
  private final double[] state = new double[4];
  private boolean started;

  @Override public String id() { return "Acrobot-v1"; }
  @Override public Box observationSpace() { return OBSERVATIONS; }
  @Override public Discrete actionSpace() { return ACTIONS; }

  @Override
  public double[] reset(long seed) {
    random.setState(new ResumableRandom(seed).state());
    return reset();
  }

  @Override
  public double[] reset() {
    double[] initial = new double[4];
    for (int i = 0; i < 4; i++) {
      initial[i] = (float) random.nextDouble(-0.1, 0.1);
    }
    return resetTo(initial);
  }

  /** Starts an episode from a given state {@code (θ1, θ2, θ̇1, θ̇2)} (tests and fixtures use fixed states). */
  public double[] resetTo(double[] initial) {
    if (initial.length != 4) {
      throw new IllegalArgumentException("Acrobot.resetTo: expected 4 numbers (theta1, theta2, dtheta1, dtheta2), got " + initial.length);
    }
    System.arraycopy(initial, 0, state, 0, 4);
    started = true;
    return observation();
  }

  @Override
  public StepResult step(int action) {
    ACTIONS.checkAction(id(), action);
    if (!started) {
      throw new IllegalStateException(id() + ".step: no episode in progress; call reset(seed) first");
    }
    double[] next = rungeKutta(state, TORQUES[action]);
    state[0] = wrap(next[0]);
    state[1] = wrap(next[1]);
    state[2] = Math.min(Math.max(next[2], -MAX_VELOCITY_1), MAX_VELOCITY_1);
    state[3] = Math.min(Math.max(next[3], -MAX_VELOCITY_2), MAX_VELOCITY_2);
    boolean terminated = -StrictMath.cos(state[0]) - StrictMath.cos(state[1] + state[0]) > 1.0;
    return new StepResult(observation(), terminated ? 0.0 : -1.0, terminated, false);
  }

  /** Gymnasium's rk4 over [0, dt] with the torque held fixed. */
  private static double[] rungeKutta(double[] y, double torque) {
    double half = DT / 2.0;
    double[] k1 = derivatives(y, torque);
    double[] k2 = derivatives(plus(y, half, k1), torque);
    double[] k3 = derivatives(plus(y, half, k2), torque);
    double[] k4 = derivatives(plus(y, DT, k3), torque);
    double[] out = new double[4];
    for (int i = 0; i < 4; i++) {
      out[i] = y[i] + DT / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    return out;
  }

  private static double[] plus(double[] y, double h, double[] k) {
    return new double[] {y[0] + h * k[0], y[1] + h * k[1], y[2] + h * k[2], y[3] + h * k[3]};
  }

  /** The book's equations of motion (unit masses and lengths, centres of mass at 0.5, moments of inertia 1). */
  private static double[] derivatives(double[] s, double a) {
    double m1 = 1.0;
    double m2 = 1.0;
    double l1 = 1.0;
    double lc1 = 0.5;
    double lc2 = 0.5;
    double inertia = 1.0;
    double g = 9.8;
    double theta1 = s[0];
    double theta2 = s[1];
    double dtheta1 = s[2];
    double dtheta2 = s[3];
    double d1 = m1 * lc1 * lc1 + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * StrictMath.cos(theta2)) + inertia + inertia;
    double d2 = m2 * (lc2 * lc2 + l1 * lc2 * StrictMath.cos(theta2)) + inertia;
    double phi2 = m2 * lc2 * g * StrictMath.cos(theta1 + theta2 - Math.PI / 2.0);
    double phi1 = -m2 * l1 * lc2 * (dtheta2 * dtheta2) * StrictMath.sin(theta2) - 2 * m2 * l1 * lc2 * dtheta2 * dtheta1 * StrictMath.sin(theta2)
        + (m1 * lc1 + m2 * l1) * g * StrictMath.cos(theta1 - Math.PI / 2) + phi2;
    double ddtheta2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * (dtheta1 * dtheta1) * StrictMath.sin(theta2) - phi2)
        / (m2 * lc2 * lc2 + inertia - d2 * d2 / d1);
    double ddtheta1 = -(d2 * ddtheta2 + phi1) / d1;
    return new double[] {dtheta1, dtheta2, ddtheta1, ddtheta2};
  }

  /** Into [−π, π] by whole turns, as Gymnasium's {@code wrap}. */
  private static double wrap(double x) {
    double turn = 2 * Math.PI;
    while (x > Math.PI) {
      x -= turn;
    }
    while (x < -Math.PI) {
      x += turn;
    }
    return x;
  }

  private double[] observation() {
    return new double[] {(float) StrictMath.cos(state[0]), (float) StrictMath.sin(state[0]), (float) StrictMath.cos(state[1]),
        (float) StrictMath.sin(state[1]), (float) state[2], (float) state[3]};
  }

  @Override
  public long[] saveState() {
    return new long[] {Double.doubleToRawLongBits(state[0]), Double.doubleToRawLongBits(state[1]), Double.doubleToRawLongBits(state[2]),
        Double.doubleToRawLongBits(state[3]), started ? 1 : 0, random.state()};
  }

  @Override
  public void loadState(long[] saved) {
    if (saved.length != 6) {
      throw new IllegalArgumentException("Acrobot.loadState: expected 6 words, got " + saved.length + "; was the state saved by another environment?");
    }
    for (int i = 0; i < 4; i++) {
      state[i] = Double.longBitsToDouble(saved[i]);
    }
    started = saved[4] == 1;
    random.setState(saved[5]);
  }
}
