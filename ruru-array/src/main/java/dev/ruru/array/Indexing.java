package dev.ruru.array;

import dev.ruru.array.blas.Axpy;
import dev.ruru.array.blas.Blas;
import java.util.Arrays;

/**
 * Indexing by integer arrays: single-element offsets, NumPy's {@code take}, PyTorch's {@code gather}
 * and {@code scatter_add}, and one-hot encoding. Joining and splitting along an axis live in
 * {@link Joining}.
 *
 * <p>Index arrays are int32 or int64; a negative index counts from the end of its axis, as in NumPy.
 * Every index is checked before anything is written, and an index out of range names the operation,
 * the index, the axis and its size.
 */
final class Indexing {
  private Indexing() {}

  /** Storage offset of one element; negative indices count from the end; errors name op, axis and size. */
  static int offsetOf(String op, NDArray a, int[] index) {
    if (index.length != a.shape.length) {
      throw new IllegalArgumentException(op + ": expected " + a.shape.length + " indices, got " + index.length);
    }
    int offset = a.offset;
    for (int axis = 0; axis < index.length; axis++) {
      offset += Check.index(op, index[axis], axis, a.shape[axis]) * a.strides[axis];
    }
    return offset;
  }

  /**
   * {@code np.take(a, indices, axis)}: {@code out[p..., j..., q...] = a[p..., indices[j...], q...]}.
   * Shapes: a {@code [p..., n, q...]} and indices {@code [j...]} give {@code [p..., j..., q...]}.
   */
  static NDArray take(NDArray a, NDArray indices, int axis) {
    int ax = Check.axis("take", axis, a.shape.length);
    NDArray out = NDArray.fresh(a.dtype, takeShape(a, indices, ax));
    requireIntegers("take", "indices", indices);
    if (!noLeadingPosition(a, ax)) {
      copyPicks(a, indexValues("take", indices, ax, a.shape[ax]), ax, out);
    }
    return out;
  }

  /**
   * Whether an axis before {@code ax} has extent 0. NumPy checks the indices as it uses them, once per
   * position along the axes before {@code ax}; with none, it checks (and refuses) none, and so does Ruru:
   * {@code np.take(np.zeros((0, 3)), [5], axis=1)} is an empty [0, 1], but an index out of range for
   * a [3, 0] array along axis 0 is still refused.
   */
  private static boolean noLeadingPosition(NDArray a, int ax) {
    return Layout.size(Arrays.copyOfRange(a.shape, 0, ax)) == 0;
  }

  /** {@link #take} written into {@code out}, which has the result's shape and a's dtype: NumPy's {@code out=}. */
  static NDArray takeInto(NDArray a, NDArray indices, int axis, NDArray out) {
    int ax = Check.axis("takeInPlace", axis, a.shape.length);
    Elementwise.checkWritable("takeInPlace", out);
    int[] shape = takeShape(a, indices, ax);
    if (!Arrays.equals(shape, out.shape) || out.dtype != a.dtype) {
      throw new ShapeMismatchException("takeInPlace: the result is " + a.dtype + " " + Arrays.toString(shape)
          + " but the output array is " + out.dtype + " " + Arrays.toString(out.shape));
    }
    requireIntegers("takeInPlace", "indices", indices);
    if (noLeadingPosition(a, ax)) {
      return out;
    }
    int[] picks = indexValues("takeInPlace", indices, ax, a.shape[ax]);
    if (out.isContiguous(Order.C) && !Layout.mayOverlap(out, a)) {
      copyPicks(a, picks, ax, out);
    } else {
      NDArray fresh = NDArray.fresh(a.dtype, shape);
      copyPicks(a, picks, ax, fresh);
      out.assignInPlace(fresh);
    }
    return out;
  }

  private static int[] takeShape(NDArray a, NDArray indices, int ax) {
    return join(join(Arrays.copyOfRange(a.shape, 0, ax), indices.shape), Arrays.copyOfRange(a.shape, ax + 1, a.shape.length));
  }

  /** Copies the slab of a at each pick into a C-contiguous {@code out}. */
  private static void copyPicks(NDArray a, int[] picks, int ax, NDArray out) {
    // Seen as [p..., picks, q...], the output is one slab per pick, each a copy of a slab of a.
    int[] flatShape = a.shape.clone();
    flatShape[ax] = picks.length;
    int[] flatStrides = Layout.strides(flatShape, Order.C);
    int[] slabShape = Views.remove(a.shape, ax);
    int[] sourceStrides = Views.remove(a.strides, ax);
    int[] targetStrides = Views.remove(flatStrides, ax);
    if (ax == 0 && Layout.isContiguous(slabShape, sourceStrides, Order.C)) {
      // Rows of a row-major array (a batch of examples, labels): each pick is one run of memory. Going
      // through a strided loop per pick cost about 0.7 µs a row, ten times the copy itself.
      int slab = Layout.size(slabShape);
      for (int k = 0; k < picks.length; k++) {
        Storage.copy(a.data, a.offset + picks[k] * a.strides[0], 1, out.data, out.offset + k * slab, 1, slab);
      }
      return;
    }
    for (int k = 0; k < picks.length; k++) {
      NDArray source = new NDArray(a.dtype, a.data, slabShape, sourceStrides, a.offset + picks[k] * a.strides[ax]);
      NDArray target = new NDArray(out.dtype, out.data, slabShape, targetStrides, out.offset + k * flatStrides[ax]);
      Elementwise.copyInto(source, target);
    }
  }

  /**
   * PyTorch's {@code gather}: {@code out[i][j][k] = a[index[i][j][k]][j][k]} for axis 0, and likewise
   * for other axes. {@code index} has the rank of {@code a} and, off {@code axis}, extents no larger
   * than a's; the result has the shape of {@code index} and the dtype of {@code a}.
   */
  static NDArray gather(NDArray a, int axis, NDArray index) {
    int ax = Check.axis("gather", axis, a.shape.length);
    checkIndexShape("gather", "input", a.shape, ax, index.shape, true);
    int[] picks = indexValues("gather", index, ax, a.shape[ax]);
    int[] sourceOffsets = offsetsAlong(index.shape, a.strides, a.offset, ax, picks);
    NDArray out = NDArray.fresh(a.dtype, index.shape);
    copyAt(a.data, sourceOffsets, out.data);
    return out;
  }

  /**
   * PyTorch's {@code scatter_add} without mutation: a copy of {@code a} where, for axis 0,
   * {@code out[index[i][j]][j] += source[i][j]} for every position of {@code index}. Repeated indices
   * accumulate, in C order of {@code index}, so the result is deterministic. {@code source} has a's dtype
   * and extents at least those of {@code index}; inputs are not modified.
   */
  static NDArray scatterAdd(NDArray a, int axis, NDArray index, NDArray source) {
    int ax = Check.axis("scatterAdd", axis, a.shape.length);
    checkIndexShape("scatterAdd", "input", a.shape, ax, index.shape, true);
    checkIndexShape("scatterAdd", "source", source.shape, ax, index.shape, false);
    if (source.dtype != a.dtype) {
      throw new IllegalArgumentException("scatterAdd: source dtype " + source.dtype + " differs from the input's " + a.dtype
          + "; convert it with astype first");
    }
    int[] picks = indexValues("scatterAdd", index, ax, a.shape[ax]);
    NDArray out = a.copy();
    int[] targetOffsets = offsetsAlong(index.shape, out.strides, 0, ax, picks);
    int[] sourceOffsets = offsetsAlong(index.shape, source.strides, source.offset, -1, null);
    addAt(source.data, sourceOffsets, out.data, targetOffsets);
    return out;
  }

  /** See {@link NDArray#indexAddInPlace}; everything is checked before anything is written. */
  static NDArray indexAddInPlace(NDArray target, int axis, NDArray indices, NDArray source, double alpha) {
    String op = "indexAddInPlace";
    int ax = Check.axis(op, axis, target.shape.length);
    Elementwise.checkWritable(op, target);
    if (indices.shape.length != 1) {
      throw new ShapeMismatchException(op + ": expected 1-D indices, got shape " + Arrays.toString(indices.shape));
    }
    int[] picks = indexValues(op, indices, ax, target.shape[ax]);
    int[] expected = target.shape.clone();
    expected[ax] = picks.length;
    if (!Arrays.equals(expected, source.shape)) {
      throw new ShapeMismatchException(op + ": expected source " + Arrays.toString(expected) + " for target "
          + Arrays.toString(target.shape) + " and " + picks.length + " indices along axis " + ax + ", got " + Arrays.toString(source.shape));
    }
    if (source.dtype != target.dtype) {
      throw new IllegalArgumentException(op + ": source dtype " + source.dtype + " differs from the target's " + target.dtype
          + "; convert it with astype first");
    }
    if (!target.dtype.isFloating() && alpha != 1) {
      throw new IllegalArgumentException(op + ": alpha must be 1 for " + target.dtype + " targets, got " + alpha);
    }
    if (Layout.mayOverlap(source, target)) {
      source = source.copy();   // every row is read as it was before any is written
    }
    int[] slabShape = Views.remove(target.shape, ax);
    int[] targetStrides = Views.remove(target.strides, ax);
    int[] sourceStrides = Views.remove(source.strides, ax);
    if (target.dtype.isFloating()) {
      if (Layout.isContiguous(slabShape, targetStrides, Order.C) && Layout.isContiguous(slabShape, sourceStrides, Order.C)) {
        addRuns(source.data, source.offset, source.strides[ax], alpha, target.data, target.offset, target.strides[ax], picks,
            Layout.size(slabShape));
        return target;
      }
      // Strided slabs: each pair made contiguous, added as one run, and written back.
      for (int k = 0; k < picks.length; k++) {
        NDArray slab = new NDArray(source.dtype, source.data, slabShape, sourceStrides, source.offset + k * source.strides[ax]).copy();
        NDArray into = new NDArray(target.dtype, target.data, slabShape, targetStrides, target.offset + picks[k] * target.strides[ax]);
        NDArray sum = into.copy();
        addRuns(slab.data, 0, 0, alpha, sum.data, 0, 0, new int[] {0}, sum.size());
        into.assignInPlace(sum);
      }
      return target;
    }
    for (int k = 0; k < picks.length; k++) {
      NDArray slab = new NDArray(source.dtype, source.data, slabShape, sourceStrides, source.offset + k * source.strides[ax]);
      NDArray into = new NDArray(target.dtype, target.data, slabShape, targetStrides, target.offset + picks[k] * target.strides[ax]);
      into.addInPlace(slab);   // integers: alpha is 1
    }
    return target;
  }

  /**
   * {@code target run picks[k] += alpha · source run k} for floating runs of {@code n}, in order of k, with
   * BLAS's axpy: each element one fused multiply-add, whatever the layout. HotSpot (as of JDK 25) runs
   * {@code target[to + i] += alpha · source[from + i]} scalar, since it cannot prove the two runs apart;
   * copying both into scratch rows made the loop SIMD but cost as much again (24 rows of 784 into 10,
   * as in one of W1's two updates a batch: 3.7–4.1 µs that way, 1.6–1.9 µs with OpenBLAS's saxpy, which
   * reads both in place).
   */
  private static void addRuns(Object source, int sourceOffset, int sourceStride, double alpha, Object target, int targetOffset,
      int targetStride, int[] picks, int n) {
    if (n == 0) {
      return;   // rows of no elements ([3, 0]) may start past the end of their empty storage, where axpy refuses them
    }
    Axpy axpy = Blas.axpy();
    for (int k = 0; k < picks.length; k++) {
      int from = sourceOffset + k * sourceStride;
      int to = targetOffset + picks[k] * targetStride;
      if (target instanceof float[] t) {
        axpy.saxpy(n, (float) alpha, (float[]) source, from, t, to);
      } else {
        axpy.daxpy(n, alpha, (double[]) source, from, (double[]) target, to);
      }
    }
  }

  /**
   * One-hot vectors: labels of shape {@code [s...]} give {@code [s..., classes]} with
   * {@code out[s..., c] = (labels[s...] == c) ? 1 : 0}. Every label must lie in {@code [0, classes)}.
   */
  static NDArray oneHot(NDArray labels, int classes, DType dtype) {
    Check.arg(classes > 0, "oneHot: classes must be positive, got %s", classes);
    requireIntegers("oneHot", "labels", labels);
    long[] values = labels.toLongArray();
    NDArray out = NDArray.fresh(dtype, join(labels.shape, new int[] {classes}));
    for (int k = 0; k < values.length; k++) {
      if (values[k] < 0 || values[k] >= classes) {
        throw new IllegalArgumentException("oneHot: label " + values[k] + " at position " + Arrays.toString(unravel(k, labels.shape))
            + " is outside [0, " + classes + ")");
      }
      Storage.setLong(out.data, k * classes + (int) values[k], 1);
    }
    return out;
  }

  private static void requireIntegers(String op, String what, NDArray indices) {
    if (!indices.dtype.isInteger()) {
      throw new IllegalArgumentException(op + ": " + what + " must be int32 or int64, got " + indices.dtype);
    }
  }

  /** The indices in C order, each normalised into [0, size) or reported with the axis and its size. */
  private static int[] indexValues(String op, NDArray indices, int axis, int size) {
    requireIntegers(op, "indices", indices);
    long[] values = indices.toLongArray();
    int[] picks = new int[values.length];
    for (int k = 0; k < values.length; k++) {
      long value = values[k];
      if (value < -size || value >= size) {
        throw new IndexOutOfBoundsException(op + ": index " + value + " is out of bounds for axis " + axis + " with size " + size);
      }
      picks[k] = (int) (value < 0 ? value + size : value);
    }
    return picks;
  }

  /** gather/scatter need an index of the same rank, no larger than {@code shape} (off {@code axis} if asked). */
  private static void checkIndexShape(String op, String what, int[] shape, int axis, int[] index, boolean skipAxis) {
    if (index.length != shape.length) {
      throw new ShapeMismatchException(op + ": index " + Arrays.toString(index) + " has rank " + index.length + " but the " + what
          + " " + Arrays.toString(shape) + " has rank " + shape.length + "; they must match");
    }
    for (int d = 0; d < shape.length; d++) {
      if ((d != axis || !skipAxis) && index[d] > shape[d]) {
        throw new ShapeMismatchException(op + ": index " + Arrays.toString(index) + " is larger than the " + what + " "
            + Arrays.toString(shape) + " at axis " + d + " (" + index[d] + " > " + shape[d] + ")");
      }
    }
  }

  /**
   * Storage offsets, in C order over {@code shape}, of an array with {@code strides} and {@code offset};
   * when {@code picks} is given, position p along {@code axis} is replaced by {@code picks[k]} for the
   * k-th element.
   */
  private static int[] offsetsAlong(int[] shape, int[] strides, int offset, int axis, int[] picks) {
    int size = Layout.size(shape);
    int[] offsets = new int[size];
    int[] position = new int[shape.length];
    int current = offset;
    for (int k = 0; k < size; k++) {
      offsets[k] = picks == null ? current : current - position[axis] * strides[axis] + picks[k] * strides[axis];
      for (int d = shape.length - 1; d >= 0; d--) {
        if (++position[d] < shape[d]) {
          current += strides[d];
          break;
        }
        position[d] = 0;
        current -= strides[d] * (shape[d] - 1);
      }
    }
    return offsets;
  }

  /** {@code target[k] = source[offsets[k]]}; both storages have the same element type. */
  private static void copyAt(Object source, int[] offsets, Object target) {
    switch (source) {
      case float[] s -> {
        float[] t = (float[]) target;
        for (int k = 0; k < offsets.length; k++) {
          t[k] = s[offsets[k]];
        }
      }
      case double[] s -> {
        double[] t = (double[]) target;
        for (int k = 0; k < offsets.length; k++) {
          t[k] = s[offsets[k]];
        }
      }
      default -> {
        for (int k = 0; k < offsets.length; k++) {
          Storage.copy(source, offsets[k], 1, target, k, 1, 1);
        }
      }
    }
  }

  /** {@code target[targetOffsets[k]] += source[sourceOffsets[k]]}, in order; bool adds as logical or. */
  private static void addAt(Object source, int[] sourceOffsets, Object target, int[] targetOffsets) {
    switch (source) {
      case float[] s -> {
        float[] t = (float[]) target;
        for (int k = 0; k < sourceOffsets.length; k++) {
          t[targetOffsets[k]] += s[sourceOffsets[k]];
        }
      }
      case double[] s -> {
        double[] t = (double[]) target;
        for (int k = 0; k < sourceOffsets.length; k++) {
          t[targetOffsets[k]] += s[sourceOffsets[k]];
        }
      }
      case int[] s -> {
        int[] t = (int[]) target;
        for (int k = 0; k < sourceOffsets.length; k++) {
          t[targetOffsets[k]] += s[sourceOffsets[k]];
        }
      }
      case long[] s -> {
        long[] t = (long[]) target;
        for (int k = 0; k < sourceOffsets.length; k++) {
          t[targetOffsets[k]] += s[sourceOffsets[k]];
        }
      }
      case byte[] s -> {
        byte[] t = (byte[]) target;
        for (int k = 0; k < sourceOffsets.length; k++) {
          t[targetOffsets[k]] |= s[sourceOffsets[k]];
        }
      }
      default -> throw new IllegalStateException("unknown storage " + source.getClass());
    }
  }

  private static int[] join(int[] first, int[] second) {
    int[] out = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, out, first.length, second.length);
    return out;
  }

  /** The multi-index of flat C-order position {@code flat} in {@code shape}. */
  static int[] unravel(int flat, int[] shape) {
    int[] index = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      index[d] = flat % shape[d];
      flat /= shape[d];
    }
    return index;
  }
}
