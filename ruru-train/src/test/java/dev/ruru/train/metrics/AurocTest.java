package dev.ruru.train.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.Batch;
import dev.ruru.train.objective.AurocPass;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** AUROC by ranks against its definition, counted pair by pair; ties, perfect and reversed rankings; bad input. */
class AurocTest {
  /** The definition: over all (positive, negative) pairs, 1 when the positive scores higher, 1/2 on a tie. */
  private static double byPairs(double[] scores, boolean[] positive) {
    double wins = 0;
    long pairs = 0;
    for (int i = 0; i < scores.length; i++) {
      for (int j = 0; j < scores.length; j++) {
        if (positive[i] && !positive[j]) {
          wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
          pairs++;
        }
      }
    }
    return wins / pairs;
  }

  @Test void agreesWithThePairwiseDefinitionOnRandomScoresWithTies() {
    SplittableRandom random = new SplittableRandom(3);
    for (int trial = 0; trial < 50; trial++) {
      int n = 2 + random.nextInt(60);
      double[] scores = new double[n];
      boolean[] positive = new boolean[n];
      for (int i = 0; i < n; i++) {
        scores[i] = random.nextInt(8) / 4.0;   // few distinct values: many ties
        positive[i] = i < 2 ? i == 0 : random.nextBoolean();
      }
      assertEquals(byPairs(scores, positive), Auroc.of(scores, positive), 1e-12, "trial " + trial);
    }
  }

  @Test void handComputedCases() {
    assertEquals(0.75, Auroc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}));
    assertEquals(1.0, Auroc.of(new double[] {0, 1, 2, 3}, new boolean[] {false, false, true, true}));
    assertEquals(0.0, Auroc.of(new double[] {3, 2, 1, 0}, new boolean[] {false, false, true, true}));
    assertEquals(0.5, Auroc.of(new double[] {1, 1, 1, 1}, new boolean[] {false, true, false, true}));
  }

  @Test void aPassReportsTheAurocOfItsOutputsAgainstItsLabels() {
    AurocPass pass = new AurocPass();
    pass.add(new Batch(NDArray.zeros(Shape.of(2, 1)), NDArray.of(new long[] {0, 0}, 2)), Map.of("loss", 1.0), NDArray.of(new float[] {0.1f, 0.4f}, 2, 1));
    assertEquals(Map.of("loss", 1.0), pass.values(), "one class so far: no auroc");
    pass.add(new Batch(NDArray.zeros(Shape.of(2, 1)), NDArray.of(new long[] {1, 1}, 2)), Map.of("loss", 3.0), NDArray.of(new float[] {0.35f, 0.8f}, 2, 1));
    assertEquals(Map.of("loss", 2.0, "auroc", 0.75), pass.values());
  }

  @Test void refusesOneClassNaNAndMismatchedLengths() {
    assertEquals("auroc: needs positive and negative examples, got 2 positive and 0 negative",
        assertThrows(IllegalArgumentException.class, () -> Auroc.of(new double[] {1, 2}, new boolean[] {true, true})).getMessage());
    assertEquals("auroc: score 1 is NaN",
        assertThrows(IllegalArgumentException.class, () -> Auroc.of(new double[] {1, Double.NaN}, new boolean[] {true, false})).getMessage());
    assertEquals("auroc: 2 scores but 1 labels",
        assertThrows(IllegalArgumentException.class, () -> Auroc.of(new double[] {1, 2}, new boolean[] {true})).getMessage());
  }
}
