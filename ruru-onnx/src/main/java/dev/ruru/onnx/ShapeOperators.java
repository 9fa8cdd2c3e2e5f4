package dev.ruru.onnx;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Operators that move or relabel elements without computing: shapes, reshapes, transposes, constants.
 * Shapes flow through the graph as int64 constants (PyTorch computes {@code batch} from {@code Shape}).
 */
final class ShapeOperators {
  private ShapeOperators() {}

  static void register(Map<String, Operator> table) {
    table.put("Shape", ShapeOperators::shape);
    table.put("Size", call -> List.of(Tensor.constant(NDArray.scalar(call.input(0).shape().size(), DType.INT64))));
    table.put("Reshape", ShapeOperators::reshape);
    table.put("Flatten", ShapeOperators::flatten);
    table.put("Transpose", ShapeOperators::transpose);
    table.put("Squeeze", ShapeOperators::squeeze);
    table.put("Unsqueeze", ShapeOperators::unsqueeze);
    table.put("Expand", call -> {
      Tensor x = call.input(0);
      Shape target = Shape.broadcast("Expand", x.shape(), Shape.of(ints(call, call.longs(1))));
      call.checkCreatedSize(java.util.Arrays.stream(target.dims()).asLongStream().toArray());
      return List.of(x.broadcastTo(target));
    });
    table.put("Constant", ShapeOperators::constant);
    table.put("ConstantOfShape", ShapeOperators::constantOfShape);
    table.put("Trilu", ShapeOperators::trilu);
    table.put("Range", ShapeOperators::range);
    table.put("DepthToSpace", call -> List.of(depthToSpace(call)));
    table.put("SpaceToDepth", call -> List.of(spaceToDepth(call)));
  }

  static int[] ints(NodeCall call, long[] values) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      if (values[i] != (int) values[i]) {
        throw call.error("value " + values[i] + " does not fit in an int", "Ruru's arrays have int dimensions");
      }
      out[i] = (int) values[i];
    }
    return out;
  }

  private static List<Tensor> shape(NodeCall call) {
    int[] dims = call.input(0).shape().dims();
    int rank = dims.length;
    int start = (int) Math.clamp(normalized(call.intAttribute("start", 0), rank), 0, rank);
    int end = (int) Math.clamp(normalized(call.intAttribute("end", rank), rank), 0, rank);
    long[] out = Arrays.stream(Arrays.copyOfRange(dims, start, Math.max(start, end))).asLongStream().toArray();
    return List.of(Tensor.constant(NDArray.of(out, out.length)));
  }

  private static long normalized(long index, int rank) {
    return index < 0 ? index + rank : index;
  }

  /** 0 copies the input's dimension (unless allowzero), -1 is inferred. */
  private static List<Tensor> reshape(NodeCall call) {
    Tensor x = call.input(0);
    int[] shape = ints(call, call.longs(1));
    boolean allowZero = call.intAttribute("allowzero", 0) != 0;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == 0 && !allowZero) {
        if (i >= x.rank()) {
          throw call.error("shape " + Arrays.toString(shape) + " copies dimension " + i + " of input " + x.shape(), "the input has fewer axes");
        }
        shape[i] = x.shape().dim(i);
      }
    }
    try {
      return List.of(x.reshape(shape));
    } catch (IllegalArgumentException e) {
      throw call.error("cannot reshape " + x.shape() + " to " + Arrays.toString(shape), e.getMessage());
    }
  }

  private static List<Tensor> flatten(NodeCall call) {
    Tensor x = call.input(0);
    long requested = call.intAttribute("axis", 1);
    int axis = requested == x.rank() ? x.rank() : call.axis(requested, x.rank());
    int[] dims = x.shape().dims();
    int outer = 1;
    for (int i = 0; i < axis; i++) {
      outer *= dims[i];
    }
    int inner = 1;
    for (int i = axis; i < dims.length; i++) {
      inner *= dims[i];
    }
    return List.of(x.reshape(outer, inner));
  }

  private static List<Tensor> transpose(NodeCall call) {
    Tensor x = call.input(0);
    long[] perm = call.intsAttribute("perm", null);
    return List.of(perm == null ? x.transpose() : x.permute(ints(call, perm)));
  }

  /** Axes come as an attribute before opset 13 and as an input from then on. */
  private static long[] axes(NodeCall call, int inputIndex) {
    if (call.opset() >= 13 && call.optionalInput(inputIndex) != null) {
      return call.longs(inputIndex);
    }
    return call.intsAttribute("axes", null);
  }

  private static List<Tensor> squeeze(NodeCall call) {
    Tensor x = call.input(0);
    long[] axes = axes(call, 1);
    boolean[] drop = new boolean[x.rank()];
    for (int i = 0; i < x.rank(); i++) {
      drop[i] = axes == null && x.shape().dim(i) == 1;
    }
    for (long axis : axes == null ? new long[0] : axes) {
      int a = call.axis(axis, x.rank());
      if (x.shape().dim(a) != 1) {
        throw call.error("axis " + axis + " of " + x.shape() + " has size " + x.shape().dim(a), "only axes of size 1 can be squeezed");
      }
      drop[a] = true;
    }
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < x.rank(); i++) {
      if (!drop[i]) {
        kept.add(x.shape().dim(i));
      }
    }
    return List.of(x.reshape(Shape.of(kept.stream().mapToInt(Integer::intValue).toArray())));
  }

  private static List<Tensor> unsqueeze(NodeCall call) {
    Tensor x = call.input(0);
    long[] axes = axes(call, 1);
    if (axes == null) {
      throw call.error("no axes", "Unsqueeze needs the axes to insert");
    }
    int rank = x.rank() + axes.length;
    boolean[] inserted = new boolean[rank];
    for (long axis : axes) {
      inserted[call.axis(axis, rank)] = true;
    }
    int[] dims = new int[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      dims[i] = inserted[i] ? 1 : x.shape().dim(j++);
    }
    return List.of(x.reshape(dims));
  }

  private static List<Tensor> constant(NodeCall call) {
    NDArray value = call.tensorAttribute("value");
    if (value == null && call.has("value_float")) {
      value = NDArray.scalar(call.floatAttribute("value_float", 0), DType.FLOAT32);
    } else if (value == null && call.has("value_int")) {
      value = NDArray.scalar(call.intAttribute("value_int", 0), DType.INT64);
    } else if (value == null && call.has("value_ints")) {
      long[] ints = call.intsAttribute("value_ints", null);
      value = NDArray.of(ints, ints.length);
    } else if (value == null && call.has("value_floats")) {
      List<Float> floats = call.node().attributes().get("value_floats").floats();
      float[] values = new float[floats.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = floats.get(i);
      }
      value = NDArray.of(values, values.length);
    }
    if (value == null) {
      throw call.error("no value", "Ruru reads value, value_float(s) and value_int(s); sparse and string constants are not supported");
    }
    return List.of(Tensor.constant(value));
  }

  private static List<Tensor> constantOfShape(NodeCall call) {
    NDArray fill = call.tensorAttribute("value");
    call.checkCreatedSize(call.longs(0));
    int[] shape = ints(call, call.longs(0));
    NDArray out = fill == null ? NDArray.zeros(Shape.of(shape), DType.FLOAT32)
        : NDArray.full(Shape.of(shape), fill.reshape(-1).getDouble(0), fill.dtype());
    return List.of(Tensor.constant(out));
  }

  /** The upper (j − i ≥ k) or lower (j − i ≤ k) triangle of the last two axes; the rest is zero. */
  private static List<Tensor> trilu(NodeCall call) {
    Tensor x = call.input(0);
    long k = call.optionalInput(1) == null ? 0 : call.longs(1)[0];
    boolean upper = call.intAttribute("upper", 1) != 0;
    int rows = x.shape().dim(x.rank() - 2);
    int columns = x.shape().dim(x.rank() - 1);
    int[] keep = new int[rows * columns];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        keep[i * columns + j] = (upper ? j - i >= k : j - i <= k) ? 1 : 0;
      }
    }
    Tensor mask = Tensor.constant(NDArray.of(keep, rows, columns).gt(0));
    return List.of(Tensor.where(mask, x, x.zerosLike()));
  }

  /** start, start + delta, ... up to (not including) limit: ⌈(limit − start) / delta⌉ values, none if negative. */
  private static List<Tensor> range(NodeCall call) {
    NDArray start = call.input(0).value();
    double first = start.item();
    double delta = call.input(2).item();
    long count = Math.max(0, (long) Math.ceil((call.input(1).item() - first) / delta));
    if (delta == 0 || count > NodeCall.MAX_CREATED_ELEMENTS) {
      throw call.error("start " + first + ", limit " + call.input(1).item() + ", delta " + delta,
          "the range must be finite and hold at most 2^28 values");
    }
    double[] values = new double[(int) count];
    for (int i = 0; i < values.length; i++) {
      values[i] = first + i * delta;
    }
    return List.of(Tensor.constant(NDArray.of(values, values.length).astype(start.dtype())));
  }

  /** Channel blocks of b² to b×b spatial blocks: DCR (depth, column, row; the default) or CRD order. */
  private static Tensor depthToSpace(NodeCall call) {
    Tensor x = call.input(0);
    int b = (int) call.intAttribute("blocksize", 1);
    int[] d = x.shape().dims();
    if (x.rank() != 4 || b < 1 || d[1] % (b * b) != 0) {
      throw call.error("blocksize " + b + " for input " + x.shape(), "the input must be [N, C, H, W] with C divisible by blocksize²");
    }
    boolean crd = call.stringAttribute("mode", "DCR").equals("CRD");
    Tensor blocks = crd ? x.reshape(d[0], d[1] / (b * b), b, b, d[2], d[3]).permute(0, 1, 4, 2, 5, 3)
        : x.reshape(d[0], b, b, d[1] / (b * b), d[2], d[3]).permute(0, 3, 4, 1, 5, 2);
    return blocks.reshape(d[0], d[1] / (b * b), d[2] * b, d[3] * b);
  }

  /** b×b spatial blocks to channels, the inverse of DepthToSpace's DCR order. */
  private static Tensor spaceToDepth(NodeCall call) {
    Tensor x = call.input(0);
    int b = (int) call.intAttribute("blocksize", 1);
    int[] d = x.shape().dims();
    if (x.rank() != 4 || b < 1 || d[2] % b != 0 || d[3] % b != 0) {
      throw call.error("blocksize " + b + " for input " + x.shape(), "the input must be [N, C, H, W] with H and W divisible by it");
    }
    return x.reshape(d[0], d[1], d[2] / b, b, d[3] / b, b).permute(0, 3, 5, 1, 2, 4).reshape(d[0], d[1] * b * b, d[2] / b, d[3] / b);
  }
}
