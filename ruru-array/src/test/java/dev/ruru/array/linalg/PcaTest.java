package dev.ruru.array.linalg;

import static dev.ruru.array.linalg.LinalgFixtures.assertClose;
import static dev.ruru.array.linalg.LinalgFixtures.assertColumnsCloseUpToSign;
import static dev.ruru.array.linalg.LinalgFixtures.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.ShapeMismatchException;
import org.junit.jupiter.api.Test;

/** {@link Pca} against scikit-learn's PCA (make_linalg_fixtures.py). */
class PcaTest {
  private final Pca pca = Pca.fit(get("pca_data"), 3);

  @Test
  void fitMatchesScikitLearn() {
    assertClose("mean", get("pca_mean"), pca.mean(), 1e-12);
    assertClose("explained variance", get("pca_explained_variance"), pca.explainedVariance(), 1e-10);
    assertClose("explained variance ratio", get("pca_explained_variance_ratio"), pca.explainedVarianceRatio(), 1e-12);
    assertColumnsCloseUpToSign("components", get("pca_components").transpose(), pca.components().transpose(), 1e-10);
  }

  @Test
  void transformAndInverseMatchScikitLearn() {
    NDArray codes = pca.transform(get("pca_test"));
    assertColumnsCloseUpToSign("transform", get("pca_transform"), codes, 1e-10);
    assertClose("inverse transform", get("pca_inverse"), pca.inverseTransform(codes), 1e-10);
  }

  @Test
  void componentsAreOrthonormalAndSignedByTheirLargestEntry() {
    assertClose("W·Wᵀ", NDArray.eye(3).astype(dev.ruru.array.DType.FLOAT64), pca.components().matmul(pca.components().transpose()), 1e-12);
    for (int c = 0; c < 3; c++) {
      NDArray row = pca.components().slice(0, c, c + 1, 1).reshape(-1);
      assertEquals(row.abs().max().item(), row.max().item(), "component " + c + "'s largest entry is positive");
    }
  }

  @Test
  void allComponentsReconstructTheDataExactly() {
    Pca full = Pca.fit(get("pca_data"), 8);
    assertClose("reconstruction", get("pca_test"), full.inverseTransform(full.transform(get("pca_test"))), 1e-10);
    assertClose("ratios sum to one", NDArray.scalar(1, dev.ruru.array.DType.FLOAT64), full.explainedVarianceRatio().sum(), 1e-12);
    assertTrue(full.reconstructionError(get("pca_test")).max().item() < 1e-20);
  }

  @Test
  void badInputIsRefusedWithItsValues() {
    IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> Pca.fit(get("pca_data"), 9));
    assertEquals("Pca.fit: components must be in [1, min(samples, features)] = [1, 8], got 9", tooMany.getMessage());
    NDArray withNan = get("pca_data").copy().setInPlace(Double.NaN, 4, 2);
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> Pca.fit(withNan, 2));
    assertEquals("Pca.fit: the data holds NaN at [4, 2]; remove or impute missing values first", nan.getMessage());
    ShapeMismatchException width = assertThrows(ShapeMismatchException.class, () -> pca.transform(NDArray.zeros(dev.ruru.array.Shape.of(2, 7))));
    assertEquals("Pca.transform: expected [samples, 8] (the fitted number of features), got [2, 7]", width.getMessage());
  }
}
