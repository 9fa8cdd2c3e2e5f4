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
    reduction(table, "ReduceL1", (x, axes, dims) -> x.abs().sum(axes, dims), 18);
    reduction(table, "ReduceL2", (x, axes, dims) -> x.mul(x).sum(axes, dims).sqrt(), 18);
    reduction(table, "ReduceLogSum", (x, axes, dims) -> x.sum(axes, dims).log(), 18);
    reduction(table, "ReduceLogSumExp", ReductionOperators::logSumExp, 18);
    table.put("CumSum", ReductionOperators::cumSum);
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

  /** log Σ exp(x), shifted by the (constant) maximum so that exp cannot overflow. */
  private static Tensor logSumExp(Tensor x, int[] axes, Dims dims) {
    Tensor shift = Tensor.constant(x.value().max(axes, Dims.KEEP));
    Tensor kept = x.sub(shift).exp().sum(axes, Dims.KEEP).log().add(shift);
    return dims == Dims.KEEP ? kept : kept.reshape(x.value().max(axes, dims).shape());
  }

  /**
   * Running sums along an axis as one product with a 0/1 matrix T, T[i][j] = 1 when input i adds to output
   * j (i ≤ j; i &lt; j when exclusive; the other way round when reversed). Integers are summed in float64.
   */
  private static List<Tensor> cumSum(NodeCall call) {
    Tensor x = call.input(0);
    int axis = call.axis(call.longs(1)[0], x.rank());
    boolean exclusive = call.intAttribute("exclusive", 0) != 0;
    boolean reverse = call.intAttribute("reverse", 0) != 0;
    int n = x.shape().dim(axis);
    double[] triangle = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        boolean adds = reverse ? (exclusive ? i > j : i >= j) : (exclusive ? i < j : i <= j);
        triangle[i * n + j] = adds ? 1 : 0;
      }
    }
    int[] swap = new int[x.rank()];
    java.util.Arrays.setAll(swap, i -> i == axis ? x.rank() - 1 : i == x.rank() - 1 ? axis : i);
    DType type = x.dtype().isFloating() ? x.dtype() : DType.FLOAT64;
    Tensor sums = x.astype(type).permute(swap).matmul(Tensor.constant(NDArray.of(triangle, n, n).astype(type))).permute(swap);
    return List.of(x.dtype().isFloating() ? sums : Tensor.constant(sums.value().astype(x.dtype())));
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
