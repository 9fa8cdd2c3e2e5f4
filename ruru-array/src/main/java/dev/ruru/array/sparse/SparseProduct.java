package dev.ruru.array.sparse;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;

/**
 * The kernel of {@link CsrMatrix#matmul}: out[i, :] = Σ_e values[e] · dense[column[e], :] over row i's
 * entries. Each output row is written by one thread from contiguous dense rows, so the loop streams
 * memory, needs no locks and gives the same bits whatever the thread count.
 */
final class SparseProduct {
  /** Rows per chunk: about this many entries' work is worth handing to a thread. */
  private static final int MIN_WORK_PER_CHUNK = 1 << 15;

  private SparseProduct() {}

  static NDArray multiply(CsrMatrix a, NDArray dense, int[] pointers, int[] columns) {
    int rows = a.rows(), width = dense.dim(1);
    int chunk = Math.max(1, MIN_WORK_PER_CHUNK / Math.max(1, width * Math.max(1, columns.length / Math.max(1, rows))));
    if (a.dtype() == DType.FLOAT64 || dense.dtype() == DType.FLOAT64) {
      double[] values = a.values().doublesToRead(), x = dense.doublesToRead(), out = new double[rows * width];
      Parallel.forEachRun(rows, chunk, (from, to) -> rowsFloat64(from, to, pointers, columns, values, x, out, width));
      return NDArray.wrap(out, rows, width);
    }
    float[] values = a.values().floatsToRead(), x = dense.floatsToRead(), out = new float[rows * width];
    Parallel.forEachRun(rows, chunk, (from, to) -> rowsFloat32(from, to, pointers, columns, values, x, out, width));
    return NDArray.wrap(out, rows, width);
  }

  private static void rowsFloat32(int from, int to, int[] pointers, int[] columns, float[] values, float[] x, float[] out, int width) {
    for (int i = from; i < to; i++) {
      int row = i * width;
      for (int e = pointers[i]; e < pointers[i + 1]; e++) {
        float v = values[e];
        int source = columns[e] * width;
        for (int k = 0; k < width; k++) {
          out[row + k] += v * x[source + k];
        }
      }
    }
  }

  private static void rowsFloat64(int from, int to, int[] pointers, int[] columns, double[] values, double[] x, double[] out, int width) {
    for (int i = from; i < to; i++) {
      int row = i * width;
      for (int e = pointers[i]; e < pointers[i + 1]; e++) {
        double v = values[e];
        int source = columns[e] * width;
        for (int k = 0; k < width; k++) {
          out[row + k] += v * x[source + k];
        }
      }
    }
  }
}
