package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * Binary cross-entropy from logits, elementwise, as one primitive: ℓ(x, y) = −[y·log σ(x) + (1 − y)·log(1 − σ(x))]
 * = max(x, 0) − x·y + log(1 + e^−|x|), whose exponential never exceeds 1, so no logit overflows.
 * ∂ℓ/∂x = σ(x) − y. Autoencoders and VAEs evaluate it on every pixel of every step; composed from
 * softplus it took about ten passes over the batch (masks, selects, exp, log, products) forward and as
 * many back, where this takes one each ({@link BinaryCrossEntropyRule}, {@link MulSigmoidResidualRule}).
 * The composite in {@code Losses.binaryCrossEntropyWithLogits} with a positive weight stays as its
 * test oracle. The targets are constants (data): they get no gradient.
 *
 * <pre>{@code
 * Tensor perPixel = BinaryCrossEntropy.withLogits(logits, images);   // [n, 784], like logits
 * Tensor perImage = perPixel.sum(1, Dims.DROP);                      // −log p(x | z) of a Bernoulli decoder
 * }</pre>
 */
public final class BinaryCrossEntropy {
  private BinaryCrossEntropy() {}

  /**
   * ℓ(logits, targets) elementwise, shaped like {@code logits}; {@code targets} (values in [0, 1]) must
   * have the same shape and are cast to the logits' dtype. Inputs are not modified.
   */
  public static Tensor withLogits(Tensor logits, NDArray targets) {
    if (!targets.shape().equals(logits.shape())) {
      throw new IllegalArgumentException("binaryCrossEntropyWithLogits: targets have shape " + targets.shape() + " but the logits have shape "
          + logits.shape() + "; give one target per logit");
    }
    if (!logits.dtype().isFloating()) {
      throw new IllegalArgumentException("binaryCrossEntropyWithLogits: logits must be float32 or float64, got " + logits.dtype());
    }
    return Tensor.apply(new BinaryCrossEntropyRule(targets.astype(logits.dtype())), logits);
  }

  /** The kernel's two results: ℓ(x, y), and σ(x), which the backward pass then needs without an exponential of its own. */
  record LossAndSigmoid(NDArray loss, NDArray sigmoid) {}

  /**
   * The kernel: ℓ(x, y) for x and y of one shape and floating dtype, and σ(x) from the same e^−|x|
   * (σ(x) = 1 / (1 + e^−x) for x ≥ 0, e^x / (1 + e^x) below), so that each element costs one exponential
   * and one logarithm forward and none back.
   */
  static LossAndSigmoid loss(NDArray x, NDArray y) {
    int n = (int) x.size();
    if (x.dtype() == DType.FLOAT64) {
      double[] logits = x.doublesToRead();
      double[] targets = y.doublesToRead();
      double[] out = new double[n];
      double[] sigmoid = new double[n];
      for (int i = 0; i < n; i++) {
        double v = logits[i];
        double e = Math.exp(-Math.abs(v));
        out[i] = Math.max(v, 0) - v * targets[i] + Math.log(1 + e);
        sigmoid[i] = (v >= 0 ? 1 : e) / (1 + e);
      }
      return new LossAndSigmoid(NDArray.wrap(out, x.shape().dims()), NDArray.wrap(sigmoid, x.shape().dims()));
    }
    float[] logits = x.floatsToRead();
    float[] targets = y.floatsToRead();
    float[] out = new float[n];
    float[] sigmoid = new float[n];
    for (int i = 0; i < n; i++) {
      float v = logits[i];
      double e = Math.exp(-Math.abs(v));
      out[i] = (float) (Math.max(v, 0f) - v * targets[i] + Math.log(1 + e));
      sigmoid[i] = (float) ((v >= 0 ? 1 : e) / (1 + e));
    }
    return new LossAndSigmoid(NDArray.wrap(out, x.shape().dims()), NDArray.wrap(sigmoid, x.shape().dims()));
  }

  /** a·(s − y) for a, s = σ(x) (from {@link #loss}) and y of one shape: the slope kernel without its exponential. */
  static NDArray mulResidual(NDArray a, NDArray s, NDArray y) {
    int n = (int) s.size();
    if (s.dtype() == DType.FLOAT64 || a.dtype() == DType.FLOAT64) {
      double[] scale = a.doublesToRead();
      double[] sigmoid = s.doublesToRead();
      double[] targets = y.doublesToRead();
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = scale[i] * (sigmoid[i] - targets[i]);
      }
      return NDArray.wrap(out, s.shape().dims());
    }
    float[] scale = a.floatsToRead();
    float[] sigmoid = s.floatsToRead();
    float[] targets = y.floatsToRead();
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = scale[i] * (sigmoid[i] - targets[i]);
    }
    return NDArray.wrap(out, s.shape().dims());
  }

  /** The slope kernel: a·(σ(x) − y) for a, x and y of one shape; σ(x) = 1 / (1 + e^−x) tends to 0 as e^−x overflows. */
  static NDArray mulSigmoidResidual(NDArray a, NDArray x, NDArray y) {
    int n = (int) x.size();
    if (x.dtype() == DType.FLOAT64 || a.dtype() == DType.FLOAT64) {
      double[] scale = a.doublesToRead();
      double[] logits = x.doublesToRead();
      double[] targets = y.doublesToRead();
      double[] out = new double[n];
      for (int i = 0; i < n; i++) {
        out[i] = scale[i] * (1 / (1 + Math.exp(-logits[i])) - targets[i]);
      }
      return NDArray.wrap(out, x.shape().dims());
    }
    float[] scale = a.floatsToRead();
    float[] logits = x.floatsToRead();
    float[] targets = y.floatsToRead();
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = scale[i] * (float) (1 / (1 + Math.exp(-logits[i])) - targets[i]);
    }
    return NDArray.wrap(out, x.shape().dims());
  }
}
