package dev.ruru.array;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whole-array comparisons: value equality (behind {@code equals}/{@code hashCode}) and NumPy's
 * {@code allclose}. Both read any layout, so a transposed view equals its contiguous copy.
 */
final class Comparisons {
  /** Elements hashed: enough to tell typical arrays apart without reading a large one whole. */
  private static final int HASHED_ELEMENTS = 16;

  private Comparisons() {}

  /**
   * Same dtype, same shape, equal elements in every position. NaN equals NaN (so an array equals
   * itself, as {@code equals} must) and -0.0 equals 0.0 (as in NumPy's {@code array_equal}).
   */
  static boolean arrayEquals(NDArray a, NDArray b) {
    if (a == b) {
      return true;
    }
    if (a.dtype != b.dtype || !Arrays.equals(a.shape, b.shape)) {
      return false;
    }
    AtomicBoolean equal = new AtomicBoolean(true);
    StridedLoop loop = new StridedLoop(a.shape, new int[][] {a.strides, b.strides}, new int[] {a.offset, b.offset});
    int as = loop.innerStride(0);
    int bs = loop.innerStride(1);
    loop.run((at, n) -> {
      if (equal.get() && !rowEquals(a.data, at[0], as, b.data, at[1], bs, n)) {
        equal.set(false);
      }
    });
    return equal.get();
  }

  private static boolean rowEquals(Object a, int ai, int as, Object b, int bi, int bs, int n) {
    switch (a) {
      case float[] x -> {
        float[] y = (float[]) b;
        for (int i = 0; i < n; i++) {
          float p = x[ai + i * as];
          float q = y[bi + i * bs];
          if (p != q && !(p != p && q != q)) {
            return false;
          }
        }
      }
      case double[] x -> {
        double[] y = (double[]) b;
        for (int i = 0; i < n; i++) {
          double p = x[ai + i * as];
          double q = y[bi + i * bs];
          if (p != q && !(p != p && q != q)) {
            return false;
          }
        }
      }
      default -> {
        for (int i = 0; i < n; i++) {
          if (Storage.getLong(a, ai + i * as) != Storage.getLong(b, bi + i * bs)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * A hash consistent with {@link #arrayEquals}: dtype, shape and the first few elements in C order
   * (every NaN hashes alike, and -0.0 like 0.0).
   */
  static int hash(NDArray a) {
    int hash = 31 * a.dtype.hashCode() + Arrays.hashCode(a.shape);
    int count = Math.min(HASHED_ELEMENTS, Layout.size(a.shape));
    for (int k = 0; k < count; k++) {
      int offset = Indexing.offsetOf("hashCode", a, Indexing.unravel(k, a.shape));
      long bits;
      if (a.dtype.isFloating()) {
        // + 0.0 turns -0.0 into 0.0; doubleToLongBits maps every NaN to one pattern.
        bits = Double.doubleToLongBits(Storage.getDouble(a.data, offset) + 0.0);
      } else {
        bits = Storage.getLong(a.data, offset);
      }
      hash = 31 * hash + Long.hashCode(bits);
    }
    return hash;
  }

  /**
   * NumPy's {@code allclose}: after broadcasting the two shapes, {@code |a − b| ≤ atol + rtol·|b|}
   * everywhere. NaN is close to nothing; an infinity only to the same infinity. Not symmetric, as in
   * NumPy: {@code b} is the reference whose magnitude scales the tolerance.
   */
  static boolean allClose(NDArray a, NDArray b, double rtol, double atol) {
    Check.arg(rtol >= 0 && atol >= 0, "allClose: tolerances must be non-negative, got rtol %s and atol %s", rtol, atol);
    int[] shape = Layout.broadcastShapes("allClose", a.shape, b.shape);
    int[][] strides = {
      Layout.broadcastStrides("allClose", a.shape, a.strides, shape), Layout.broadcastStrides("allClose", b.shape, b.strides, shape)
    };
    StridedLoop loop = new StridedLoop(shape, strides, new int[] {a.offset, b.offset});
    int as = loop.innerStride(0);
    int bs = loop.innerStride(1);
    AtomicBoolean close = new AtomicBoolean(true);
    loop.run((at, n) -> {
      for (int i = 0; i < n && close.get(); i++) {
        if (!isClose(Storage.getDouble(a.data, at[0] + i * as), Storage.getDouble(b.data, at[1] + i * bs), rtol, atol)) {
          close.set(false);
        }
      }
    });
    return close.get();
  }

  private static boolean isClose(double x, double y, double rtol, double atol) {
    if (Double.isInfinite(x) || Double.isInfinite(y)) {
      return x == y;
    }
    return Math.abs(x - y) <= atol + rtol * Math.abs(y);
  }
}
