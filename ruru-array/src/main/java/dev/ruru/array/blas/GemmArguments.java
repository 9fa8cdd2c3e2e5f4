package dev.ruru.array.blas;

import dev.ruru.array.blas.Gemm.Transpose;

/**
 * The checks every {@link Gemm} makes before touching memory. They matter doubly for OpenBLAS: a
 * native kernel reading past the end of a Java array would corrupt the heap instead of throwing.
 */
final class GemmArguments {
  private GemmArguments() {}

  /**
   * Checks dimensions, offsets and leading dimensions of one call against the array lengths.
   *
   * @param op the operation's name for messages ({@code "sgemm"} or {@code "dgemm"})
   */
  static void check(String op, Transpose transA, Transpose transB, int m, int n, int k,
                    int aLength, int aOffset, int lda, int bLength, int bOffset, int ldb,
                    int cLength, int cOffset, int ldc) {
    if (transA == null || transB == null) {
      throw new IllegalArgumentException(op + ": transpose flags must not be null; got transA " + transA + ", transB " + transB);
    }
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException(op + ": dimensions must not be negative; got m " + m + ", n " + n + ", k " + k);
    }
    boolean touchesInputs = m > 0 && n > 0 && k > 0;
    // Stored A is [m, k] or [k, m]; stored B is [k, n] or [n, k]; C is [m, n].
    matrix(op, "A", transA == Transpose.NO ? m : k, transA == Transpose.NO ? k : m, aLength, aOffset, lda, touchesInputs);
    matrix(op, "B", transB == Transpose.NO ? k : n, transB == Transpose.NO ? n : k, bLength, bOffset, ldb, touchesInputs);
    matrix(op, "C", m, n, cLength, cOffset, ldc, m > 0 && n > 0);
  }

  /** One stored row-major matrix of {@code rows × columns} read from {@code offset} with leading dimension {@code ld}. */
  private static void matrix(String op, String name, int rows, int columns, int length, int offset, int ld, boolean used) {
    if (ld < Math.max(1, columns)) {
      throw new IllegalArgumentException(op + ": leading dimension of " + name + " must be at least max(1, " + columns
          + ") for a stored [" + rows + ", " + columns + "] matrix; got ld" + name.toLowerCase() + " " + ld);
    }
    if (offset < 0 || offset > length) {
      throw new IllegalArgumentException(op + ": offset of " + name + " is outside its array; got " + offset + " for length " + length);
    }
    if (used) {
      long end = offset + (long) (rows - 1) * ld + columns;
      if (end > length) {
        throw new IllegalArgumentException(op + ": " + name + " [" + rows + ", " + columns + "] with leading dimension " + ld
            + " from offset " + offset + " needs " + end + " elements; its array has " + length);
      }
    }
  }
}
