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
    check(logits, targets);
    return Tensor.apply(new BinaryCrossEntropyRule(targets.astype(logits.dtype())), logits);
  }

  private static void check(Tensor logits, NDArray targets) {
    if (!targets.shape().equals(logits.shape())) {
      throw new IllegalArgumentException("binaryCrossEntropyWithLogits: targets have shape " + targets.shape() + " but the logits have shape "
          + logits.shape() + "; give one target per logit");
    }
    if (!logits.dtype().isFloating()) {
      throw new IllegalArgumentException("binaryCrossEntropyWithLogits: logits must be float32 or float64, got " + logits.dtype());
    }
  }

  /**
   * Σ_j ℓ(logits[i, j], targets[i, j]) per row i of [n, m], shaped [n]: a Bernoulli decoder's −log p(x | z)
   * per image. The same value as {@code withLogits(logits, targets).sum(1, Dims.DROP)}, in one pass and with one logarithm per row
   * instead of one per element: Σ_j log(1 + e_j) = log Π_j (1 + e_j), each factor in (1, 2], folded into
   * the sum every {@value #FACTORS_PER_LOG} factors so that the product cannot overflow. Inputs are not
   * modified.
   */
  public static Tensor withLogitsSummed(Tensor logits, NDArray targets) {
    if (logits.rank() != 2) {
      throw new IllegalArgumentException("binaryCrossEntropyWithLogits: row sums need logits [n, m], got " + logits.shape()
          + "; reshape to rows first");
    }
    check(logits, targets);
    return Tensor.apply(new BinaryCrossEntropySumRule(targets.astype(logits.dtype())), logits);
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

  /** Row sums of ℓ are folded into the total every this many factors 1 + e^−|x| ≤ 2, far below double's 2^1024. */
  static final int FACTORS_PER_LOG = 512;

  /** The summed kernel: ℓ(x, y) summed over each row of [n, m], and σ(x) elementwise, as {@link #loss} computes them. */
  static LossAndSigmoid lossSums(NDArray x, NDArray y) {
    int rows = x.shape().dim(0);
    int columns = x.shape().dim(1);
    boolean single = x.dtype() == DType.FLOAT32;
    float[] logits32 = single ? x.floatsToRead() : null;
    float[] targets32 = single ? y.floatsToRead() : null;
    double[] logits64 = single ? null : x.doublesToRead();
    double[] targets64 = single ? null : y.doublesToRead();
    double[] sums = new double[rows];
    float[] sigmoid32 = single ? new float[rows * columns] : null;
    double[] sigmoid64 = single ? null : new double[rows * columns];
    for (int r = 0; r < rows; r++) {
      double linear = 0;
      double logs = 0;
      double product = 1;
      for (int j = 0, i = r * columns; j < columns; j++, i++) {
        double v = single ? logits32[i] : logits64[i];
        double e = Math.exp(-Math.abs(v));
        linear += Math.max(v, 0) - v * (single ? targets32[i] : targets64[i]);
        product *= 1 + e;
        double sigmoid = (v >= 0 ? 1 : e) / (1 + e);
        if (single) {
          sigmoid32[i] = (float) sigmoid;
        } else {
          sigmoid64[i] = sigmoid;
        }
        if ((j + 1) % FACTORS_PER_LOG == 0) {
          logs += Math.log(product);
          product = 1;
        }
      }
      sums[r] = linear + logs + Math.log(product);
    }
    NDArray sigmoid = single ? NDArray.wrap(sigmoid32, rows, columns) : NDArray.wrap(sigmoid64, rows, columns);
    return new LossAndSigmoid(NDArray.wrap(sums, rows).astype(x.dtype()), sigmoid);
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
