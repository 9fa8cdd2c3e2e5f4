package dev.ruru.onnx;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Operators that pick, cut and join: Gather, Slice, Split, Concat, Tile. */
final class IndexingOperators {
  private IndexingOperators() {}

  static void register(Map<String, Operator> table) {
    table.put("Gather", IndexingOperators::gather);
    table.put("Slice", IndexingOperators::slice);
    table.put("Split", IndexingOperators::split);
    table.put("Concat", call -> {
      List<Tensor> parts = new ArrayList<>();
      for (int i = 0; i < call.inputCount(); i++) {
        parts.add(call.input(i));
      }
      return List.of(Tensor.concat(parts, call.axis(call.intAttribute("axis", 0), parts.getFirst().rank())));
    });
    table.put("Tile", IndexingOperators::tile);
    table.put("OneHot", IndexingOperators::oneHot);
    table.put("EyeLike", call -> {
      NDArray x = call.input(0).value();
      int rows = x.shape().dim(0);
      int columns = x.shape().dim(1);
      long k = call.intAttribute("k", 0);
      double[] values = new double[rows * columns];
      for (int i = 0; i < rows; i++) {
        long j = i + k;
        if (j >= 0 && j < columns) {
          values[i * columns + (int) j] = 1;
        }
      }
      int to = (int) call.intAttribute("dtype", 0);
      DType dtype = to == 0 ? x.dtype() : dev.ruru.onnx.proto.ElementType.dtype(to);
      return List.of(Tensor.constant(NDArray.of(values, rows, columns).astype(dtype)));
    });
    table.put("GatherElements", call -> {
      Tensor data = call.input(0);
      int axis = call.axis(call.intAttribute("axis", 0), data.rank());
      NDArray index = call.input(1).value().astype(dev.ruru.array.DType.INT64);
      NDArray extent = NDArray.scalar(data.shape().dim(axis), dev.ruru.array.DType.INT64);
      return List.of(data.gather(axis, NDArray.where(index.lt(0), index.add(extent), index)));
    });
  }

  /**
   * NumPy's take: out has data's axes before {@code axis}, then the indices' axes, then data's after it.
   * Done as a row lookup (the embedding's differentiable primitive) on data with {@code axis} moved first.
   */
  private static List<Tensor> gather(NodeCall call) {
    Tensor data = call.input(0);
    int axis = call.axis(call.intAttribute("axis", 0), data.rank());
    int extent = data.shape().dim(axis);
    NDArray indices = call.input(1).value();
    long[] values = indices.toLongArray();
    for (int i = 0; i < values.length; i++) {
      if (values[i] < -extent || values[i] >= extent) {
        throw call.error("index " + values[i] + " is out of range for axis " + axis + " of " + data.shape(), "indices must be in [-n, n)");
      }
      values[i] = values[i] < 0 ? values[i] + extent : values[i];
    }
    return List.of(take(data, axis, NDArray.of(values, values.length).reshape(indices.shape())));
  }

  /** {@code data} picked at the in-range {@code picks} along {@code axis}, differentiably. */
  static Tensor take(Tensor data, int axis, NDArray picks) {
    int rank = data.rank();
    int[] toFront = new int[rank];
    toFront[0] = axis;
    for (int i = 0, j = 1; i < rank; i++) {
      if (i != axis) {
        toFront[j++] = i;
      }
    }
    Tensor rows = data.permute(toFront).takeRows(picks);
    int k = picks.rank();
    int[] back = new int[k + rank - 1];
    for (int i = 0; i < back.length; i++) {
      back[i] = i < axis ? k + i : i < axis + k ? i - axis : i;
    }
    return rows.permute(back);
  }

  /** Starts and ends clamp to the axis as in NumPy; steps come as an input from opset 10, attributes before. */
  private static List<Tensor> slice(NodeCall call) {
    Tensor x = call.input(0);
    boolean inputs = call.opset() >= 10;
    long[] starts = inputs ? call.longs(1) : call.intsAttribute("starts", new long[0]);
    long[] ends = inputs ? call.longs(2) : call.intsAttribute("ends", new long[0]);
    long[] axes = inputs ? (call.optionalInput(3) == null ? null : call.longs(3)) : call.intsAttribute("axes", null);
    long[] steps = inputs && call.optionalInput(4) != null ? call.longs(4) : null;
    for (int i = 0; i < starts.length; i++) {
      int axis = call.axis(axes == null ? i : axes[i], x.rank());
      long step = steps == null ? 1 : steps[i];
      if (step == 0) {
        throw call.error("step 0 on axis " + axis, "steps must not be 0");
      }
      int extent = x.shape().dim(axis);
      if (step < 0) {
        x = backwardSlice(x, axis, starts[i], ends[i], step, extent);
        continue;
      }
      int start = (int) Math.clamp(starts[i] < 0 ? starts[i] + extent : starts[i], 0, extent);
      int end = (int) Math.clamp(ends[i] < 0 ? ends[i] + extent : ends[i], 0, extent);
      x = x.slice(axis, start, Math.max(start, end), (int) step);
    }
    return List.of(x);
  }

  /** A slice with a negative step, as the gather of its indices (NumPy's clamping: start to n − 1, end to −1). */
  private static Tensor backwardSlice(Tensor x, int axis, long start, long end, long step, int extent) {
    long first = Math.clamp(start < 0 ? start + extent : start, -1, extent - 1);
    long last = Math.clamp(end < 0 ? end + extent : end, -1, extent - 1);
    List<Long> picks = new ArrayList<>();
    for (long i = first; i > last; i += step) {
      picks.add(i);
    }
    long[] indices = picks.stream().mapToLong(Long::longValue).toArray();
    return take(x, axis, NDArray.of(indices, indices.length));
  }

  private static List<Tensor> split(NodeCall call) {
    Tensor x = call.input(0);
    int axis = call.axis(call.intAttribute("axis", 0), x.rank());
    int outputs = call.node().outputs().size();
    long[] sizes = call.opset() >= 13 && call.optionalInput(1) != null ? call.longs(1) : call.intsAttribute("split", null);
    int extent = x.shape().dim(axis);
    if (sizes == null) {
      sizes = new long[outputs];
      long chunk = (extent + outputs - 1) / outputs;
      for (int i = 0; i < outputs; i++) {
        sizes[i] = Math.max(0, Math.min(chunk, extent - i * chunk));
      }
    }
    List<Tensor> parts = new ArrayList<>();
    int start = 0;
    for (long size : sizes) {
      parts.add(x.slice(axis, start, start + (int) size, 1));
      start += (int) size;
    }
    if (start != extent) {
      throw call.error("split sizes add up to " + start + ", axis " + axis + " of " + x.shape() + " has " + extent, "they must match");
    }
    return parts;
  }

  private static List<Tensor> tile(NodeCall call) {
    Tensor x = call.input(0);
    long[] repeats = call.longs(1);
    if (repeats.length != x.rank()) {
      throw call.error("repeats " + java.util.Arrays.toString(repeats) + " for input " + x.shape(), "give one repeat count per axis");
    }
    long[] result = new long[repeats.length];
    for (int axis = 0; axis < repeats.length; axis++) {
      result[axis] = Math.min(repeats[axis], NodeCall.MAX_CREATED_ELEMENTS + 1) * x.shape().dim(axis);
    }
    call.checkCreatedSize(result);
    for (int axis = 0; axis < repeats.length; axis++) {
      if (repeats[axis] != 1) {
        x = repeats[axis] == 0 ? x.slice(axis, 0, 0, 1) : Tensor.concat(Collections.nCopies((int) repeats[axis], x), axis);
      }
    }
    return List.of(x);
  }

  /** values[1] where the index is, values[0] elsewhere, along a new axis of length depth (negative indices count back). */
  private static List<Tensor> oneHot(NodeCall call) {
    NDArray indices = call.input(0).value();
    long depth = (long) call.input(1).item();
    NDArray values = call.input(2).value();
    call.checkCreatedSize(new long[] {indices.size(), depth});
    int axis = call.axis(call.intAttribute("axis", -1), indices.rank() + 1);
    long[] picks = indices.astype(DType.FLOAT64).toLongArray();
    double[] out = new double[(int) (picks.length * depth)];
    double off = values.reshape(-1).getDouble(0);
    double on = values.reshape(-1).getDouble(1);
    for (int i = 0; i < picks.length; i++) {
      long index = picks[i] < 0 ? picks[i] + depth : picks[i];
      for (int c = 0; c < depth; c++) {
        out[(int) (i * depth + c)] = c == index ? on : off;
      }
    }
    int[] shape = java.util.Arrays.copyOf(indices.shape().dims(), indices.rank() + 1);
    shape[indices.rank()] = (int) depth;
    NDArray hot = NDArray.of(out, out.length).reshape(shape).astype(values.dtype());
    int[] order = new int[shape.length];
    for (int i = 0, j = 0; i < order.length; i++) {
      order[i] = i == axis ? shape.length - 1 : j++;
    }
    return List.of(Tensor.constant(hot.permute(order)));
  }
}
