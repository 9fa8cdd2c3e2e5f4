package dev.ruru.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-class protocol end to end on the embedded Fashion-MNIST sample (about 500 training images per class). */
class AnomalyRunTest {
  private static final MnistData DATA = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);

  @Test
  void pcaDetectorSeparatesTrousersAndItsSavedFormScoresTheSame(@TempDir Path directory) throws Exception {
    StringWriter printed = new StringWriter();
    OneClassEvaluation result = new AnomalyRun(directory, new PrintWriter(printed)).train(DATA, AnomalyRun.Settings.pca(1));
    System.out.println("PCA: " + result.describe());
    assertTrue(result.auroc() > 0.9, result.describe());
    assertTrue(result.auprc() > 0.95, result.describe());
    for (String file : List.of("model.json", "model.safetensors", "metrics.json", "roc.png", "extremes.png")) {
      assertTrue(Files.isRegularFile(directory.resolve(file)), file);
    }
    AnomalyModelFiles.Loaded saved = AnomalyModelFiles.load(directory);
    assertEquals(1, saved.normalClass());
    assertEquals(result.threshold(), saved.threshold());
    NDArray images = DATA.test().features().slice(0, 0, 5, 1);
    assertScoresClose(result, saved.detector().scores(images));
    List<String> lines = AnomalyRun.scoreLines(saved, images, IntStream.range(0, 5).mapToObj(i -> "image" + i).toList());
    assertEquals("input,score,verdict", lines.get(0));
    assertTrue(lines.get(1).startsWith("image0,") && (lines.get(1).endsWith(",normal") || lines.get(1).endsWith(",anomalous")), lines.get(1));
  }

  @Test
  void deepSvddLearnsAndReloads(@TempDir Path directory) throws Exception {
    AnomalyRun.Settings settings = new AnomalyRun.Settings(AnomalyModelFiles.DEEP_SVDD, 1, 32, 3, 1e-3, 50, 0.05, 0);
    OneClassEvaluation result = new AnomalyRun(directory, new PrintWriter(new StringWriter())).train(DATA, settings);
    System.out.println("Deep SVDD: " + result.describe());
    assertTrue(result.auroc() > 0.8, result.describe());
    AnomalyModelFiles.Loaded saved = AnomalyModelFiles.load(directory);
    NDArray images = DATA.test().features().slice(0, 0, 5, 1);
    assertScoresClose(result, saved.detector().scores(images));
  }

  /** The first five test images' scores, equal up to rounding (they were computed in another batch, so GEMM blocks differ). */
  private static void assertScoresClose(OneClassEvaluation result, NDArray scores) {
    NDArray expected = NDArray.of(java.util.Arrays.copyOf(result.scores(), 5), 5);
    assertTrue(expected.allClose(scores, 1e-5, 1e-9), expected + " vs " + scores);
  }

  @Test
  void thresholdFlagsAtMostTheTargetShareOfNormalScores() {
    double[] scores = IntStream.range(0, 100).asDoubleStream().toArray();
    Threshold threshold = Threshold.forFalsePositiveRate(scores, 0.05);
    assertEquals(94, threshold.value());
    assertEquals(5, IntStream.range(0, 100).filter(i -> threshold.isAnomalous(scores[i])).count());
  }

  @Test
  void aNormalClassOutsideTheLabelsIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AnomalyRun.fit(DATA.train(), AnomalyRun.Settings.pca(10), null));
    assertEquals("anomaly: --normal-class 10 is not one of the data's classes 0..9", e.getMessage());
  }
}
