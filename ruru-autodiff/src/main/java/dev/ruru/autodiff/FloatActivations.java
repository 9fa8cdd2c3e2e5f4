package dev.ruru.autodiff;

import dev.ruru.array.FloatTanh;

/**
 * tanh and the logistic sigmoid in float32 for the fused recurrent kernel: {@link FloatTanh}, the one
 * float32 tanh of Ruru (the array function uses it too, so the fused kernel and the composite agree),
 * and σ(x) = ½ + ½·tanh(x/2). The bias is added in a loop of its own and the tanh runs over the whole
 * array, so that each loop stays one HotSpot vectorizes.
 */
final class FloatActivations {
  private FloatActivations() {}

  static float tanh(float x) {
    return FloatTanh.tanh(x);
  }

  static float sigmoid(float x) {
    return 0.5f + 0.5f * FloatTanh.tanh(0.5f * x);
  }

  /** x[j] ← σ(x[j] + bias[j]) for j in [0, n). */
  static void sigmoidInPlace(float[] x, float[] bias, int n) {
    for (int j = 0; j < n; j++) {
      x[j] = 0.5f * (x[j] + bias[j]);
    }
    FloatTanh.tanh(x, 0, x, 0, n);
    for (int j = 0; j < n; j++) {
      x[j] = 0.5f + 0.5f * x[j];
    }
  }

  /** x[j] ← tanh(x[j] + bias[j]) for j in [0, n). */
  static void tanhInPlace(float[] x, float[] bias, int n) {
    for (int j = 0; j < n; j++) {
      x[j] += bias[j];
    }
    FloatTanh.tanh(x, 0, x, 0, n);
  }

  /** y[j] ← tanh(x[j]) for j in [0, n). */
  static void tanh(float[] x, float[] y, int n) {
    FloatTanh.tanh(x, 0, y, 0, n);
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
