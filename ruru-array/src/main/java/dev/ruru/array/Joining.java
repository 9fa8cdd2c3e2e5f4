package dev.ruru.array;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Joining arrays along an axis (concatenate, stack), splitting one into views (split, splitAt) and
 * padding with a constant: the movement operations that change an extent.
 *
 * <p>Joins copy, each input into a region of a fresh output seen as a view; splits never copy.
 */
final class Joining {
  private Joining() {}

  /**
   * {@code np.concatenate}: arrays of one rank whose extents agree except along {@code axis}, joined in
   * order. The result's dtype is the promotion of all inputs' (int32 with float32 gives float64).
   * Shapes: {@code [2, 3]} and {@code [4, 3]} along axis 0 give {@code [6, 3]}.
   */
  static NDArray concatenate(List<NDArray> arrays, int axis) {
    Check.arg(!arrays.isEmpty(), "concatenate: needs at least one array, got none");
    NDArray first = arrays.get(0);
    Check.arg(first.shape.length > 0, "concatenate: zero-dimensional arrays cannot be concatenated; array 0 has shape []");
    int ax = Check.axis("concatenate", axis, first.shape.length);
    DType dtype = first.dtype;
    int total = 0;
    for (int i = 0; i < arrays.size(); i++) {
      NDArray a = arrays.get(i);
      checkJoinable(first, a, i, ax);
      dtype = DType.promote(dtype, a.dtype);
      total += a.shape[ax];
    }
    int[] outShape = first.shape.clone();
    outShape[ax] = total;
    NDArray out = NDArray.fresh(dtype, outShape);
    int start = 0;
    for (NDArray a : arrays) {
      Elementwise.copyInto(a, region(out, ax, start, a.shape[ax]));
      start += a.shape[ax];
    }
    return out;
  }

  private static void checkJoinable(NDArray first, NDArray other, int position, int axis) {
    if (other.shape.length != first.shape.length) {
      throw new ShapeMismatchException("concatenate: array " + position + " has shape " + Arrays.toString(other.shape) + " (rank "
          + other.shape.length + ") but array 0 has " + Arrays.toString(first.shape) + " (rank " + first.shape.length
          + "); ranks must match");
    }
    for (int d = 0; d < first.shape.length; d++) {
      if (d != axis && other.shape[d] != first.shape[d]) {
        throw new ShapeMismatchException("concatenate: array " + position + " has shape " + Arrays.toString(other.shape)
            + " but array 0 has " + Arrays.toString(first.shape) + "; all dimensions except axis " + axis
            + " must match (dimension " + d + " is " + other.shape[d] + " vs " + first.shape[d] + ")");
      }
    }
  }

  /**
   * {@code np.stack}: arrays of one shape joined along a new axis, which is {@code axis} of the
   * result ({@code -1} appends it). Shapes: three {@code [2, 3]} along axis 1 give {@code [2, 3, 3]}.
   */
  static NDArray stack(List<NDArray> arrays, int axis) {
    Check.arg(!arrays.isEmpty(), "stack: needs at least one array, got none");
    int[] shape = arrays.get(0).shape;
    int ax = Check.axis("stack", axis, shape.length + 1);
    List<NDArray> expanded = new ArrayList<>(arrays.size());
    for (int i = 0; i < arrays.size(); i++) {
      NDArray a = arrays.get(i);
      if (!Arrays.equals(a.shape, shape)) {
        throw new ShapeMismatchException("stack: array " + i + " has shape " + Arrays.toString(a.shape) + " but array 0 has "
            + Arrays.toString(shape) + "; all arrays must have the same shape");
      }
      // An axis of extent 1 has no meaningful stride; 0 is as good as any.
      expanded.add(new NDArray(a.dtype, a.data, Views.insert(a.shape, ax, 1), Views.insert(a.strides, ax, 0), a.offset));
    }
    return concatenate(expanded, ax);
  }

  /**
   * {@code np.split(a, sections, axis)}: {@code sections} views of equal extent along {@code axis},
   * which must divide evenly. Shapes: {@code [6, 4]} into 3 along axis 0 gives three {@code [2, 4]}.
   */
  static List<NDArray> split(NDArray a, int sections, int axis) {
    int ax = Check.axis("split", axis, a.shape.length);
    Check.arg(sections > 0, "split: sections must be positive, got %s", sections);
    int n = a.shape[ax];
    if (n % sections != 0) {
      throw new IllegalArgumentException("split: array split does not result in an equal division; axis " + ax + " has size " + n
          + ", which " + sections + " sections do not divide");
    }
    int[] bounds = new int[sections - 1];
    for (int k = 1; k < sections; k++) {
      bounds[k - 1] = k * (n / sections);
    }
    return splitAt(a, bounds, ax);
  }

  /**
   * {@code np.split(a, [i, j], axis)}: the views {@code a[:i]}, {@code a[i:j]}, {@code a[j:]} along
   * {@code axis}. Bounds follow Python slicing: negative ones count from the end, ones past the end
   * clamp, and a bound below the previous one gives an empty piece.
   */
  static List<NDArray> splitAt(NDArray a, int[] indices, int axis) {
    int ax = Check.axis("splitAt", axis, a.shape.length);
    int n = a.shape[ax];
    List<NDArray> pieces = new ArrayList<>(indices.length + 1);
    int start = 0;
    for (int k = 0; k <= indices.length; k++) {
      int stop = k < indices.length ? clampBound(indices[k], n) : n;
      pieces.add(region(a, ax, start, Math.max(stop - start, 0)));
      start = stop;
    }
    return List.copyOf(pieces);
  }

  private static int clampBound(int bound, int n) {
    int normalised = bound < 0 ? bound + n : bound;
    return Math.clamp(normalised, 0, n);
  }

  /**
   * {@code np.pad(a, widths, mode="constant", constant_values=value)}: {@code widths[d] = {before,
   * after}} elements of {@code value} around axis d. Shapes: {@code [2, 3]} with {@code {{1, 1},
   * {0, 2}}} gives {@code [4, 5]}.
   */
  static NDArray pad(NDArray a, int[][] widths, double value) {
    if (widths.length != a.shape.length) {
      throw new IllegalArgumentException("pad: expected {before, after} widths for each of " + a.shape.length + " axes, got "
          + widths.length + " for shape " + Arrays.toString(a.shape));
    }
    int[] outShape = new int[a.shape.length];
    for (int d = 0; d < widths.length; d++) {
      if (widths[d].length != 2 || widths[d][0] < 0 || widths[d][1] < 0) {
        throw new IllegalArgumentException("pad: widths for axis " + d + " must be two non-negative integers {before, after}, got "
            + Arrays.toString(widths[d]));
      }
      outShape[d] = a.shape[d] + widths[d][0] + widths[d][1];
    }
    NDArray out = Creation.full(outShape, value, a.dtype);
    int offset = 0;
    for (int d = 0; d < widths.length; d++) {
      offset += widths[d][0] * out.strides[d];
    }
    Elementwise.copyInto(a, new NDArray(out.dtype, out.data, a.shape.clone(), out.strides, offset));
    return out;
  }

  /** The view of {@code a} holding {@code length} elements from {@code start} along {@code axis}. */
  private static NDArray region(NDArray a, int axis, int start, int length) {
    int[] shape = a.shape.clone();
    shape[axis] = length;
    // An empty piece never reads its offset; keep it at a's so it stays inside the storage.
    int offset = length == 0 ? a.offset : a.offset + start * a.strides[axis];
    return new NDArray(a.dtype, a.data, shape, a.strides.clone(), offset);
  }
}
