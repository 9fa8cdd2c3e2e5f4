package dev.ruru.array.linalg;

import static dev.ruru.array.linalg.LinalgFixtures.assertClose;
import static dev.ruru.array.linalg.LinalgFixtures.assertColumnsCloseUpToSign;
import static dev.ruru.array.linalg.LinalgFixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.ShapeMismatchException;
import org.junit.jupiter.api.Test;

/** {@link SymmetricEigen} against NumPy's eigh and SciPy's sqrtm (make_linalg_fixtures.py). */
class SymmetricEigenTest {

  @Test
  void twoByTwoByHand() {
    // [[2, 1], [1, 2]] has eigenvalues 1 and 3 with eigenvectors (1, −1)/√2 and (1, 1)/√2.
    SymmetricEigen eigen = SymmetricEigen.of(NDArray.of(new double[] {2, 1, 1, 2}, 2, 2));
    assertClose("eigenvalues", NDArray.of(new double[] {1, 3}, 2), eigen.eigenvalues(), 1e-14);
    double r = Math.sqrt(0.5);
    assertColumnsCloseUpToSign("eigenvectors", NDArray.of(new double[] {r, r, -r, r}, 2, 2), eigen.eigenvectors(), 1e-14);
  }

  @Test
  void matchesNumpyEigh() {
    SymmetricEigen eigen = SymmetricEigen.of(get("symmetric"));
    assertEquals(DType.FLOAT64, eigen.eigenvalues().dtype());
    assertClose("eigenvalues", get("symmetric_values"), eigen.eigenvalues(), 1e-12);
    assertColumnsCloseUpToSign("eigenvectors", get("symmetric_vectors"), eigen.eigenvectors(), 1e-12);
    assertClose("V·diag(λ)·Vᵀ", get("symmetric"), eigen.reconstruct(), 1e-12);
  }

  @Test
  void float32DecomposesInSinglePrecision() {
    SymmetricEigen eigen = SymmetricEigen.of(get("symmetric").astype(DType.FLOAT32));
    assertEquals(DType.FLOAT32, eigen.eigenvalues().dtype());
    assertEquals(DType.FLOAT32, eigen.eigenvectors().dtype());
    assertClose("eigenvalues", get("symmetric_values"), eigen.eigenvalues(), 1e-5);
    assertColumnsCloseUpToSign("eigenvectors", get("symmetric_vectors"), eigen.eigenvectors(), 1e-5);
  }

  @Test
  void sqrtPsdMatchesScipySqrtmOnARankDeficientMatrix() {
    NDArray root = SymmetricEigen.sqrtPsd(get("psd"));
    assertClose("sqrtm", get("psd_sqrt"), root, 1e-7);
    assertClose("S·S", get("psd"), root.matmul(root), 1e-10);
    assertClose("symmetric", root, root.transpose(), 1e-12);
  }

  @Test
  void nonSquareIsRefusedWithItsShape() {
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> SymmetricEigen.of(NDArray.zeros(dev.ruru.array.Shape.of(3, 4))));
    assertEquals("eigh: expected a square matrix [n, n], got [3, 4]", e.getMessage());
  }

  @Test
  void nanIsRefusedWithItsPosition() {
    NDArray matrix = NDArray.of(new double[] {1, 0, 0, Double.NaN}, 2, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(matrix));
    assertTrue(e.getMessage().startsWith("eigh: the matrix holds NaN at [1, 1]"), e.getMessage());
  }

  @Test
  void asymmetricIsRefusedRatherThanHalfRead() {
    NDArray matrix = NDArray.of(new double[] {1, 2, 3, 4}, 2, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(matrix));
    assertTrue(e.getMessage().startsWith("eigh: the matrix is not symmetric: [1, 0] is 3"), e.getMessage());
  }

  @Test
  void sqrtOfAnIndefiniteMatrixIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.sqrtPsd(get("symmetric")));
    assertTrue(e.getMessage().startsWith("sqrtPsd: the matrix is not positive semi-definite; its smallest eigenvalue is -"), e.getMessage());
  }

  @Test
  void emptyMatrixHasNoEigenvalues() {
    SymmetricEigen eigen = SymmetricEigen.of(NDArray.zeros(dev.ruru.array.Shape.of(0, 0), DType.FLOAT64));
    assertEquals(0, eigen.eigenvalues().size());
  }
}
