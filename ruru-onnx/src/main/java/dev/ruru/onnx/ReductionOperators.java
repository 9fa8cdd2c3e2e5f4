package dev.ruru.onnx;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import java.util.List;
import java.util.Map;

/** Reductions over axes (ReduceMean, ReduceSum, ReduceMax, ReduceMin) and ArgMax/ArgMin. */
final class ReductionOperators {
  private ReductionOperators() {}

  /** A reduction of a tensor over axes. */
  @FunctionalInterface
  private interface Reduction {
    Tensor reduce(Tensor x, int[] axes, Dims dims);
  }

  static void register(Map<String, Operator> table) {
    reduction(table, "ReduceMean", Tensor::mean, 18);
    reduction(table, "ReduceSum", Tensor::sum, 13);
    reduction(table, "ReduceMax", Tensor::max, 18);
    reduction(table, "ReduceMin", (x, axes, dims) -> x.neg().max(axes, dims).neg(), 18);
    reduction(table, "ReduceSumSquare", (x, axes, dims) -> x.mul(x).sum(axes, dims), 18);
    table.put("ArgMax", call -> argReduce(call, true));
    table.put("ArgMin", call -> argReduce(call, false));
  }

  /** Axes are an attribute until {@code axesInputFrom}, then an optional input; none means all (or none with noop_with_empty_axes). */
  private static void reduction(Map<String, Operator> table, String name, Reduction reduction, int axesInputFrom) {
    table.put(name, call -> {
      Tensor x = call.input(0);
      long[] axes = call.opset() >= axesInputFrom
          ? (call.optionalInput(1) == null ? null : call.longs(1)) : call.intsAttribute("axes", null);
      if ((axes == null || axes.length == 0) && call.intAttribute("noop_with_empty_axes", 0) != 0) {
        return List.of(x);
      }
      int[] resolved = new int[axes == null || axes.length == 0 ? x.rank() : axes.length];
      for (int i = 0; i < resolved.length; i++) {
        resolved[i] = axes == null || axes.length == 0 ? i : call.axis(axes[i], x.rank());
      }
      Dims dims = call.intAttribute("keepdims", 1) != 0 ? Dims.KEEP : Dims.DROP;
      return List.of(reduction.reduce(x, resolved, dims));
    });
  }

  /** select_last_index picks the last of tied values: the first in the reversed axis, mapped back. */
  private static List<Tensor> argReduce(NodeCall call, boolean max) {
    NDArray x = call.input(0).value();
    int axis = call.axis(call.intAttribute("axis", 0), x.rank());
    Dims dims = call.intAttribute("keepdims", 1) != 0 ? Dims.KEEP : Dims.DROP;
    boolean last = call.intAttribute("select_last_index", 0) != 0;
    int extent = x.shape().dim(axis);
    if (last) {
      long[] reversed = new long[extent];
      for (int i = 0; i < extent; i++) {
        reversed[i] = extent - 1 - i;
      }
      x = x.take(NDArray.of(reversed, extent), axis);
    }
    NDArray index = (max ? x.argmax(axis, dims) : x.argmin(axis, dims)).astype(DType.INT64);
    return List.of(Tensor.constant(last ? index.neg().add(extent - 1) : index));
  }
}
