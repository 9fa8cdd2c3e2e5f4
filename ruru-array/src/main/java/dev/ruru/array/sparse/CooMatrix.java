package dev.ruru.array.sparse;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import java.util.Arrays;

/**
 * A sparse matrix as coordinate triples (row, column, value), in any order and with repeats allowed:
 * the form to build a matrix in, e.g. from a graph's edge list. {@link #toCsr} sorts the entries
 * and adds up repeated positions, as SciPy's {@code coo_matrix.tocsr()} does. Immutable: the arrays
 * given are copied.
 *
 * <pre>{@code
 * CooMatrix a = CooMatrix.of(3, 3, new int[] {0, 1, 2}, new int[] {1, 2, 0}, new double[] {1, 1, 1});
 * CsrMatrix csr = a.toCsr(DType.FLOAT32);   // a 3-cycle's adjacency
 * }</pre>
 */
public final class CooMatrix {
  private final int rows;
  private final int columns;
  private final int[] rowIndices;
  private final int[] columnIndices;
  private final double[] values;

  private CooMatrix(int rows, int columns, int[] rowIndices, int[] columnIndices, double[] values) {
    this.rows = rows;
    this.columns = columns;
    this.rowIndices = rowIndices;
    this.columnIndices = columnIndices;
    this.values = values;
  }

  /**
   * The matrix [rows, columns] with {@code values[e]} at ({@code rowIndices[e]}, {@code columnIndices[e]}).
   * Throws {@link IllegalArgumentException} when the three arrays differ in length or an index is
   * outside the matrix.
   */
  public static CooMatrix of(int rows, int columns, int[] rowIndices, int[] columnIndices, double[] values) {
    if (rows < 0 || columns < 0) {
      throw new IllegalArgumentException("CooMatrix: the shape must not be negative; got [" + rows + ", " + columns + "]");
    }
    if (rowIndices.length != columnIndices.length || rowIndices.length != values.length) {
      throw new IllegalArgumentException("CooMatrix: rows, columns and values must have one length; got " + rowIndices.length
          + ", " + columnIndices.length + " and " + values.length);
    }
    checkIndices("row", rowIndices, rows);
    checkIndices("column", columnIndices, columns);
    return new CooMatrix(rows, columns, rowIndices.clone(), columnIndices.clone(), values.clone());
  }

  /** The matrix with 1 at each (rowIndices[e], columnIndices[e]): a graph's adjacency from its edges. */
  public static CooMatrix ofOnes(int rows, int columns, int[] rowIndices, int[] columnIndices) {
    double[] ones = new double[rowIndices.length];
    Arrays.fill(ones, 1);
    return of(rows, columns, rowIndices, columnIndices, ones);
  }

  private static void checkIndices(String what, int[] indices, int bound) {
    for (int e = 0; e < indices.length; e++) {
      if (indices[e] < 0 || indices[e] >= bound) {
        throw new IndexOutOfBoundsException("CooMatrix: " + what + " index " + indices[e] + " of entry " + e
            + " is outside [0, " + bound + "); the matrix has " + bound + " " + what + "s");
      }
    }
  }

  public int rows() { return rows; }
  public int columns() { return columns; }
  /** The number of triples, repeats included. */
  public int entries() { return values.length; }
  public int[] rowIndices() { return rowIndices.clone(); }
  public int[] columnIndices() { return columnIndices.clone(); }
  public double[] values() { return values.clone(); }

  /** The same matrix in compressed rows, columns sorted within each row, repeated positions added. */
  public CsrMatrix toCsr(DType dtype) {
    int[] pointers = new int[rows + 1];
    for (int row : rowIndices) {
      pointers[row + 1]++;
    }
    for (int i = 0; i < rows; i++) {
      pointers[i + 1] += pointers[i];
    }
    // A counting sort by row, then each row's entries sorted by column (stable: repeats stay adjacent).
    int[] next = Arrays.copyOf(pointers, rows);
    long[] keyed = new long[values.length];
    int[] order = new int[values.length];
    for (int e = 0; e < values.length; e++) {
      order[next[rowIndices[e]]++] = e;
    }
    for (int e = 0; e < values.length; e++) {
      keyed[e] = ((long) columnIndices[order[e]] << 32) | e;
    }
    for (int i = 0; i < rows; i++) {
      Arrays.sort(keyed, pointers[i], pointers[i + 1]);
    }
    return merged(pointers, keyed, order, dtype);
  }

  /** Adds up the adjacent entries of each row that share a column. */
  private CsrMatrix merged(int[] pointers, long[] keyed, int[] order, DType dtype) {
    int[] outPointers = new int[rows + 1];
    int[] outColumns = new int[values.length];
    double[] outValues = new double[values.length];
    int count = 0;
    for (int i = 0; i < rows; i++) {
      int rowStart = count;
      for (int k = pointers[i]; k < pointers[i + 1]; k++) {
        int column = (int) (keyed[k] >>> 32);
        double value = values[order[(int) keyed[k]]];
        if (count > rowStart && outColumns[count - 1] == column) {
          outValues[count - 1] += value;
        } else {
          outColumns[count] = column;
          outValues[count++] = value;
        }
      }
      outPointers[i + 1] = count;
    }
    NDArray data = NDArray.wrap(Arrays.copyOf(outValues, count), count).astype(dtype);
    return CsrMatrix.of(rows, columns, outPointers, Arrays.copyOf(outColumns, count), data);
  }

  @Override
  public String toString() {
    return "CooMatrix[" + rows + ", " + columns + "] with " + values.length + " entries";
  }
}
