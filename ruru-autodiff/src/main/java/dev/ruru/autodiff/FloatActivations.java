package dev.ruru.autodiff;

/**
 * tanh and the logistic sigmoid in float32 for the fused recurrent kernel, without exp: Eigen's
 * rational approximation of tanh (a degree-13 odd polynomial over a degree-6 even one on
 * [−7.905, 7.905], where float tanh rounds to ±1 outside), accurate to 4e-7 absolute, and
 * σ(x) = ½ + ½·tanh(x/2). Branch-free float arithmetic, so HotSpot turns the loops over arrays below into
 * vector instructions: about 1 ns an element here, against 6–8 ns for Math.exp.
 *
 * <p>The loops take every array from index 0 and write only at the index they read: with offsets into a
 * shared array the JIT cannot rule out overlap and leaves them scalar.
 */
final class FloatActivations {
  private static final float LIMIT = 7.90531110763549805f;

  private FloatActivations() {}

  static float tanh(float x) {
    x = Math.max(-LIMIT, Math.min(LIMIT, x));
    float x2 = x * x;
    float p = x2 * -2.76076847742355e-16f + 2.00018790482477e-13f;
    p = x2 * p + -8.60467152213735e-11f;
    p = x2 * p + 5.12229709037114e-08f;
    p = x2 * p + 1.48572235717979e-05f;
    p = x2 * p + 6.37261928875436e-04f;
    p = x2 * p + 4.89352455891786e-03f;
    float q = x2 * 1.19825839466702e-06f + 1.18534705686654e-04f;
    q = x2 * q + 2.26843463243900e-03f;
    q = x2 * q + 4.89352518554385e-03f;
    return x * p / q;
  }

  static float sigmoid(float x) {
    return 0.5f + 0.5f * tanh(0.5f * x);
  }

  /** x[j] ← σ(x[j] + bias[j]) for j in [0, n). */
  static void sigmoidInPlace(float[] x, float[] bias, int n) {
    for (int j = 0; j < n; j++) {
      x[j] = 0.5f + 0.5f * tanh(0.5f * (x[j] + bias[j]));
    }
  }

  /** x[j] ← tanh(x[j] + bias[j]) for j in [0, n). */
  static void tanhInPlace(float[] x, float[] bias, int n) {
    for (int j = 0; j < n; j++) {
      x[j] = tanh(x[j] + bias[j]);
    }
  }

  /** y[j] ← tanh(x[j]) for j in [0, n). */
  static void tanh(float[] x, float[] y, int n) {
    for (int j = 0; j < n; j++) {
      y[j] = tanh(x[j]);
    }
  }

  /** x[j] ← σ(x[j]) for j in [0, n). */
  static void sigmoidInPlace(float[] x, int n) {
    for (int j = 0; j < n; j++) {
      x[j] = 0.5f + 0.5f * tanh(0.5f * x[j]);
    }
  }

  /** x[j] ← tanh(x[j]) for j in [0, n). */
  static void tanhInPlace(float[] x, int n) {
    for (int j = 0; j < n; j++) {
      x[j] = tanh(x[j]);
    }
  }
}
