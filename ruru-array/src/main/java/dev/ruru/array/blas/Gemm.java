package dev.ruru.array.blas;

/**
 * General matrix multiplication with BLAS's semantics on row-major heap arrays:
 * <pre>
 *   C ← α · op(A) · op(B) + β · C        op(A): [m, k],  op(B): [k, n],  C: [m, n]
 * </pre>
 * where {@code op(X)} is {@code X} for {@link Transpose#NO} and {@code Xᵀ} for {@link Transpose#YES}.
 * Matrices are read in row-major order from a flat array, starting at an offset, with a leading
 * dimension (the distance between consecutive stored rows, at least the stored row length):
 * element {@code (r, c)} of the <em>stored</em> matrix A is {@code a[aOffset + r * lda + c]}, and
 * the stored A is [m, k] when {@code transA == NO} and [k, m] when it is {@code YES}. The same holds
 * for B (stored [k, n] or [n, k]) and for C (always [m, n]).
 *
 * <p>As in BLAS, when {@code β = 0} the old contents of C are not read (NaNs there do not
 * propagate), and {@code k = 0} leaves {@code β·C}. Only C is written; A and B are not modified.
 * Arguments are checked before any work: offsets, leading dimensions and the extent of each matrix
 * must lie within its array, otherwise an {@link IllegalArgumentException} names what is wrong.
 *
 * <pre>{@code
 * Gemm gemm = Blas.gemm();                         // OpenBLAS, or the pure-Java fallback
 * float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
 * gemm.sgemm(Transpose.NO, Transpose.NO, m, n, k, 1f, a, 0, k, b, 0, n, 0f, c, 0, n);   // C = A·B
 * gemm.sgemm(Transpose.NO, Transpose.YES, m, n, k, 1f, a, 0, k, bt, 0, k, 0f, c, 0, n); // C = A·Bᵀ, bt: [n, k]
 * }</pre>
 *
 * <p>Implementations are safe to call from several threads at once (each call may itself use
 * {@link #threads()} threads).
 */
public interface Gemm {

  /** Whether an operand is used as stored or transposed. */
  enum Transpose {
    /** Use the matrix as stored. */
    NO,
    /** Use the transpose of the stored matrix. */
    YES
  }

  /** {@code C ← α·op(A)·op(B) + β·C} in float32; see the interface documentation for the layout. */
  void sgemm(Transpose transA, Transpose transB, int m, int n, int k,
             float alpha, float[] a, int aOffset, int lda,
             float[] b, int bOffset, int ldb,
             float beta, float[] c, int cOffset, int ldc);

  /** {@code C ← α·op(A)·op(B) + β·C} in float64; see the interface documentation for the layout. */
  void dgemm(Transpose transA, Transpose transB, int m, int n, int k,
             double alpha, double[] a, int aOffset, int lda,
             double[] b, int bOffset, int ldb,
             double beta, double[] c, int cOffset, int ldc);

  /** Sets how many threads one call may use (at least 1). */
  void setThreads(int threads);

  /** How many threads one call may use. */
  int threads();

  /** A short description for logs and benchmarks, e.g. {@code "OpenBLAS 0.3.31 (Cooperlake)"}. */
  String name();
}
