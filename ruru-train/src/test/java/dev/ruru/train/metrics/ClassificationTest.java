package dev.ruru.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Metrics against values worked out by hand in the comments. */
class ClassificationTest {
  // (true, predicted) pairs: (0,0) (1,1) (2,1) (2,2) (2,2) (0,2) (0,0) (1,1)
  private static final NDArray PREDICTED = NDArray.of(new long[] {0, 1, 1, 2, 2, 2, 0, 1}, 8);
  private static final NDArray LABELS = NDArray.of(new long[] {0, 1, 2, 2, 2, 0, 0, 1}, 8);

  @Test void accuracyCountsMatchingPredictions() {
    assertEquals(6.0 / 8, Classification.accuracy(PREDICTED, LABELS));
    assertEquals(0.0, Classification.accuracy(NDArray.of(new long[0], 0), NDArray.of(new long[0], 0)));
  }

  @Test void confusionMatrixCountsTruePredictedPairs() {
    ConfusionMatrix matrix = ConfusionMatrix.of(PREDICTED, LABELS, 3);
    assertEquals(ConfusionMatrix.ofCounts(new long[][] {{2, 0, 1}, {0, 2, 0}, {0, 1, 2}}), matrix);
    assertEquals(8, matrix.total());
    assertEquals(0.75, matrix.accuracy());
  }

  @Test void precisionRecallAndF1PerClass() {
    List<ClassScores> scores = ConfusionMatrix.of(PREDICTED, LABELS, 3).perClass(List.of("a", "b", "c"));
    // class 0: TP 2, predicted 2, support 3 -> P 1, R 2/3, F1 2·(2/3)/(5/3) = 0.8
    assertScores(scores.get(0), 1.0, 2.0 / 3, 0.8, 3);
    // class 1: TP 2, predicted 3, support 2 -> P 2/3, R 1, F1 0.8
    assertScores(scores.get(1), 2.0 / 3, 1.0, 0.8, 2);
    // class 2: TP 2, predicted 3, support 3 -> P = R = F1 = 2/3
    assertScores(scores.get(2), 2.0 / 3, 2.0 / 3, 2.0 / 3, 3);
    assertEquals("c", scores.get(2).name());
    assertEquals((0.8 + 0.8 + 2.0 / 3) / 3, ConfusionMatrix.of(PREDICTED, LABELS, 3).macroF1(), 1e-12);
  }

  @Test void classesNeverPredictedOrPresentScoreZero() {
    ClassScores absent = ConfusionMatrix.of(PREDICTED, LABELS, 4).scores(3, "d");
    assertScores(absent, 0, 0, 0, 0);
  }

  @Test void reportListsEveryClassAndTheAverages() {
    String report = ConfusionMatrix.of(PREDICTED, LABELS, 3).report(List.of("shirt", "bag", "boot"));
    assertEquals(6, report.lines().count(), report);
    assertEquals(true, report.contains("shirt") && report.contains("0.800") && report.contains("accuracy") && report.contains("0.750"), report);
  }

  private static void assertScores(ClassScores scores, double precision, double recall, double f1, long support) {
    assertEquals(precision, scores.precision(), 1e-12, "precision of " + scores);
    assertEquals(recall, scores.recall(), 1e-12, "recall of " + scores);
    assertEquals(f1, scores.f1(), 1e-12, "F1 of " + scores);
    assertEquals(support, scores.support(), "support of " + scores);
  }

  @Test void topKCountsTheTrueClassAmongTheKBestWithTiesToTheLowerIndex() {
    NDArray scores = NDArray.of(new float[][] {{0.1f, 0.5f, 0.4f}, {0.3f, 0.3f, 0.4f}, {0.9f, 0.05f, 0.05f}});
    NDArray labels = NDArray.of(new long[] {2, 1, 1}, 3);
    // ranks of the true class: row 0 -> 1 (0.5 beats 0.4); row 1 -> 2 (0.4 beats, 0.3 ties at a lower index);
    // row 2 -> 1 (0.9 beats; the tie at index 2 is a higher index)
    assertEquals(0.0, Classification.topKAccuracy(scores, labels, 1));
    assertEquals(2.0 / 3, Classification.topKAccuracy(scores, labels, 2));
    assertEquals(1.0, Classification.topKAccuracy(scores, labels, 3));
    assertEquals(Classification.accuracy(scores.argmax(1), labels), Classification.topKAccuracy(scores, labels, 1));
  }

  @Test void badInputsAreNamed() {
    NDArray scores = NDArray.zeros(dev.ruru.array.Shape.of(2, 3));
    assertEquals("topKAccuracy: k must be in [1, 3], got 4",
        assertThrows(IllegalArgumentException.class, () -> Classification.topKAccuracy(scores, NDArray.of(new long[] {0, 1}, 2), 4)).getMessage());
    assertEquals("ConfusionMatrix: label 5 at index 1 is outside [0, 3)",
        assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(NDArray.of(new long[] {0, 1}, 2), NDArray.of(new long[] {0, 5}, 2), 3)).getMessage());
    assertEquals("accuracy: expected integer class indices, got float32 and int64; take argmax(1) of scores first",
        assertThrows(IllegalArgumentException.class, () -> Classification.accuracy(NDArray.zeros(dev.ruru.array.Shape.of(2)), NDArray.of(new long[] {0, 1}, 2))).getMessage());
  }
}
