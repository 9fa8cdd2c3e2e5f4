package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.LeakyRelu;
import dev.ruru.autodiff.Tensor;
import java.util.random.RandomGenerator;

/**
 * The layers as pure functions of tensors: each layer class is a thin wrapper over one of these, and
 * the tests check these against PyTorch and finite differences. All are composed from the autodiff
 * primitives, so reverse and forward mode come for free. Inputs are not modified.
 *
 * <pre>{@code
 * Tensor hidden = Functional.relu(Functional.linear(x, w1, b1));   // x [batch, in], w1 [hidden, in]
 * Tensor logProbabilities = Functional.logSoftmax(Functional.linear(hidden, w2, b2), 1);
 * }</pre>
 */
public final class Functional {
  private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

  private Functional() {}

  /**
   * y = x·Wᵀ + b. Shapes: x [batch, in], W [out, in], b [out], y [batch, out]. One primitive
   * ({@link Tensor#linear}), so that a training loop can keep W's gradient in one array (see
   * {@code GradientBuffers}); the transpose is a BLAS flag, so no weight is copied.
   */
  public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
    checkLinearInput(x, weight, bias);
    return oneDtype(x, weight, bias) ? x.linear(weight, bias) : x.matmul(weight.transpose()).add(bias);
  }

  /** y = x·Wᵀ, a linear map without bias. */
  public static Tensor linear(Tensor x, Tensor weight) {
    checkLinearInput(x, weight, null);
    return oneDtype(x, weight, null) ? x.linear(weight) : x.matmul(weight.transpose());
  }

  /** relu(x·Wᵀ + b) as one primitive (b may be null): what {@link Sequential} runs for a Linear before a ReLU. */
  public static Tensor linearRelu(Tensor x, Tensor weight, Tensor bias) {
    checkLinearInput(x, weight, bias);
    if (oneDtype(x, weight, bias)) {
      return x.linearRelu(weight, bias);
    }
    return (bias == null ? linear(x, weight) : linear(x, weight, bias)).relu();
  }

  /** Whether the primitive applies; operands of mixed dtypes go through the promoting matmul instead. */
  private static boolean oneDtype(Tensor x, Tensor weight, Tensor bias) {
    return x.dtype() == weight.dtype() && (bias == null || bias.dtype() == weight.dtype());
  }

  /** max(x, 0); relu'(0) = 0 as in PyTorch. */
  public static Tensor relu(Tensor x) {
    return x.relu();
  }

  /** x for x > 0, else a·x (Maas et al., 2013); the derivative at 0 is a, as in PyTorch. One fused primitive ({@link LeakyRelu}). */
  public static Tensor leakyRelu(Tensor x, double negativeSlope) {
    return LeakyRelu.apply(x, negativeSlope);
  }

  /**
   * x for x > 0, else α·(eˣ − 1) (Clevert et al., 2016). The exponential sees min(x, 0) so that the
   * branch not taken cannot overflow: an infinite value there would turn its zero gradient into NaN.
   */
  public static Tensor elu(Tensor x, double alpha) {
    Tensor mask = positive(x);
    Tensor clamped = Tensor.where(mask, x.zerosLike(), x);
    return Tensor.where(mask, x, clamped.exp().sub(1).mul(alpha));
  }

  /**
   * GELU with PyTorch's tanh approximation ({@code approximate='tanh'}, Hendrycks and Gimpel, 2016):
   * ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). It differs from the exact x·Φ(x) by less than 5e-4.
   */
  public static Tensor gelu(Tensor x) {
    Tensor inner = x.add(x.pow(3).mul(0.044715)).mul(SQRT_2_OVER_PI);
    return x.mul(inner.tanh().add(1)).mul(0.5);
  }

  /**
   * softplus(x) = log(1 + eˣ) = max(x, 0) + log(1 + e^−|x|): the exponential never exceeds 1. The
   * kinks of max and |x| are written as one mask so the derivative at 0 is σ(0) = ½, not a one-sided value.
   */
  public static Tensor softplus(Tensor x) {
    Tensor mask = positive(x);
    Tensor negativeMagnitude = Tensor.where(mask, x.neg(), x);
    Tensor positivePart = Tensor.where(mask, x, x.zerosLike());
    return positivePart.add(negativeMagnitude.exp().add(1).log());
  }

  /** 1 / (1 + e^−x), computed through tanh so neither it nor its gradient overflows. */
  public static Tensor sigmoid(Tensor x) {
    return x.sigmoid();
  }

  public static Tensor tanh(Tensor x) {
    return x.tanh();
  }

  /** exp(x_i) / Σ_j exp(x_j) along {@code axis}, shifted by the maximum so exp cannot overflow. */
  public static Tensor softmax(Tensor x, int axis) {
    return x.softmax(axis);
  }

  /** x_i − log Σ_j exp(x_j) along {@code axis}; stable for logits of any magnitude. */
  public static Tensor logSoftmax(Tensor x, int axis) {
    return x.logSoftmax(axis);
  }

  /**
   * Inverted dropout (Srivastava et al., 2014): in {@link Mode#TRAIN} each element is zeroed with
   * probability p and the survivors are scaled by 1/(1 − p), so the expected value is unchanged and
   * {@link Mode#EVAL} is the identity. The mask is a constant drawn from {@code rng}.
   */
  public static Tensor dropout(Tensor x, double p, Mode mode, RandomGenerator rng) {
    checkProbability("dropout", p);
    if (mode == Mode.EVAL || p == 0) {
      return x;
    }
    if (p == 1) {
      return x.mul(0);
    }
    return x.mul(Tensor.constant(dropoutMask(x.shape(), p, x.dtype().isFloating() ? x.dtype() : DType.FLOAT32, rng)));
  }

  /**
   * 0 where a uniform float32 draw u (one {@code nextDouble()} per element, as {@code rand(shape)}) is
   * below p, else 1/(1 − p): the same draws and comparison as {@code rand(shape).lt(p)}, so seeded
   * masks stay what they were. The comparison is on the float bits (for non-negative floats their
   * order is the values' order) and gives a sign, not a branch: a branch on random draws mispredicts
   * about every other element, which made this mask take 21 ms of a Cora GAT epoch (2708 × 1433
   * input features), now 8 ms.
   */
  private static NDArray dropoutMask(Shape shape, double p, DType dtype, RandomGenerator rng) {
    int thresholdBits = Float.floatToRawIntBits((float) p);
    int size = shape.size();
    if (dtype == DType.FLOAT64) {
      double[] mask = new double[size];
      long keepBits = Double.doubleToRawLongBits(1 / (1 - p));
      for (int i = 0; i < size; i++) {
        mask[i] = Double.longBitsToDouble(keepBits & keptBits(rng, thresholdBits));
      }
      return NDArray.wrap(mask, shape.dims());
    }
    float[] mask = new float[size];
    int keepBits = Float.floatToRawIntBits((float) (1 / (1 - p)));
    for (int i = 0; i < size; i++) {
      mask[i] = Float.intBitsToFloat(keepBits & (int) keptBits(rng, thresholdBits));
    }
    return NDArray.wrap(mask, shape.dims()).astype(dtype);
  }

  /** One draw: all ones where the float32 uniform is at or above the threshold (kept), zero where below (dropped). */
  private static long keptBits(RandomGenerator rng, int thresholdBits) {
    return ~((long) (Float.floatToRawIntBits((float) rng.nextDouble()) - thresholdBits) >> 63);
  }

  /** Merges axes {@code startAxis..endAxis} (inclusive, negative counts from the end) into one, as torch.flatten. */
  public static Tensor flatten(Tensor x, int startAxis, int endAxis) {
    int rank = x.rank();
    int start = startAxis < 0 ? startAxis + rank : startAxis;
    int end = endAxis < 0 ? endAxis + rank : endAxis;
    if (rank == 0) {
      return x.reshape(1);
    }
    if (start < 0 || end >= rank || start > end) {
      throw new IllegalArgumentException("flatten: axes " + startAxis + ".." + endAxis + " are not a range of the "
          + rank + " axes of " + x.shape());
    }
    int[] dims = x.shape().dims();
    int[] shape = new int[rank - (end - start)];
    System.arraycopy(dims, 0, shape, 0, start);
    shape[start] = 1;
    for (int axis = start; axis <= end; axis++) {
      shape[start] *= dims[axis];
    }
    System.arraycopy(dims, end + 1, shape, start + 1, rank - end - 1);
    return x.reshape(Shape.of(shape));
  }

  /**
   * Resizes [N, C, H, W] images to [N, C, ⌊H·scale⌋, ⌊W·scale⌋] (see {@link Interpolation}). Each axis is
   * a product with a constant [out, in] interpolation matrix, so the whole is two matmuls, reshapes and
   * a permute: its gradient spreads each output pixel's gradient back over the pixels it was made from.
   */
  public static Tensor upsample(Tensor x, double scale, Interpolation interpolation) {
    checkUpsampleScale(scale);
    if (x.rank() != 4) {
      throw new ShapeMismatchException("upsample: expected input [batch, channels, H, W], got " + x.shape());
    }
    int planes = x.shape().dim(0) * x.shape().dim(1);
    int height = x.shape().dim(2);
    int width = x.shape().dim(3);
    int outHeight = (int) Math.floor(height * scale);
    int outWidth = (int) Math.floor(width * scale);
    if (outHeight < 1 || outWidth < 1) {
      throw new ShapeMismatchException("upsample: scale " + scale + " turns " + x.shape() + " into an empty image");
    }
    DType dtype = x.dtype().isFloating() ? x.dtype() : DType.FLOAT32;
    Tensor columns = Tensor.constant(interpolation.matrix(width, outWidth, scale, dtype).transpose());
    Tensor rows = Tensor.constant(interpolation.matrix(height, outHeight, scale, dtype).transpose());
    Tensor wide = x.astype(dtype).reshape(planes * height, width).matmul(columns);
    Tensor tall = wide.reshape(planes, height, outWidth).permute(0, 2, 1).reshape(planes * outWidth, height).matmul(rows);
    return tall.reshape(planes, outWidth, outHeight).permute(0, 2, 1).reshape(x.shape().dim(0), x.shape().dim(1), outHeight, outWidth);
  }

  static void checkUpsampleScale(double scale) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new IllegalArgumentException("upsample: invalid scale factor: " + scale + " (must be positive and finite)");
    }
  }

  static void checkProbability(String op, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(op + ": invalid probability: " + p + " (must be in [0, 1])");
    }
  }

  private static Tensor positive(Tensor x) {
    return x.gt(Tensor.scalar(0, x.dtype()));
  }

  static String linearName(Tensor weight) {
    return "Linear(" + weight.shape().dim(1) + " -> " + weight.shape().dim(0) + ")";
  }

  /** x [batch, in] for the weight [out, in], and a bias [out] unless null. */
  private static void checkLinearInput(Tensor x, Tensor weight, Tensor bias) {
    if (weight.rank() != 2) {
      throw new ShapeMismatchException("linear: the weight must be [out, in], got " + weight.shape());
    }
    int in = weight.shape().dim(1);
    if (x.rank() == 2 && x.shape().dim(1) == in) {
      if (bias != null && !bias.shape().equals(Shape.of(weight.shape().dim(0)))) {
        throw new ShapeMismatchException(linearName(weight) + ": bias has shape " + bias.shape() + ", expected [" + weight.shape().dim(0) + "]");
      }
      return;
    }
    String message = linearName(weight) + ": expected input [batch, " + in + "], got " + x.shape();
    if (x.rank() > 2 && x.shape().size() / Math.max(1, x.shape().dim(0)) == in) {
      message += "; flatten images first";
    } else if (x.rank() == 1 && x.shape().dim(0) == in) {
      message += "; add a batch axis: reshape to [1, " + in + "]";
    }
    throw new ShapeMismatchException(message);
  }
}
