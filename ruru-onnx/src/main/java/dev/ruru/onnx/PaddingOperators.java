package dev.ruru.onnx;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Pad in its three modes. Constant padding is a zero pad plus the constant where the pad is; edge and
 * reflect are a gather per axis of the source index of every output position, so all three are
 * differentiable. Negative pads crop.
 */
final class PaddingOperators {
  private PaddingOperators() {}

  static void register(Map<String, Operator> table) {
    table.put("Pad", PaddingOperators::pad);
  }

  private static List<Tensor> pad(NodeCall call) {
    Tensor x = call.input(0);
    boolean inputs = call.opset() >= 11;
    long[] pads = inputs ? call.longs(1) : call.intsAttribute("pads", new long[0]);
    int[] axes = new int[pads.length / 2];
    Arrays.setAll(axes, i -> i);
    if (inputs && call.optionalInput(3) != null) {
      long[] given = call.longs(3);
      axes = Arrays.stream(given).mapToInt(axis -> call.axis(axis, x.rank())).toArray();
    }
    if (pads.length != 2 * axes.length) {
      throw call.error("pads " + Arrays.toString(pads) + " for " + axes.length + " axes", "give a begin and an end pad per axis");
    }
    String mode = call.stringAttribute("mode", "constant");
    double value = inputs ? (call.optionalInput(2) == null ? 0 : call.input(2).item()) : call.floatAttribute("value", 0);
    Tensor y = x;
    for (int i = 0; i < axes.length; i++) {
      y = padAxis(call, y, axes[i], (int) pads[i], (int) pads[i + axes.length], mode, value);
    }
    return List.of(y);
  }

  private static Tensor padAxis(NodeCall call, Tensor x, int axis, int before, int after, String mode, double value) {
    int extent = x.shape().dim(axis);
    if (before < 0 || after < 0) {
      x = x.slice(axis, Math.max(0, -before), Math.max(Math.max(0, -before), extent + Math.min(0, after)), 1);
      return padAxis(call, x, axis, Math.max(0, before), Math.max(0, after), mode, value);
    }
    if (before == 0 && after == 0) {
      return x;
    }
    return switch (mode) {
      case "constant" -> {
        int[][] widths = new int[x.rank()][2];
        widths[axis] = new int[] {before, after};
        Tensor padded = x.pad(widths);
        yield value == 0 ? padded : padded.add(Tensor.constant(NDArray.zeros(x.shape(), x.dtype()).pad(widths, value)));
      }
      case "edge", "reflect" -> {
        if (extent == 0 || mode.equals("reflect") && (before >= extent || after >= extent)) {
          throw call.error(mode + " padding of " + before + " and " + after + " along axis " + axis + " of " + x.shape(),
              "reflect pads must be shorter than the axis, and edge needs a non-empty axis");
        }
        yield IndexingOperators.take(x, axis, sources(extent, before, after, mode.equals("edge")));
      }
      default -> throw call.error("mode " + mode, "Ruru pads in constant, edge and reflect modes");
    };
  }

  /** For each padded position, the source index: clamped (edge) or mirrored without repeating the end (reflect). */
  private static NDArray sources(int extent, int before, int after, boolean edge) {
    long[] indices = new long[before + extent + after];
    int period = 2 * (extent - 1);
    for (int i = 0; i < indices.length; i++) {
      int j = i - before;
      if (edge) {
        indices[i] = Math.clamp(j, 0, extent - 1);
      } else if (extent == 1) {
        indices[i] = 0;
      } else {
        int folded = Math.floorMod(j, period);
        indices[i] = folded < extent ? folded : period - folded;
      }
    }
    return NDArray.of(indices, indices.length);
  }
}
