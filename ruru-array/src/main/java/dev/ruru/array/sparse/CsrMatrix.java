package dev.ruru.array.sparse;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import java.util.Arrays;

/**
 * A sparse matrix in compressed sparse rows (SciPy's {@code csr_matrix}): row i's entries are
 * {@code values[rowPointers[i] .. rowPointers[i + 1])} at the columns {@code columnIndices[same]}.
 * The form to compute with: {@link #matmul} is the propagation step of graph networks (A·X), and
 * the pattern (pointers and columns) is kept apart from the values, so that the values can be a
 * tensor with gradients ({@link #withValues}). Immutable; values are a float32 or float64 vector.
 *
 * <pre>{@code
 * CsrMatrix adjacency = CooMatrix.ofOnes(n, n, sources, targets).toCsr(DType.FLOAT32);
 * CsrMatrix propagation = adjacency.normalizedWithSelfLoops();   // D^-1/2 (A + I) D^-1/2
 * NDArray h = propagation.matmul(features);                      // [n, n] · [n, d] -> [n, d]
 * }</pre>
 */
public final class CsrMatrix {
  private final int rows;
  private final int columns;
  private final int[] rowPointers;
  private final int[] columnIndices;
  private final NDArray values;

  private CsrMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, NDArray values) {
    this.rows = rows;
    this.columns = columns;
    this.rowPointers = rowPointers;
    this.columnIndices = columnIndices;
    this.values = values;
  }

  /**
   * The matrix from its three arrays (copied). Throws {@link IllegalArgumentException} unless the
   * pointers start at 0, never decrease and end at the number of values, every column is inside
   * [0, columns), and the values are a float32 or float64 vector.
   */
  public static CsrMatrix of(int rows, int columns, int[] rowPointers, int[] columnIndices, NDArray values) {
    if (rows < 0 || columns < 0 || rowPointers.length != rows + 1) {
      throw new IllegalArgumentException("CsrMatrix: expected " + (rows + 1) + " row pointers for shape [" + rows + ", "
          + columns + "], got " + rowPointers.length);
    }
    if (values.rank() != 1 || values.dim(0) != columnIndices.length || !values.dtype().isFloating()) {
      throw new IllegalArgumentException("CsrMatrix: expected values as a float vector of " + columnIndices.length
          + " (one per column index), got " + values.dtype() + " " + values.shape());
    }
    checkPattern(rows, columns, rowPointers, columnIndices);
    return new CsrMatrix(rows, columns, rowPointers.clone(), columnIndices.clone(), values.contiguous());
  }

  private static void checkPattern(int rows, int columns, int[] rowPointers, int[] columnIndices) {
    if (rowPointers[0] != 0 || rowPointers[rows] != columnIndices.length) {
      throw new IllegalArgumentException("CsrMatrix: row pointers must run from 0 to " + columnIndices.length
          + " (the number of entries), got " + rowPointers[0] + " to " + rowPointers[rows]);
    }
    for (int i = 0; i < rows; i++) {
      if (rowPointers[i + 1] < rowPointers[i]) {
        throw new IllegalArgumentException("CsrMatrix: row pointers decrease at row " + i + " (" + rowPointers[i] + " > "
            + rowPointers[i + 1] + ")");
      }
    }
    for (int e = 0; e < columnIndices.length; e++) {
      if (columnIndices[e] < 0 || columnIndices[e] >= columns) {
        throw new IndexOutOfBoundsException("CsrMatrix: column index " + columnIndices[e] + " of entry " + e
            + " is outside [0, " + columns + ")");
      }
    }
  }

  public int rows() { return rows; }
  public int columns() { return columns; }
  public Shape shape() { return Shape.of(rows, columns); }
  /** The number of stored entries. */
  public int nonZeros() { return columnIndices.length; }
  public int[] rowPointers() { return rowPointers.clone(); }
  public int[] columnIndices() { return columnIndices.clone(); }
  /** The stored values, a vector [nonZeros] in row order. */
  public NDArray values() { return values; }
  public DType dtype() { return values.dtype(); }

  /** The row of each stored entry, [nonZeros]: with {@link #columnIndices} the matrix in COO form. */
  public int[] rowIndices() {
    int[] out = new int[columnIndices.length];
    for (int i = 0; i < rows; i++) {
      Arrays.fill(out, rowPointers[i], rowPointers[i + 1], i);
    }
    return out;
  }

  /** The same pattern with other values (a vector [nonZeros], float32 or float64). */
  public CsrMatrix withValues(NDArray newValues) {
    if (newValues.rank() != 1 || newValues.dim(0) != nonZeros() || !newValues.dtype().isFloating()) {
      throw new ShapeMismatchException("CsrMatrix.withValues: expected a float vector [" + nonZeros() + "], got "
          + newValues.dtype() + " " + newValues.shape());
    }
    return new CsrMatrix(rows, columns, rowPointers, columnIndices, newValues.contiguous());
  }

  /**
   * This · dense: [rows, columns] · [columns, k] gives [rows, k] (a vector [columns] gives [rows]),
   * rows split across {@link dev.ruru.array.Parallel#threads()} cores. Computes in float64 when
   * either operand is float64, else float32. The input is not modified.
   */
  public NDArray matmul(NDArray dense) {
    boolean vector = dense.rank() == 1;
    NDArray matrix = vector ? dense.reshape(dense.dim(0), 1) : dense;
    if (matrix.rank() != 2 || matrix.dim(0) != columns) {
      throw new ShapeMismatchException("CsrMatrix.matmul: shapes [" + rows + ", " + columns + "] and " + dense.shape()
          + " do not align (expected a dense operand with " + columns + " rows)");
    }
    NDArray product = SparseProduct.multiply(this, matrix, rowPointers, columnIndices);
    return vector ? product.reshape(rows) : product;
  }

  /** The transpose [columns, rows], in CSR again (SciPy's {@code a.T.tocsr()}). */
  public CsrMatrix transpose() {
    int[] order = transposeOrder();
    int[] pointers = new int[columns + 1];
    for (int column : columnIndices) {
      pointers[column + 1]++;
    }
    for (int j = 0; j < columns; j++) {
      pointers[j + 1] += pointers[j];
    }
    int[] rowOf = rowIndices();
    int[] outColumns = new int[order.length];
    for (int e = 0; e < order.length; e++) {
      outColumns[e] = rowOf[order[e]];
    }
    NDArray outValues = values.take(NDArray.wrap(order, order.length), 0);
    return new CsrMatrix(columns, rows, pointers, outColumns, outValues);
  }

  /**
   * Where the transpose's entries come from: its entry e is this matrix's entry {@code order[e]}, so its
   * values are {@code values.take(order)}. Reverse mode uses it to send a gradient back through Aᵀ.
   */
  public int[] transposeOrder() {
    int[] next = new int[columns + 1];
    for (int column : columnIndices) {
      next[column + 1]++;
    }
    for (int j = 0; j < columns; j++) {
      next[j + 1] += next[j];
    }
    // Walking the entries in row order keeps each transposed row's columns (this matrix's rows) sorted.
    int[] order = new int[columnIndices.length];
    for (int e = 0; e < columnIndices.length; e++) {
      order[next[columnIndices[e]]++] = e;
    }
    return order;
  }

  /** Σ_j a[i, j] for each row i: a vector [rows] (a graph's out-degrees). */
  public NDArray rowSums() {
    double[] value = values.toDoubleArray();
    double[] sums = new double[rows];
    for (int i = 0; i < rows; i++) {
      for (int e = rowPointers[i]; e < rowPointers[i + 1]; e++) {
        sums[i] += value[e];
      }
    }
    return NDArray.wrap(sums, rows).astype(values.dtype());
  }

  /** Σ_i a[i, j] for each column j: a vector [columns] (a graph's in-degrees). */
  public NDArray columnSums() {
    double[] value = values.toDoubleArray();
    double[] sums = new double[columns];
    for (int e = 0; e < columnIndices.length; e++) {
      sums[columnIndices[e]] += value[e];
    }
    return NDArray.wrap(sums, columns).astype(values.dtype());
  }

  /** A + I for a square matrix: 1 added on the diagonal, where an entry is stored or not. */
  public CsrMatrix plusIdentity() {
    if (rows != columns) {
      throw new ShapeMismatchException("CsrMatrix.plusIdentity: the matrix must be square, got [" + rows + ", " + columns + "]");
    }
    int[] rowOf = rowIndices();
    int[] rowAll = Arrays.copyOf(rowOf, rowOf.length + rows);
    int[] columnAll = Arrays.copyOf(columnIndices, columnIndices.length + rows);
    double[] valueAll = Arrays.copyOf(values.toDoubleArray(), columnIndices.length + rows);
    for (int i = 0; i < rows; i++) {
      rowAll[rowOf.length + i] = i;
      columnAll[rowOf.length + i] = i;
      valueAll[rowOf.length + i] = 1;
    }
    return CooMatrix.of(rows, columns, rowAll, columnAll, valueAll).toCsr(values.dtype());
  }

  /** diag(left) · this · diag(right): entry (i, j) times left[i]·right[j]; left [rows], right [columns]. */
  public CsrMatrix scaled(NDArray left, NDArray right) {
    if (!left.shape().equals(Shape.of(rows)) || !right.shape().equals(Shape.of(columns))) {
      throw new ShapeMismatchException("CsrMatrix.scaled: expected scales [" + rows + "] and [" + columns + "], got "
          + left.shape() + " and " + right.shape());
    }
    double[] l = left.toDoubleArray(), r = right.toDoubleArray(), value = values.toDoubleArray();
    for (int i = 0; i < rows; i++) {
      for (int e = rowPointers[i]; e < rowPointers[i + 1]; e++) {
        value[e] *= l[i] * r[columnIndices[e]];
      }
    }
    return withValues(NDArray.wrap(value, value.length).astype(values.dtype()));
  }

  /**
   * D^-1/2 (A + I) D^-1/2 with D the row sums of A + I: the propagation matrix of graph convolution
   * (Kipf and Welling, 2017). The self-loops keep each node's own features; the symmetric scaling keeps
   * repeated products from growing or shrinking with the degrees.
   */
  public CsrMatrix normalizedWithSelfLoops() {
    CsrMatrix withLoops = plusIdentity();
    NDArray scale = withLoops.rowSums().astype(DType.FLOAT64).pow(-0.5);
    return withLoops.scaled(scale, scale);
  }

  /** The matrix as a dense array [rows, columns] of its dtype. */
  public NDArray toDense() {
    double[] dense = new double[rows * columns];
    double[] value = values.toDoubleArray();
    for (int i = 0; i < rows; i++) {
      for (int e = rowPointers[i]; e < rowPointers[i + 1]; e++) {
        dense[i * columns + columnIndices[e]] += value[e];
      }
    }
    return NDArray.wrap(dense, rows, columns).astype(values.dtype());
  }

  @Override
  public String toString() {
    return "CsrMatrix[" + rows + ", " + columns + "] " + values.dtype() + " with " + nonZeros() + " entries";
  }
}
