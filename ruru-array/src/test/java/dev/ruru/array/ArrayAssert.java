package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

/**
 * Assertions on whole arrays whose failures locate the problem: the case, then the first difference
 * (dtype, shape, or the first element out of tolerance with its index and both values). Elements are
 * read one at a time through {@link NDArray#getDouble}/{@link NDArray#getLong}, independently of the
 * kernels under test.
 */
final class ArrayAssert {
  private ArrayAssert() {}

  /** Same dtype, same shape, and equal elements (NaN matching NaN; int64 compared as longs). */
  static void assertArrayEquals(String what, NDArray expected, NDArray actual) {
    assertClose(what, expected, actual, 0, 0, true);
  }

  /**
   * Same dtype, same shape, and {@code |actual − expected| ≤ atol + rtol·|expected|} everywhere; NaN
   * must meet NaN and an infinity the same infinity. {@code exact} compares bit for bit instead
   * (except that -0.0 matches 0.0), and integers always compare exactly.
   */
  static void assertClose(String what, NDArray expected, NDArray actual, double rtol, double atol, boolean exact) {
    if (actual.dtype() != expected.dtype()) {
      fail(what + ": dtype: expected " + expected.dtype() + " but got " + actual.dtype() + " (shape " + actual.shape() + ")");
    }
    if (!actual.shape().equals(expected.shape())) {
      fail(what + ": shape: expected " + expected.shape() + " but got " + actual.shape());
    }
    int[] shape = expected.shape().dims();
    int size = expected.size();
    int[] index = new int[shape.length];
    for (int k = 0; k < size; k++) {
      String problem = expected.dtype().isFloating()
          ? compareFloats(expected.getDouble(index), actual.getDouble(index), rtol, atol, exact)
          : compareIntegers(expected.getLong(index), actual.getLong(index));
      if (problem != null) {
        fail(what + ": at " + Arrays.toString(index) + " " + problem + tolerance(rtol, atol, exact, expected.dtype()));
      }
      advance(index, shape);
    }
  }

  private static String compareFloats(double expected, double actual, double rtol, double atol, boolean exact) {
    boolean ok;
    if (Double.isNaN(expected) || Double.isNaN(actual)) {
      ok = Double.isNaN(expected) && Double.isNaN(actual);
    } else if (exact || Double.isInfinite(expected) || Double.isInfinite(actual)) {
      ok = expected == actual;
    } else {
      ok = Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
    }
    return ok ? null : "expected " + expected + " but got " + actual + " (difference " + (actual - expected) + ")";
  }

  private static String compareIntegers(long expected, long actual) {
    return expected == actual ? null : "expected " + expected + " but got " + actual;
  }

  private static String tolerance(double rtol, double atol, boolean exact, DType dtype) {
    return exact || !dtype.isFloating() ? " (exact)" : " (rtol " + rtol + ", atol " + atol + ")";
  }

  /** The next multi-index in C order. */
  private static void advance(int[] index, int[] shape) {
    for (int d = shape.length - 1; d >= 0; d--) {
      if (++index[d] < shape[d]) {
        return;
      }
      index[d] = 0;
    }
  }
}
