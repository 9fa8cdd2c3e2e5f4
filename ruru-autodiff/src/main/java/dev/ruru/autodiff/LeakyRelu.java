package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * The leaky rectifier as one primitive: f(x) = x for x &gt; 0, else a·x (Maas et al., 2013), with
 * f'(0) = a as in PyTorch. A GAN's discriminator applies it after every convolution; composed as
 * where(x &gt; 0, x, a·x) it cost a comparison, a product and a select forward and two selects, their
 * zero arrays and a sum back (a sixth of a profiled DCGAN epoch), where this takes one pass each
 * ({@link LeakyReluRule}, {@link MulLeakyStepRule}). The composite stays as its test oracle.
 *
 * <pre>{@code
 * Tensor y = LeakyRelu.apply(x, 0.2);   // like x
 * }</pre>
 */
public final class LeakyRelu {
  private LeakyRelu() {}

  /** f(x) elementwise for a floating {@code x}; {@code negativeSlope} a is usually in [0, 1). Inputs are not modified. */
  public static Tensor apply(Tensor x, double negativeSlope) {
    if (!x.dtype().isFloating()) {
      throw new IllegalArgumentException("leakyRelu: expected a float32 or float64 input, got " + x.dtype());
    }
    return Tensor.apply(new LeakyReluRule(negativeSlope), x);
  }

  /**
   * The kernel: a·s(x) with s(x) = 1 for x &gt; 0, else {@code slope}; a and x of one shape (a = x gives
   * f(x)). s(x) = H + (1 − H)·slope with H = max(signum(x), 0), exactly 1 or the slope: a select on
   * x &gt; 0 ran as a branch, mispredicted on half of a network's activations, 20 times slower than
   * this, which HotSpot vectorises. A NaN x gives NaN (in the gradient too, where the select gave
   * slope·a).
   */
  static NDArray mulStep(NDArray a, NDArray x, double slope) {
    int n = (int) x.size();
    if (a.dtype() == DType.FLOAT64 || x.dtype() == DType.FLOAT64) {
      double[] scale = a.doublesToRead();
      double[] values = x.doublesToRead();
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        double positive = Math.max(Math.signum(values[i]), 0);
        out[i] = scale[i] * (positive + (1 - positive) * slope);
      }
      return NDArray.wrap(out, x.shape().dims());
    }
    float[] scale = a.floatsToRead();
    float[] values = x.floatsToRead();
    float[] out = new float[n];
    float s = (float) slope;
    for (int i = 0; i < n; i++) {
      float positive = Math.max(Math.signum(values[i]), 0f);
      out[i] = scale[i] * (positive + (1 - positive) * s);
    }
    return NDArray.wrap(out, x.shape().dims());
  }
}
