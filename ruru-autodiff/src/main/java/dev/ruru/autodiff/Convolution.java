package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
import dev.ruru.array.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Convolution and pooling on NCHW tensors, the operations of convolutional networks. Convolution and
 * max pooling are fused primitives (im2col + GEMM; recorded argmax positions) with their own reverse
 * and forward rules; average pooling is composed from slices. The block networks are made of,
 * convolution → relu (→ max pooling), is one primitive too ({@link #conv2dRelu},
 * {@link #conv2dReluMaxPool}), with the values and gradients of the operations apart: it works a
 * sample at a time in cache, where the operations apart each pass over the whole batch in memory.
 * Inputs are not modified; a float64 input with a float32 weight computes in float64, as other binary
 * operations promote.
 *
 * <pre>{@code
 * Tensor x = Tensor.constant(images);                                     // [64, 1, 28, 28]
 * Tensor w = Tensor.variable(NDArray.randn(Shape.of(16, 1, 3, 3), rng));  // [out, in, kh, kw]
 * Tensor y = Convolution.conv2d(x, w, Conv2dSpec.of(1, 1));              // [64, 16, 28, 28]
 * Tensor p = Convolution.maxPool2d(y.relu(), Pool2dSpec.of(2));           // [64, 16, 14, 14]
 * Tensor q = Convolution.conv2dReluMaxPool(x, w, null, Conv2dSpec.of(1, 1), Pool2dSpec.of(2));  // p, fused
 * }</pre>
 */
public final class Convolution {
  private Convolution() {}

  /**
   * y[n, o, i, j] = Σ_{c, a, b} x[n, g·C/G + c, i·sh + a·dh − top, j·sw + b·dw − left] · w[o, c, a, b],
   * with g = o / (O/G) the group of output channel o. x [N, C, H, W], w [O, C/groups, kh, kw],
   * y [N, O, OH, OW] with OH = ⌊(H + top + bottom − dh·(kh − 1) − 1) / sh⌋ + 1 (OW likewise).
   */
  public static Tensor conv2d(Tensor x, Tensor weight, Conv2dSpec spec) {
    Tensor[] xw = aligned(x, weight);
    return Tensor.apply(new Conv2dRule(ConvGeometry.of("conv2d", x.shape(), weight.shape(), spec)), xw[0], xw[1]);
  }

  /** conv2d plus a bias [O] added to every position of its output channel. */
  public static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, Conv2dSpec spec) {
    return conv2d(x, weight, bias, spec, false);
  }

  /**
   * relu(conv2d(x, w) + b), the bias optional (null), as one primitive: each sample's output is
   * clipped while it is in cache, where a relu after the convolution is one more pass over the whole
   * output into a fresh array. Values and gradients are those of the two operations apart.
   */
  public static Tensor conv2dRelu(Tensor x, Tensor weight, Tensor bias, Conv2dSpec spec) {
    return conv2d(x, weight, bias, spec, true);
  }

  /**
   * maxPool2d(relu(conv2d(x, w) + b)), the bias optional (null): the block convolutional networks
   * are built of, as one primitive that pools each sample's convolution while it is in cache and never
   * stores the convolution's output. Values and gradients are those of the three operations apart.
   */
  public static Tensor conv2dReluMaxPool(Tensor x, Tensor weight, Tensor bias, Conv2dSpec spec, Pool2dSpec pool) {
    ConvGeometry geometry = ConvGeometry.of("conv2dReluMaxPool2d", x.shape(), weight.shape(), spec);
    ConvGeometry pooling = ConvReluPoolRule.poolGeometry(geometry, pool);
    Tensor[] inputs = inputs(geometry, x, weight, bias);
    return inputs == null ? maxPool2d(conv2d(x, weight, bias, spec, true), pool) : Tensor.apply(new ConvReluPoolRule(geometry, pooling), inputs);
  }

  private static Tensor conv2d(Tensor x, Tensor weight, Tensor bias, Conv2dSpec spec, boolean relu) {
    ConvGeometry geometry = ConvGeometry.of(relu ? "conv2dRelu" : "conv2d", x.shape(), weight.shape(), spec);
    Tensor[] inputs = inputs(geometry, x, weight, bias);
    if (inputs == null) {
      // The sum promotes to the bias's type, as a broadcast add does.
      Tensor sum = Tensor.apply(new Conv2dRule(geometry), aligned(x, weight)).add(bias.reshape(geometry.outChannels(), 1, 1));
      return relu ? sum.relu() : sum;
    }
    return Tensor.apply(new Conv2dRule(geometry, relu), inputs);
  }

  /** [x, w] or [x, w, bias] in one dtype for the fused rules; null when the bias has another dtype. */
  private static Tensor[] inputs(ConvGeometry geometry, Tensor x, Tensor weight, Tensor bias) {
    Tensor[] xw = aligned(x, weight);
    if (bias == null) {
      return xw;
    }
    int out = geometry.outChannels();
    if (!bias.shape().equals(Shape.of(out))) {
      throw new IllegalArgumentException("conv2d: bias must be [" + out + "] for weight " + weight.shape() + ", got " + bias.shape());
    }
    return bias.dtype() == xw[0].dtype() ? new Tensor[] {xw[0], xw[1], bias} : null;
  }

  /**
   * The transposed convolution ("deconvolution"): the gradient of conv2d with respect to its input,
   * as a layer of its own. x [N, Cin, H, W], w [Cin, Cout/groups, kh, kw] (PyTorch's layout), output
   * [N, Cout, OH, OW] with OH = (H − 1)·sh − top − bottom + dh·(kh − 1) + 1 + outputPaddingHeight.
   * The output padding (smaller than the stride) picks one of the sizes a strided conv2d maps to H.
   */
  public static Tensor convTranspose2d(Tensor x, Tensor weight, Conv2dSpec spec, int outputPaddingHeight, int outputPaddingWidth) {
    Tensor[] xw = aligned(x, weight);
    ConvGeometry geometry = ConvGeometry.ofTranspose("convTranspose2d", x.shape(), weight.shape(), spec,
        outputPaddingHeight, outputPaddingWidth);
    return Tensor.apply(new ConvTranspose2dRule(geometry), xw[0], xw[1]);
  }

  /**
   * The maximum of each window, y[n, c, i, j] = max_{a, b} x[n, c, i·sh + a − ph, j·sw + b − pw]
   * (padding never wins). Gradients go only to each window's maximum (the first one on ties).
   */
  public static Tensor maxPool2d(Tensor x, Pool2dSpec spec) {
    return Tensor.apply(new MaxPool2dRule(poolGeometry("maxPool2d", x, spec)), floating(x));
  }

  /**
   * The mean of each window, zero padding included in the count (PyTorch's count_include_pad):
   * the sum of kh·kw strided slices of the padded input, divided by kh·kw.
   */
  public static Tensor avgPool2d(Tensor x, Pool2dSpec spec) {
    ConvGeometry g = poolGeometry("avgPool2d", x, spec);
    Tensor padded = floating(x).pad(new int[][] {{0, 0}, {0, 0}, {spec.paddingHeight(), spec.paddingHeight()},
        {spec.paddingWidth(), spec.paddingWidth()}});
    Tensor sum = null;
    for (int a = 0; a < spec.kernelHeight(); a++) {
      for (int b = 0; b < spec.kernelWidth(); b++) {
        Tensor window = padded.slice(2, a, a + (g.outHeight() - 1) * spec.strideHeight() + 1, spec.strideHeight())
            .slice(3, b, b + (g.outWidth() - 1) * spec.strideWidth() + 1, spec.strideWidth());
        sum = sum == null ? window : sum.add(window);
      }
    }
    return sum.div(spec.kernelHeight() * spec.kernelWidth());
  }

  /**
   * Average pooling to a fixed output size OH×OW whatever the input size, as PyTorch's
   * adaptive_avg_pool2d: output row i averages input rows ⌊i·H/OH⌋ to ⌈(i + 1)·H/OH⌉ − 1 (columns
   * likewise). The windows are separable, so rows and columns are averaged one axis at a time.
   */
  public static Tensor adaptiveAvgPool2d(Tensor x, int outHeight, int outWidth) {
    if (x.rank() != 4) {
      throw new IllegalArgumentException("adaptiveAvgPool2d: expected input [batch, channels, height, width], got " + x.shape());
    }
    if (outHeight < 1 || outWidth < 1) {
      throw new IllegalArgumentException("adaptiveAvgPool2d: output size must be positive, got " + outHeight + "x" + outWidth);
    }
    return adaptiveMean(adaptiveMean(floating(x), 2, outHeight), 3, outWidth);
  }

  private static Tensor adaptiveMean(Tensor x, int axis, int out) {
    int length = x.shape().dim(axis);
    if (length % out == 0) {
      int[] dims = x.shape().dims();
      int[] split = new int[dims.length + 1];
      System.arraycopy(dims, 0, split, 0, axis);
      split[axis] = out;
      split[axis + 1] = length / out;
      System.arraycopy(dims, axis + 1, split, axis + 2, dims.length - axis - 1);
      return x.reshape(split).mean(axis + 1, Dims.DROP);
    }
    List<Tensor> windows = new ArrayList<>();
    for (int i = 0; i < out; i++) {
      int start = Math.floorDiv(i * length, out);
      int end = -Math.floorDiv(-(i + 1) * length, out);
      windows.add(x.slice(axis, start, end, 1).mean(axis, Dims.KEEP));
    }
    return Tensor.concat(windows, axis);
  }

  private static ConvGeometry poolGeometry(String op, Tensor x, Pool2dSpec spec) {
    int channels = x.rank() == 4 ? x.shape().dim(1) : 1;
    return ConvGeometry.of(op, x.shape(), Shape.of(channels, 1, spec.kernelHeight(), spec.kernelWidth()), spec.asConvolution(channels));
  }

  private static Tensor floating(Tensor x) {
    return x.dtype().isFloating() ? x : x.astype(DType.FLOAT32);
  }

  private static Tensor[] aligned(Tensor x, Tensor weight) {
    DType type = DType.promote(x.dtype(), weight.dtype());
    DType computed = type.isFloating() ? type : DType.FLOAT32;
    return new Tensor[] {x.astype(computed), weight.astype(computed)};
  }
}
