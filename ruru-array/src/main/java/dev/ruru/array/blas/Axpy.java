package dev.ruru.array.blas;

/**
 * BLAS level 1's axpy on runs of heap arrays: {@code y[yOffset + i] ← α·x[xOffset + i] + y[yOffset + i]}
 * for {@code i < n}, each element one fused multiply-add (rounded once), as OpenBLAS's kernels on
 * processors with FMA compute it and as {@link Math#fma} does.
 *
 * <p>Why it is here beside {@link Gemm}: adding one row into another where both may lie in the same
 * array ({@code W[t] += α·x}) is a loop HotSpot runs scalar, since it cannot prove the two runs apart,
 * while OpenBLAS's kernel is SIMD and reads both in place. The runs must not overlap (as in BLAS);
 * callers copy first where they might. Arguments are checked before any memory is touched.
 *
 * <pre>{@code
 * Blas.axpy().saxpy(784, -0.01f, examples, 3 * 784, weights, 7 * 784);   // weights row 7 -= 0.01 · example 3
 * }</pre>
 */
public interface Axpy {

  /** {@code y ← α·x + y} on {@code n} float32 elements from the given offsets. */
  void saxpy(int n, float alpha, float[] x, int xOffset, float[] y, int yOffset);

  /** {@code y ← α·x + y} on {@code n} float64 elements from the given offsets. */
  void daxpy(int n, double alpha, double[] x, int xOffset, double[] y, int yOffset);

  /**
   * Checks one call's runs against the arrays' lengths.
   *
   * @param op the operation's name for messages ({@code "saxpy"} or {@code "daxpy"})
   */
  static void check(String op, int n, int xLength, int xOffset, int yLength, int yOffset) {
    if (n < 0) {
      throw new IllegalArgumentException(op + ": n must not be negative; got " + n);
    }
    if (xOffset < 0 || xOffset > xLength - n) {
      throw new IllegalArgumentException(op + ": x[" + xOffset + ", " + ((long) xOffset + n) + ") is outside its array of length " + xLength);
    }
    if (yOffset < 0 || yOffset > yLength - n) {
      throw new IllegalArgumentException(op + ": y[" + yOffset + ", " + ((long) yOffset + n) + ") is outside its array of length " + yLength);
    }
  }
}
