package dev.ruru.onnx;

import dev.ruru.array.Dims;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Convolution;
import dev.ruru.autodiff.Pool2dSpec;
import dev.ruru.autodiff.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Convolution and pooling over NCHW images. 1-D inputs [N, C, L] run as images of height 1. ONNX lists
 * pads as all the starts then all the ends: [top, left, bottom, right].
 */
final class ConvolutionOperators {
  private ConvolutionOperators() {}

  static void register(Map<String, Operator> table) {
    table.put("Conv", ConvolutionOperators::conv);
    table.put("ConvTranspose", TransposedConvolution::convTranspose);
    table.put("MaxPool", call -> pool(call, true));
    table.put("AveragePool", call -> pool(call, false));
    table.put("GlobalAveragePool", call -> List.of(call.input(0).mean(spatialAxes(call.input(0)), Dims.KEEP)));
    table.put("GlobalMaxPool", call -> List.of(call.input(0).max(spatialAxes(call.input(0)), Dims.KEEP)));
  }

  private static int[] spatialAxes(Tensor x) {
    int[] axes = new int[x.rank() - 2];
    Arrays.setAll(axes, i -> i + 2);
    return axes;
  }

  /** The window geometry of a Conv or pooling node: kernel, strides, pads [top, left, bottom, right], dilations. */
  private record Window(int[] kernel, int[] strides, int[] pads, int[] dilations) {}

  private static Window window(NodeCall call, Tensor x, int[] kernel) {
    int spatial = kernel.length;
    int[] strides = ShapeOperators.ints(call, call.intsAttribute("strides", ones(spatial)));
    int[] dilations = ShapeOperators.ints(call, call.intsAttribute("dilations", ones(spatial)));
    int[] pads = ShapeOperators.ints(call, call.intsAttribute("pads", new long[2 * spatial]));
    String autoPad = call.stringAttribute("auto_pad", "NOTSET");
    if (autoPad.startsWith("SAME")) {
      for (int i = 0; i < spatial; i++) {
        int in = x.shape().dim(2 + i);
        int out = (in + strides[i] - 1) / strides[i];
        int total = Math.max(0, (out - 1) * strides[i] + dilations[i] * (kernel[i] - 1) + 1 - in);
        boolean upper = autoPad.equals("SAME_UPPER");
        pads[i] = upper ? total / 2 : total - total / 2;
        pads[i + spatial] = total - pads[i];
      }
    } else if (autoPad.equals("VALID")) {
      Arrays.fill(pads, 0);
    }
    return new Window(kernel, strides, pads, dilations);
  }

  private static long[] ones(int count) {
    long[] out = new long[count];
    Arrays.fill(out, 1);
    return out;
  }

  /** [N, C, L] as [N, C, 1, L], and the 1-D window as a 2-D one of height 1. */
  private static Window asImage(Window w) {
    if (w.kernel.length == 2) {
      return w;
    }
    return new Window(new int[] {1, w.kernel[0]}, new int[] {1, w.strides[0]}, new int[] {0, w.pads[0], 0, w.pads[1]},
        new int[] {1, w.dilations[0]});
  }

  private static void checkSpatial(NodeCall call, Tensor x) {
    if (x.rank() != 3 && x.rank() != 4) {
      throw call.error("input " + x.shape() + " is not [N, C, L] or [N, C, H, W]", "Ruru runs 1-D and 2-D convolution and pooling");
    }
  }

  /** The Conv node's geometry for input {@code x} and kernel {@code weight} (1-D as height-1 images). */
  static Conv2dSpec convSpec(NodeCall call, Tensor x, Tensor weight) {
    int[] kernel = Arrays.copyOfRange(weight.shape().dims(), 2, weight.rank());
    Window w = asImage(window(call, x, kernel));
    return new Conv2dSpec(w.strides[0], w.strides[1], w.pads[0], w.pads[2], w.pads[1], w.pads[3], w.dilations[0],
        w.dilations[1], (int) call.intAttribute("group", 1));
  }

  /** A 2-D MaxPool node's window when the fused kernels take it (symmetric pads, no ceil_mode or dilation), else null. */
  static Pool2dSpec plainMaxPool(NodeCall call, Tensor x) {
    int[] kernel = ShapeOperators.ints(call, call.intsAttribute("kernel_shape", new long[0]));
    if (kernel.length != 2 || call.intAttribute("ceil_mode", 0) != 0 || call.node().outputs().size() > 1) {
      return null;
    }
    Window w = window(call, x, kernel);
    boolean plain = w.dilations[0] == 1 && w.dilations[1] == 1 && w.pads[0] == w.pads[2] && w.pads[1] == w.pads[3]
        && 2 * w.pads[0] <= kernel[0] && 2 * w.pads[1] <= kernel[1];
    return plain ? new Pool2dSpec(kernel[0], kernel[1], w.strides[0], w.strides[1], w.pads[0], w.pads[1]) : null;
  }

  private static List<Tensor> conv(NodeCall call) {
    Tensor x = call.input(0);
    Tensor weight = call.input(1);
    checkSpatial(call, x);
    Conv2dSpec spec = convSpec(call, x, weight);
    boolean oneD = x.rank() == 3;
    Tensor image = oneD ? x.reshape(x.shape().dim(0), x.shape().dim(1), 1, x.shape().dim(2)) : x;
    Tensor kernel2d = oneD ? weight.reshape(weight.shape().dim(0), weight.shape().dim(1), 1, weight.shape().dim(2)) : weight;
    Tensor bias = call.optionalInput(2);
    Tensor y = bias == null ? Convolution.conv2d(image, kernel2d, spec) : Convolution.conv2d(image, kernel2d, bias, spec);
    return List.of(oneD ? y.reshape(y.shape().dim(0), y.shape().dim(1), y.shape().dim(3)) : y);
  }

  /** The fused 2-D kernels where they apply (the usual case); {@link Pooling}'s composite otherwise. */
  private static List<Tensor> pool(NodeCall call, boolean max) {
    Tensor x = call.input(0);
    if (x.rank() < 3) {
      throw call.error("input " + x.shape() + " has no spatial axes", "pooling needs [N, C, ...]");
    }
    if (call.node().outputs().size() > 1) {
      throw call.error("the Indices output is not supported", "use MaxPool's first output only");
    }
    int[] kernel = ShapeOperators.ints(call, call.intsAttribute("kernel_shape", new long[0]));
    Window w = window(call, x, kernel);
    int spatial = kernel.length;
    boolean ceil = call.intAttribute("ceil_mode", 0) != 0;
    boolean countPads = call.intAttribute("count_include_pad", 0) != 0;
    boolean plain = spatial == 2 && !ceil && w.dilations[0] == 1 && w.dilations[1] == 1 && w.pads[0] == w.pads[2]
        && w.pads[1] == w.pads[3] && 2 * w.pads[0] <= kernel[0] && 2 * w.pads[1] <= kernel[1];
    boolean noPads = Arrays.stream(w.pads).allMatch(pad -> pad == 0);
    if (plain && (max || countPads || noPads)) {
      Pool2dSpec spec = new Pool2dSpec(kernel[0], kernel[1], w.strides[0], w.strides[1], w.pads[0], w.pads[1]);
      return List.of(max ? Convolution.maxPool2d(x, spec) : Convolution.avgPool2d(x, spec));
    }
    Pooling.Geometry geometry = new Pooling.Geometry(kernel, w.strides, Arrays.copyOfRange(w.pads, 0, spatial),
        Arrays.copyOfRange(w.pads, spatial, 2 * spatial), w.dilations, ceil);
    return List.of(Pooling.pool(x, geometry, max, countPads));
  }
}
