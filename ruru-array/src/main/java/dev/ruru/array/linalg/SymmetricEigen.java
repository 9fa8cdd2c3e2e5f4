package dev.ruru.array.linalg;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.ShapeMismatchException;
import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The eigendecomposition A = V·diag(λ)·Vᵀ of a real symmetric matrix (numpy's {@code eigh}), by LAPACK's
 * divide-and-conquer {@code syevd}. {@code eigenvalues} [n] ascend; column j of {@code eigenvectors}
 * [n, n] is the unit eigenvector of eigenvalue j (its sign is LAPACK's). A float32 matrix is decomposed in
 * single precision ({@code ssyevd}) and gives float32 results; any other dtype in float64 ({@code dsyevd}).
 *
 * <pre>{@code
 * SymmetricEigen eigen = SymmetricEigen.of(NDArray.of(new double[] {2, 1, 1, 2}, 2, 2));
 * eigen.eigenvalues();   // [1, 3]
 * }</pre>
 */
public record SymmetricEigen(NDArray eigenvalues, NDArray eigenvectors) {

  /**
   * Decomposes {@code matrix}, which is not modified.
   *
   * @throws ShapeMismatchException when it is not square
   * @throws IllegalArgumentException when it holds NaN or an infinity, or is not symmetric (to 1e-10
   *     of its largest magnitude in float64, 1e-5 in float32; LAPACK would silently read half of it)
   * @throws IllegalStateException when LAPACK does not converge or cannot load
   */
  public static SymmetricEigen of(NDArray matrix) {
    check("eigh", matrix);
    int n = matrix.dim(0);
    if (matrix.dtype() == DType.FLOAT32) {
      float[] a = matrix.toFloatArray();
      float[] w = new float[n];
      converged(Lapack.load().ssyevd(a, n, w), n);
      return new SymmetricEigen(NDArray.wrap(w, n), NDArray.wrap(a, n, n).transpose());
    }
    double[] a = matrix.toDoubleArray();
    double[] w = new double[n];
    converged(Lapack.load().dsyevd(a, n, w), n);
    return new SymmetricEigen(NDArray.wrap(w, n), NDArray.wrap(a, n, n).transpose());
  }

  /**
   * The principal square root S of a symmetric positive semi-definite matrix: S·S = A, S symmetric and
   * positive semi-definite (scipy's {@code sqrtm} for such matrices). Eigenvalues that are negative only
   * by rounding (down to −1e-8 of the largest in float64, −1e-4 in float32) count as zero.
   *
   * @throws IllegalArgumentException for a matrix that {@link #of} refuses, or one with a clearly
   *     negative eigenvalue (it has no real square root)
   */
  public static NDArray sqrtPsd(NDArray matrix) {
    SymmetricEigen eigen = of(matrix);
    double[] values = eigen.eigenvalues.toDoubleArray();
    double largest = Arrays.stream(values).map(Math::abs).max().orElse(0);
    double tolerance = (matrix.dtype() == DType.FLOAT32 ? 1e-4 : 1e-8) * largest;
    if (values.length > 0 && values[0] < -tolerance) {
      throw new IllegalArgumentException(String.format(
          "sqrtPsd: the matrix is not positive semi-definite; its smallest eigenvalue is %.6g (largest %.6g);"
              + " a covariance matrix never is, so check how it was computed", values[0], values[values.length - 1]));
    }
    return eigen.map(value -> Math.sqrt(Math.max(value, 0)));
  }

  /** V·diag(f(λ))·Vᵀ: the matrix function f of the decomposed matrix, in its dtype. */
  public NDArray map(DoubleUnaryOperator function) {
    double[] values = eigenvalues.toDoubleArray();
    for (int i = 0; i < values.length; i++) {
      values[i] = function.applyAsDouble(values[i]);
    }
    NDArray scaled = eigenvectors.mul(NDArray.wrap(values, 1, values.length).astype(eigenvectors.dtype()));
    return scaled.matmul(eigenvectors.transpose());
  }

  /** V·diag(λ)·Vᵀ, which equals the decomposed matrix up to rounding. */
  public NDArray reconstruct() {
    return map(value -> value);
  }

  /** Square, finite and symmetric, or an error naming what is wrong and where. */
  static void check(String op, NDArray matrix) {
    if (matrix.rank() != 2 || matrix.dim(0) != matrix.dim(1)) {
      throw new ShapeMismatchException(op + ": expected a square matrix [n, n], got " + matrix.shape());
    }
    int n = matrix.dim(0);
    double[] a = matrix.doublesToRead();
    double largest = 0;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i])) {
        throw new IllegalArgumentException(op + ": the matrix holds " + a[i] + " at [" + i / n + ", " + i % n
            + "]; remove NaN and infinities from the data first");
      }
      largest = Math.max(largest, Math.abs(a[i]));
    }
    double tolerance = (matrix.dtype() == DType.FLOAT32 ? 1e-5 : 1e-10) * largest;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        if (Math.abs(a[i * n + j] - a[j * n + i]) > tolerance) {
          throw new IllegalArgumentException(String.format("%s: the matrix is not symmetric: [%d, %d] is %.6g but [%d, %d] is %.6g;"
              + " symmetrise it with (A + Aᵀ) / 2 if that is only rounding", op, i, j, a[i * n + j], j, i, a[j * n + i]));
        }
      }
    }
  }

  private static void converged(int info, int n) {
    if (info != 0) {
      throw new IllegalStateException("eigh: LAPACK's syevd did not converge for an " + n + "×" + n + " matrix (info " + info + ")");
    }
  }
}
