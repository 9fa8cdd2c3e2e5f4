package dev.ruru.rl.env;

import dev.ruru.train.ResumableRandom;

/**
 * CartPole-v1 (Barto, Sutton and Anderson 1983), ported from Gymnasium's {@code cartpole.py}: a pole
 * hinged on a cart; each step pushes the cart left (action 0) or right (action 1) with 10 N. The state
 * {@code (x, ẋ, θ, θ̇)} moves by explicit Euler steps of τ = 0.02 s under
 * <pre>
 *   temp = (F + m_p·l·θ̇²·sin θ) / (m_c + m_p)
 *   θ̈ = (g·sin θ − cos θ·temp) / (l·(4/3 − m_p·cos²θ / (m_c + m_p)))
 *   ẍ = temp − m_p·l·θ̈·cos θ / (m_c + m_p)
 * </pre>
 * with g = 9.8, m_c = 1, m_p = 0.1 and l = 0.5 (half the pole). Reward 1 every step; the episode
 * terminates when |x| &gt; 2.4 or |θ| &gt; 12°; {@link Environments#make} adds the 500-step limit. A reset
 * draws every state element from U(−0.05, 0.05). Observations are the state rounded to float32, as
 * Gymnasium returns them; the dynamics run in double.
 */
public final class CartPole implements Env {
  static final double GRAVITY = 9.8;
  static final double MASS_CART = 1.0;
  static final double MASS_POLE = 0.1;
  static final double TOTAL_MASS = MASS_POLE + MASS_CART;
  static final double HALF_LENGTH = 0.5;
  static final double POLE_MASS_LENGTH = MASS_POLE * HALF_LENGTH;
  static final double FORCE = 10.0;
  static final double TAU = 0.02;
  /** 12 degrees, written as Gymnasium writes it so the constant is bit-identical. */
  public static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;
  public static final double X_THRESHOLD = 2.4;

  private static final Discrete ACTIONS = new Discrete(2);
  // Twice the thresholds, so a failing observation is still within bounds (as Gymnasium's space).
  private static final Box OBSERVATIONS = new Box(
      new double[] {-X_THRESHOLD * 2, Double.NEGATIVE_INFINITY, -THETA_THRESHOLD * 2, Double.NEGATIVE_INFINITY},
      new double[] {X_THRESHOLD * 2, Double.POSITIVE_INFINITY, THETA_THRESHOLD * 2, Double.POSITIVE_INFINITY});

  private final ResumableRandom random = new ResumableRandom(0);
  private final double[] state = new double[4];
  private boolean started;
  /** Gymnasium's {@code steps_beyond_terminated}: -1 for None. */
  private long stepsBeyondTerminated = -1;

  @Override public String id() { return "CartPole-v1"; }
  @Override public Box observationSpace() { return OBSERVATIONS; }
  @Override public Discrete actionSpace() { return ACTIONS; }

  @Override
  public double[] reset(long seed) {
    random.setState(new ResumableRandom(seed).state());
    return reset();
  }

  @Override
  public double[] reset() {
    for (int i = 0; i < 4; i++) {
      state[i] = random.nextDouble(-0.05, 0.05);
    }
    started = true;
    stepsBeyondTerminated = -1;
    return observation();
  }

  /** Starts an episode from a given state {@code (x, ẋ, θ, θ̇)} (tests and fixtures use fixed states). */
  public double[] resetTo(double[] initial) {
    if (initial.length != 4) {
      throw new IllegalArgumentException("CartPole.resetTo: expected 4 numbers (x, x_dot, theta, theta_dot), got " + initial.length);
    }
    System.arraycopy(initial, 0, state, 0, 4);
    started = true;
    stepsBeyondTerminated = -1;
    return observation();
  }

  @Override
  public StepResult step(int action) {
    ACTIONS.checkAction(id(), action);
    if (!started) {
      throw new IllegalStateException(id() + ".step: no episode in progress; call reset(seed) first");
    }
    integrate(action == 1 ? FORCE : -FORCE);
    boolean terminated = state[0] < -X_THRESHOLD || state[0] > X_THRESHOLD || state[2] < -THETA_THRESHOLD || state[2] > THETA_THRESHOLD;
    double reward = 1.0;
    if (terminated) {
      // Gymnasium pays the step that fails and nothing for steps past the end (it warns; OrderEnforcing refuses them).
      reward = stepsBeyondTerminated < 0 ? 1.0 : 0.0;
      stepsBeyondTerminated++;
    }
    return new StepResult(observation(), reward, terminated, false);
  }

  private void integrate(double force) {
    double x = state[0];
    double xDot = state[1];
    double theta = state[2];
    double thetaDot = state[3];
    // StrictMath (fdlibm) and Python's grouping of each product make every state bit-identical to the
    // Python transcription over 500 steps; Math.cos or another grouping drift by an ulp, which the chaos amplifies.
    double cos = StrictMath.cos(theta);
    double sin = StrictMath.sin(theta);
    double temp = (force + POLE_MASS_LENGTH * (thetaDot * thetaDot) * sin) / TOTAL_MASS;
    double thetaAcc = (GRAVITY * sin - cos * temp) / (HALF_LENGTH * (4.0 / 3.0 - MASS_POLE * (cos * cos) / TOTAL_MASS));
    double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
    state[0] = x + TAU * xDot;
    state[1] = xDot + TAU * xAcc;
    state[2] = theta + TAU * thetaDot;
    state[3] = thetaDot + TAU * thetaAcc;
  }

  private double[] observation() {
    double[] observation = new double[4];
    for (int i = 0; i < 4; i++) {
      observation[i] = (float) state[i];
    }
    return observation;
  }

  @Override
  public long[] saveState() {
    return new long[] {Double.doubleToRawLongBits(state[0]), Double.doubleToRawLongBits(state[1]), Double.doubleToRawLongBits(state[2]),
        Double.doubleToRawLongBits(state[3]), started ? 1 : 0, stepsBeyondTerminated, random.state()};
  }

  @Override
  public void loadState(long[] saved) {
    if (saved.length != 7) {
      throw new IllegalArgumentException("CartPole.loadState: expected 7 words, got " + saved.length + "; was the state saved by another environment?");
    }
    for (int i = 0; i < 4; i++) {
      state[i] = Double.longBitsToDouble(saved[i]);
    }
    started = saved[4] == 1;
    stepsBeyondTerminated = saved[5];
    random.setState(saved[6]);
  }
}
