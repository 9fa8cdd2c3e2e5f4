package dev.ruru.train.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** {@link Auprc}, {@link RocCurve} and {@link Auroc} against scikit-learn (make_ranking_fixtures.py). */
class AuprcTest {
  private static Map<String, NDArray> fixtures() throws Exception {
    return Npz.read(Path.of(AuprcTest.class.getResource("/metrics/ranking.npz").toURI()));
  }

  private static boolean[] labels(NDArray array) {
    int[] values = array.toIntArray();
    boolean[] positive = new boolean[values.length];
    for (int i = 0; i < values.length; i++) {
      positive[i] = values[i] != 0;
    }
    return positive;
  }

  @ParameterizedTest
  @ValueSource(strings = {"continuous", "ties", "rare"})
  void matchesScikitLearn(String name) throws Exception {
    Map<String, NDArray> f = fixtures();
    double[] scores = f.get(name + "_scores").toDoubleArray();
    boolean[] positive = labels(f.get(name + "_labels"));
    assertEquals(f.get(name + "_ap").item(), Auprc.of(scores, positive), 1e-12, name + ": average precision");
    assertEquals(f.get(name + "_auroc").item(), Auroc.of(scores, positive), 1e-12, name + ": AUROC");
    RocCurve curve = RocCurve.of(scores, positive);
    assertArrayEquals(f.get(name + "_fpr").toDoubleArray(), curve.falsePositiveRates(), 1e-12, name + ": false-positive rates");
    assertArrayEquals(f.get(name + "_tpr").toDoubleArray(), curve.truePositiveRates(), 1e-12, name + ": true-positive rates");
  }

  @Test
  void handComputedCase() {
    // Ranked 0.8 (+), 0.4 (−), 0.35 (+), 0.1 (−): precision 1 at recall ½, then 2/3 at recall 1.
    assertEquals(0.5 * 1 + 0.5 * 2.0 / 3, Auprc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}), 1e-15);
  }

  @Test
  void noPositivesIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Auprc.of(new double[] {1, 2}, new boolean[] {false, false}));
    assertEquals("auprc: needs at least one positive example, got none among 2", e.getMessage());
  }
}
