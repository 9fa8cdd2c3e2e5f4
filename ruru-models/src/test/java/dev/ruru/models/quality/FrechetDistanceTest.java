package dev.ruru.models.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.array.io.Npz;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link FrechetDistance} and {@link ClassifierScore} against pytorch-fid's and the inception score's formulas (make_quality_fixtures.py). */
class FrechetDistanceTest {
  static Map<String, NDArray> fixtures() throws Exception {
    return Npz.read(Path.of(FrechetDistanceTest.class.getResource("/quality/quality.npz").toURI()));
  }

  @Test
  void matchesScipySqrtmFormula() throws Exception {
    Map<String, NDArray> f = fixtures();
    double expected = f.get("frechet").item();
    assertEquals(expected, FrechetDistance.between(f.get("first"), f.get("second")), 1e-9 * expected);
  }

  @Test
  void aSetIsAtDistanceZeroFromItselfAndATranslationAtItsSquaredLength() throws Exception {
    NDArray first = fixtures().get("first");
    assertEquals(0, FrechetDistance.between(first, first), 1e-9);
    // Shifting every vector by v moves only the mean: d² = ‖v‖² = 1 + 4 + 0 + 0 + 0 + 4 = 9.
    NDArray shift = NDArray.of(new double[] {1, -2, 0, 0, 0, 2}, 1, 6);
    assertEquals(9, FrechetDistance.between(first, first.add(shift)), 1e-9);
  }

  @Test
  void classifierScoreMatchesTheInceptionScoreFormula() throws Exception {
    Map<String, NDArray> f = fixtures();
    assertEquals(f.get("score").item(), ClassifierScore.of(f.get("logits")), 1e-12);
  }

  @Test
  void classifierScoreIsOneForOnePredictionAndTheClassCountForConfidentBalancedOnes() {
    NDArray same = NDArray.of(new double[] {5, 0, 0, 5, 0, 0}, 2, 3);
    assertEquals(1, ClassifierScore.of(same), 1e-12);
    NDArray confident = NDArray.eye(4).mul(100);
    assertEquals(4, ClassifierScore.of(confident), 1e-9);
  }

  @Test
  void differentDimensionsAreRefused() {
    NDArray four = NDArray.randn(Shape.of(10, 4), new java.util.Random(1));
    NDArray five = NDArray.randn(Shape.of(10, 5), new java.util.Random(2));
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> FrechetDistance.between(four, five));
    assertEquals("FrechetDistance: the feature dimensions differ: 4 != 5; compute both with the same classifier", e.getMessage());
  }

  @Test
  void nanFeaturesAreRefusedWithTheirPlace() {
    NDArray features = NDArray.zeros(Shape.of(3, 2)).copy().setInPlace(Double.NaN, 2, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureStatistics.of(features));
    assertEquals("FeatureStatistics: feature 1 of vector 2 is NaN; the images or the classifier produced non-finite values", e.getMessage());
  }
}
