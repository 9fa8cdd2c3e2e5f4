package dev.ruru.array;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Making arrays: constants, ranges, identity, from Java arrays, and seeded random samples. */
final class Creation {
  private Creation() {}

  static NDArray full(int[] shape, double value, DType dtype) {
    NDArray out = NDArray.fresh(dtype, shape);
    if (value != 0) {
      switch (out.data) {
        case float[] f -> Arrays.fill(f, (float) value);
        case double[] d -> Arrays.fill(d, value);
        case int[] i -> Arrays.fill(i, (int) value);
        case long[] l -> Arrays.fill(l, (long) value);
        case byte[] b -> Arrays.fill(b, (byte) 1);
        default -> throw new IllegalStateException();
      }
    }
    return out;
  }

  static NDArray arange(double start, double stop, double step, DType dtype) {
    if (step == 0 || !Double.isFinite(step) || !Double.isFinite(start) || !Double.isFinite(stop)) {
      throw new IllegalArgumentException("arange: expected finite start, stop and a non-zero step; got " + start + ", " + stop + ", " + step);
    }
    double count = Math.ceil((stop - start) / step);
    if (count > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("arange: " + (long) count + " elements are more than one array can hold");
    }
    int n = (int) Math.max(0, count);
    NDArray out = NDArray.fresh(dtype, new int[] {n});
    for (int i = 0; i < n; i++) {
      Storage.setDouble(out.data, i, start + i * step);
    }
    return out;
  }

  /** As NumPy: {@code start + i * (stop - start) / (count - 1)}, with the last value exactly {@code stop}. */
  static NDArray linspace(double start, double stop, int count, DType dtype) {
    Check.arg(count >= 0, "linspace: number of samples %s must be non-negative", count);
    NDArray out = NDArray.fresh(dtype, new int[] {count});
    double step = count > 1 ? (stop - start) / (count - 1) : 0;
    for (int i = 0; i < count; i++) {
      Storage.setDouble(out.data, i, start + i * step);
    }
    if (count > 1) {
      Storage.setDouble(out.data, count - 1, stop);
    }
    return out;
  }

  static NDArray eye(int rows, int columns, DType dtype) {
    Check.arg(rows >= 0 && columns >= 0, "eye: expected non-negative sizes, got %s x %s", rows, columns);
    NDArray out = NDArray.fresh(dtype, new int[] {rows, columns});
    for (int i = 0; i < Math.min(rows, columns); i++) {
      Storage.setDouble(out.data, i * columns + i, 1);
    }
    return out;
  }

  /** Wraps {@code data} (already a private copy) as an array of {@code shape}; no shape means 1-D. */
  static NDArray of(DType dtype, Object data, int length, int[] shape) {
    int[] dims = shape.length == 0 ? new int[] {length} : shape.clone();
    Check.size(dims);
    int size = Layout.size(dims);
    if (size != length) {
      throw new ShapeMismatchException("of: " + length + " values do not fill shape " + Arrays.toString(dims) + " (" + size + " elements)");
    }
    for (int d : dims) {
      if (d < 0) {   // the message only on failure: this runs for every wrapped array
        throw new IllegalArgumentException("of: negative dimension in shape " + Arrays.toString(dims));
      }
    }
    return new NDArray(dtype, data, dims, Layout.strides(dims, Order.C), 0);
  }

  static NDArray ofRows(float[][] rows) {
    int columns = rows.length == 0 ? 0 : rows[0].length;
    float[] data = new float[rows.length * columns];
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != columns) {
        throw new ShapeMismatchException("of: row " + r + " has " + rows[r].length + " values, expected " + columns + " like row 0");
      }
      System.arraycopy(rows[r], 0, data, r * columns, columns);
    }
    return new NDArray(DType.FLOAT32, data, new int[] {rows.length, columns}, new int[] {columns, 1}, 0);
  }

  /**
   * Samples are drawn one after another from {@code rng} on the calling thread, so the same generator
   * state gives the same array on every run and every thread count.
   */
  static NDArray uniform(int[] shape, double low, double high, DType dtype, RandomGenerator rng) {
    requireFloating("uniform", dtype);
    Check.arg(low < high, "uniform: expected low < high, got low %s and high %s", low, high);
    NDArray out = NDArray.fresh(dtype, shape);
    double width = high - low;
    if (out.data instanceof float[] f) {
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) (low + width * rng.nextDouble());
      }
    } else {
      double[] d = (double[]) out.data;
      for (int i = 0; i < d.length; i++) {
        d[i] = low + width * rng.nextDouble();
      }
    }
    return out;
  }

  static NDArray normal(int[] shape, double mean, double std, DType dtype, RandomGenerator rng) {
    requireFloating("normal", dtype);
    Check.arg(std >= 0, "normal: standard deviation %s must be non-negative", std);
    NDArray out = NDArray.fresh(dtype, shape);
    if (out.data instanceof float[] f) {
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) (mean + std * rng.nextGaussian());
      }
    } else {
      double[] d = (double[]) out.data;
      for (int i = 0; i < d.length; i++) {
        d[i] = mean + std * rng.nextGaussian();
      }
    }
    return out;
  }

  private static void requireFloating(String op, DType dtype) {
    Check.arg(dtype.isFloating(), "%s: expected a floating dtype (float32 or float64), got %s", op, dtype);
  }
}
