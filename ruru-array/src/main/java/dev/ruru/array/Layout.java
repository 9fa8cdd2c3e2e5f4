package dev.ruru.array;

import java.util.Arrays;

/**
 * Strides, contiguity and broadcasting: the arithmetic of the course's "memory models". Strides are
 * counted in elements, not bytes. Kernels rely on these; nothing here touches data.
 */
final class Layout {
  private Layout() {}

  /** Strides of a fresh array in the given order: C makes the last axis contiguous, F the first. */
  static int[] strides(int[] shape, Order order) {
    int[] strides = new int[shape.length];
    int stride = 1;
    if (order == Order.C) {
      for (int i = shape.length - 1; i >= 0; i--) {
        strides[i] = stride;
        stride *= Math.max(shape[i], 1);
      }
    } else {
      for (int i = 0; i < shape.length; i++) {
        strides[i] = stride;
        stride *= Math.max(shape[i], 1);
      }
    }
    return strides;
  }

  /**
   * Whether elements lie densely in the given order. Axes of extent 1 have no meaningful stride and
   * are ignored, as NumPy does; an empty array is contiguous in both orders.
   */
  static boolean isContiguous(int[] shape, int[] strides, Order order) {
    if (size(shape) == 0) {
      return true;
    }
    int expected = 1;
    for (int k = 0; k < shape.length; k++) {
      int i = order == Order.C ? shape.length - 1 - k : k;
      if (shape[i] != 1) {
        if (strides[i] != expected) {
          return false;
        }
        expected *= shape[i];
      }
    }
    return true;
  }

  /**
   * Whether two arrays may hold a common element: NumPy's {@code np.may_share_memory}, by the range of
   * storage each spans. False for different storage or an empty array. True can be a false alarm
   * (interleaved views such as {@code x[::2]} and {@code x[1::2]}); callers answer it with a copy, so it
   * costs time, never a wrong result.
   */
  static boolean mayOverlap(NDArray a, NDArray b) {
    if (a.data != b.data || size(a.shape) == 0 || size(b.shape) == 0) {
      return false;
    }
    return bound(a, true) >= bound(b, false) && bound(b, true) >= bound(a, false);
  }

  /** The lowest or highest storage index an array of at least one element reads. */
  private static long bound(NDArray a, boolean highest) {
    long bound = a.offset;
    for (int i = 0; i < a.shape.length; i++) {
      long reach = (long) (a.shape[i] - 1) * a.strides[i];
      bound += highest ? Math.max(reach, 0) : Math.min(reach, 0);
    }
    return bound;
  }

  /**
   * Whether two views of one shape read each index from the same storage element (equal offsets and
   * strides, extent-1 axes aside): an in-place update through them reads each element just before it
   * writes it, so it needs no copy.
   */
  static boolean sameElements(int[] shape, int[] stridesA, int offsetA, int[] stridesB, int offsetB) {
    if (offsetA != offsetB) {
      return false;
    }
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] != 1 && stridesA[i] != stridesB[i]) {
        return false;
      }
    }
    return true;
  }

  static int size(int[] shape) {
    int size = 1;
    for (int d : shape) {
      size *= d;
    }
    return size;
  }

  /** NumPy's broadcast of two shapes, or a message naming the operation and the first clash. */
  static int[] broadcastShapes(String op, int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 0; i < rank; i++) {
      int da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      int db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new ShapeMismatchException(op + ": cannot broadcast " + Arrays.toString(a) + " with " + Arrays.toString(b)
            + ": dimension " + i + " is " + da + " vs " + db + " and neither is 1");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /** Strides that read an array of {@code shape} as if it had {@code target}: 0 along broadcast axes. */
  static int[] broadcastStrides(String op, int[] shape, int[] strides, int[] target) {
    if (target.length < shape.length) {
      throw new ShapeMismatchException(op + ": cannot broadcast " + Arrays.toString(shape) + " to " + Arrays.toString(target));
    }
    int lead = target.length - shape.length;
    int[] out = new int[target.length];
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == target[lead + i]) {
        out[lead + i] = shape[i] == 1 ? 0 : strides[i];
      } else if (shape[i] == 1) {
        out[lead + i] = 0;
      } else {
        throw new ShapeMismatchException(op + ": cannot broadcast " + Arrays.toString(shape) + " to " + Arrays.toString(target)
            + ": dimension " + (lead + i) + " is " + shape[i] + " vs " + target[lead + i] + " and the first is not 1");
      }
    }
    return out;
  }

  /**
   * Strides that let an array with {@code oldShape}/{@code oldStrides} be read, in C order, as
   * {@code newShape} without copying; null when its memory does not allow that (NumPy's
   * {@code _attempt_nocopy_reshape}).
   */
  static int[] reshapeStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
    if (size(newShape) == 0 || size(oldShape) == 0) {
      return strides(newShape, Order.C);
    }
    int[] oldDims = new int[oldShape.length];
    int[] oldStr = new int[oldShape.length];
    int oldRank = 0;
    for (int i = 0; i < oldShape.length; i++) {
      if (oldShape[i] != 1) {
        oldDims[oldRank] = oldShape[i];
        oldStr[oldRank++] = oldStrides[i];
      }
    }
    int newRank = newShape.length;
    int[] newStrides = new int[newRank];
    int ni = 0;
    int oi = 0;
    int nj = 1;
    int oj = 1;
    while (ni < newRank && oi < oldRank) {
      long np = newShape[ni];
      long op = oldDims[oi];
      while (np != op) {
        if (np < op) {
          np *= newShape[nj++];
        } else {
          op *= oldDims[oj++];
        }
      }
      for (int ok = oi; ok < oj - 1; ok++) {
        if (oldStr[ok] != oldDims[ok + 1] * oldStr[ok + 1]) {
          return null;
        }
      }
      newStrides[nj - 1] = oldStr[oj - 1];
      for (int nk = nj - 1; nk > ni; nk--) {
        newStrides[nk - 1] = newStrides[nk] * newShape[nk];
      }
      ni = nj++;
      oi = oj++;
    }
    int last = ni > 0 ? newStrides[ni - 1] : 1;
    for (int nk = ni; nk < newRank; nk++) {
      newStrides[nk] = last;
    }
    return newStrides;
  }
}
