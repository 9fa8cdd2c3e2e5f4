package dev.ruru.onnx;

import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Convolution;
import dev.ruru.autodiff.Tensor;
import java.util.Arrays;
import java.util.List;

/**
 * ConvTranspose over [N, C, H, W] (and [N, C, L] as height-1 images): Ruru's convTranspose2d. Each output
 * length is s·(n − 1) + output_padding + d·(k − 1) + 1 − pad_begin − pad_end; given output_shape (or
 * auto_pad SAME), the pads are what makes that length (the odd one at the end, at the start for SAME_LOWER),
 * and output padding what makes a longer one.
 */
final class TransposedConvolution {
  private TransposedConvolution() {}

  static List<Tensor> convTranspose(NodeCall call) {
    Tensor x = call.input(0);
    Tensor weight = call.input(1);
    if (x.rank() != 3 && x.rank() != 4) {
      throw call.error("input " + x.shape() + " is not [N, C, L] or [N, C, H, W]", "Ruru runs 1-D and 2-D transposed convolution");
    }
    boolean oneD = x.rank() == 3;
    Tensor image = oneD ? x.reshape(x.shape().dim(0), x.shape().dim(1), 1, x.shape().dim(2)) : x;
    Tensor kernel = oneD ? weight.reshape(weight.shape().dim(0), weight.shape().dim(1), 1, weight.shape().dim(2)) : weight;
    int spatial = x.rank() - 2;
    int[] strides = attribute(call, "strides", spatial, 1);
    int[] dilations = attribute(call, "dilations", spatial, 1);
    int[] outputPadding = attribute(call, "output_padding", spatial, 0);
    int[] pads = pads(call, x, weight, strides, dilations, outputPadding);
    int[] s = oneD ? new int[] {1, strides[0]} : strides;
    int[] d = oneD ? new int[] {1, dilations[0]} : dilations;
    int[] p = oneD ? new int[] {0, pads[0], 0, pads[1]} : pads;
    int[] o = oneD ? new int[] {0, outputPadding[0]} : outputPadding;
    Conv2dSpec spec = new Conv2dSpec(s[0], s[1], p[0], p[2], p[1], p[3], d[0], d[1], (int) call.intAttribute("group", 1));
    Tensor y = Convolution.convTranspose2d(image, kernel, spec, o[0], o[1]);
    Tensor bias = call.optionalInput(2);
    if (bias != null) {
      y = y.add(bias.reshape(bias.shape().dim(0), 1, 1));
    }
    return List.of(oneD ? y.reshape(y.shape().dim(0), y.shape().dim(1), y.shape().dim(3)) : y);
  }

  private static int[] attribute(NodeCall call, String name, int spatial, long fallback) {
    long[] defaults = new long[spatial];
    Arrays.fill(defaults, fallback);
    return ShapeOperators.ints(call, call.intsAttribute(name, defaults));
  }

  /** [begin..., end...]: given, or derived from output_shape or auto_pad SAME. */
  private static int[] pads(NodeCall call, Tensor x, Tensor weight, int[] strides, int[] dilations, int[] outputPadding) {
    int spatial = strides.length;
    String autoPad = call.stringAttribute("auto_pad", "NOTSET");
    long[] outputShape = call.intsAttribute("output_shape", null);
    if (outputShape == null && !autoPad.startsWith("SAME")) {
      return ShapeOperators.ints(call, call.intsAttribute("pads", new long[2 * spatial]));
    }
    int[] pads = new int[2 * spatial];
    for (int i = 0; i < spatial; i++) {
      int in = x.shape().dim(2 + i);
      long target = outputShape != null ? outputShape[outputShape.length - spatial + i] : (long) in * strides[i];
      long full = (long) strides[i] * (in - 1) + outputPadding[i] + (long) dilations[i] * (weight.shape().dim(2 + i) - 1) + 1;
      int total = (int) Math.max(0, full - target);
      // The odd pad goes at the end for SAME_UPPER, as ONNX 1.12's node tests compute it (onnx.proto's text
      // says the start); an output_shape beyond the full length is reached with output padding.
      boolean lower = autoPad.equals("SAME_LOWER");
      pads[i] = lower ? total - total / 2 : total / 2;
      pads[i + spatial] = total - pads[i];
      outputPadding[i] += (int) Math.max(0, target - full);
    }
    return pads;
  }
}
