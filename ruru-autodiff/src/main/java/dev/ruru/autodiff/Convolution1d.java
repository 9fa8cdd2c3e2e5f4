package dev.ruru.autodiff;

import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;

/**
 * Convolution and pooling on [N, C, L] sequences (audio, time series): each is the 2-D operation of
 * {@link Convolution} over a height of 1, x reshaped to [N, C, 1, L] (a view, no copy), so a 1-D
 * network shares the 2-D primitives' im2col + GEMM kernels and their reverse and forward rules: im2col
 * over one row is the 1-D im2col, so a kernel of its own would do the same work (bench/compare_wavenet.py
 * measures a network of them against PyTorch's conv1d). Inputs are not modified.
 *
 * <pre>{@code
 * Tensor x = Tensor.constant(audio);                                     // [8, 1, 16000]
 * Tensor w = Tensor.variable(NDArray.randn(Shape.of(16, 1, 2), rng));    // [out, in, k]
 * Tensor y = Convolution1d.conv1d(x, w, Conv1dSpec.causal(2, 4));       // [8, 16, 16000], causal
 * Tensor p = Convolution1d.maxPool1d(y, Pool1dSpec.of(4));               // [8, 16, 4000]
 * }</pre>
 */
public final class Convolution1d {
  private Convolution1d() {}

  /**
   * y[n, o, t] = Σ_{c, a} x[n, g·C/G + c, t·stride + a·dilation − left] · w[o, c, a], with g the group of
   * output channel o. x [N, C, L], w [O, C/groups, k], y [N, O, OL] with
   * OL = ⌊(L + left + right − dilation·(k − 1) − 1) / stride⌋ + 1.
   */
  public static Tensor conv1d(Tensor x, Tensor weight, Conv1dSpec spec) {
    return conv1d(x, weight, null, spec);
  }

  /** conv1d plus a bias [O] (or none, when null) added to every position of its output channel. */
  public static Tensor conv1d(Tensor x, Tensor weight, Tensor bias, Conv1dSpec spec) {
    int outLength = check("conv1d", x, weight, spec);
    Tensor y = bias == null ? Convolution.conv2d(height(x), height(weight), spec.asConv2d())
        : Convolution.conv2d(height(x), height(weight), bias, spec.asConv2d());
    return y.reshape(x.shape().dim(0), weight.shape().dim(0), outLength);
  }

  /**
   * The transposed convolution, the gradient of conv1d with respect to its input: x [N, Cin, L],
   * w [Cin, Cout/groups, k] (PyTorch's layout), output [N, Cout, OL] with
   * OL = (L − 1)·stride − left − right + dilation·(k − 1) + 1 + outputPadding.
   */
  public static Tensor convTranspose1d(Tensor x, Tensor weight, Conv1dSpec spec, int outputPadding) {
    requireRank("convTranspose1d", x, weight, "[in channels, out channels / groups, k]");
    if (x.shape().dim(1) != weight.shape().dim(0) || weight.shape().dim(0) % spec.groups() != 0) {
      throw new ShapeMismatchException("convTranspose1d: weight " + weight.shape() + " with " + spec.groups()
          + " group(s) expects " + weight.shape().dim(0) + " input channels (divisible by the groups); got input " + x.shape());
    }
    Tensor y = Convolution.convTranspose2d(height(x), height(weight), spec.asConv2d(), 0, outputPadding);
    return y.reshape(x.shape().dim(0), y.shape().dim(1), y.shape().dim(3));
  }

  /** The maximum of each window, y[n, c, t] = max_a x[n, c, t·stride + a − padding]; padding never wins. */
  public static Tensor maxPool1d(Tensor x, Pool1dSpec spec) {
    int outLength = checkPool("maxPool1d", x, spec);
    return Convolution.maxPool2d(height(x), spec.asPool2d()).reshape(x.shape().dim(0), x.shape().dim(1), outLength);
  }

  /** The mean of each window, zero padding counted (PyTorch's count_include_pad). */
  public static Tensor avgPool1d(Tensor x, Pool1dSpec spec) {
    int outLength = checkPool("avgPool1d", x, spec);
    return Convolution.avgPool2d(height(x), spec.asPool2d()).reshape(x.shape().dim(0), x.shape().dim(1), outLength);
  }

  /** [N, C, L] as [N, C, 1, L]: a view. */
  private static Tensor height(Tensor x) {
    Shape s = x.shape();
    return x.reshape(s.dim(0), s.dim(1), 1, s.dim(2));
  }

  private static int check(String op, Tensor x, Tensor weight, Conv1dSpec spec) {
    requireRank(op, x, weight, "[out channels, in channels / groups, k]");
    int groups = spec.groups();
    if (weight.shape().dim(1) * groups != x.shape().dim(1) || weight.shape().dim(0) % groups != 0) {
      throw new ShapeMismatchException(op + ": weight " + weight.shape() + " with " + groups + " group(s) expects "
          + weight.shape().dim(1) * groups + " input channels and out channels divisible by " + groups + "; got input " + x.shape());
    }
    int kernel = weight.shape().dim(2);
    int length = x.shape().dim(2);
    int out = spec.outputLength(length, kernel);
    if (out < 1) {
      throw new IllegalArgumentException(op + ": kernel " + kernel + " (dilation " + spec.dilation() + ", span "
          + (spec.dilation() * (kernel - 1) + 1) + ") is longer than the padded input " + (length + spec.padLeft() + spec.padRight())
          + " (length " + length + " plus padding " + spec.padLeft() + "+" + spec.padRight() + ")");
    }
    return out;
  }

  private static void requireRank(String op, Tensor x, Tensor weight, String weightLayout) {
    if (x.rank() != 3) {
      throw new ShapeMismatchException(op + ": expected input [batch, channels, length], got " + x.shape()
          + (x.rank() == 2 ? "; add the channel axis with reshape(batch, 1, length)" : ""));
    }
    if (weight.rank() != 3) {
      throw new ShapeMismatchException(op + ": expected weight " + weightLayout + ", got " + weight.shape());
    }
  }

  private static int checkPool(String op, Tensor x, Pool1dSpec spec) {
    if (x.rank() != 3) {
      throw new ShapeMismatchException(op + ": expected input [batch, channels, length], got " + x.shape());
    }
    int length = x.shape().dim(2);
    int padded = length + 2 * spec.padding();
    if (padded < spec.kernel()) {
      throw new IllegalArgumentException(op + ": kernel " + spec.kernel() + " is longer than the padded input " + padded
          + " (length " + length + " plus padding " + spec.padding() + " on each side)");
    }
    return (padded - spec.kernel()) / spec.stride() + 1;
  }
}
