package dev.ruru.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.csv.CsvData;
import dev.ruru.data.csv.CsvFormat;
import dev.ruru.data.csv.CsvReader;
import dev.ruru.data.csv.LabelColumn;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.train.ResumableRandom;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The autoencoder and VAE as one-class detectors: on the embedded Fashion-MNIST sample (about 450 normal
 * training images), and on the breast-cancer table (benign rows normal), with their scores recomputed
 * here from the raw weights by plain array arithmetic.
 */
class LatentDetectorTest {
  private static final MnistData DATA = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);

  private static AnomalyRun.Settings settings(String detector, int normalClass, int code, int epochs) {
    return new AnomalyRun.Settings(detector, normalClass, code, epochs, 1e-3, 32, 0.05, 0);
  }

  @Test
  void autoencoderSeparatesTrousersAndScoresAreItsReconstructionError(@TempDir Path directory) throws Exception {
    OneClassEvaluation result = new AnomalyRun(directory, new PrintWriter(new StringWriter()))
        .train(DATA, settings(AnomalyModelFiles.AUTOENCODER, 1, 16, 8));
    System.out.println("autoencoder: " + result.describe());
    assertTrue(result.auroc() > 0.9, result.describe());
    LatentDetector detector = assertInstanceOf(LatentDetector.class, AnomalyModelFiles.load(directory).detector());
    NDArray images = DATA.test().features().slice(0, 0, 6, 1);
    NDArray x = images.astype(DType.FLOAT64).reshape(6, 784);
    NDArray error = reconstruct(detector, x).sub(x);
    NDArray expected = error.mul(error).mean(1);
    assertTrue(expected.allClose(detector.scores(images), 1e-4, 1e-7), expected + " vs " + detector.scores(images));
    assertTrue(expected.allClose(NDArray.of(java.util.Arrays.copyOf(result.scores(), 6), 6), 1e-4, 1e-7), "saved and trained detectors differ");
  }

  @Test
  void vaeSeparatesTrousersAndScoresAreTheNegativeElboAveragedOverItsSamples(@TempDir Path directory) throws Exception {
    OneClassEvaluation result = new AnomalyRun(directory, new PrintWriter(new StringWriter()))
        .train(DATA, settings(AnomalyModelFiles.VAE, 1, 8, 8));
    System.out.println("VAE: " + result.describe());
    assertTrue(result.auroc() > 0.9, result.describe());
    LatentDetector detector = assertInstanceOf(LatentDetector.class, AnomalyModelFiles.load(directory).detector());
    NDArray images = DATA.test().features().slice(0, 0, 6, 1);
    NDArray expected = negativeElbo(detector, images.astype(DType.FLOAT64).reshape(6, 784));
    NDArray actual = detector.scores(images);
    assertTrue(expected.allClose(actual, 1e-4, 1e-3), expected + " vs " + actual);
  }

  @Test
  void tabularDetectorsFlagMalignantRowsWhenBenignIsNormal(@TempDir Path directory) throws Exception {
    CsvData table = CsvReader.read(Path.of(LatentDetectorTest.class.getResource("/anomaly/breast_cancer.csv").toURI()),
        CsvFormat.withHeader(LabelColumn.named("diagnosis")));
    for (String name : AnomalyModelFiles.DETECTORS) {
      Path out = directory.resolve(name);
      OneClassEvaluation result = new AnomalyRun(out, new PrintWriter(new StringWriter())).train(table, "breast_cancer.csv",
          settings(name, 1, 4, 60), 0.3);
      System.out.println("table " + name + ": " + result.describe());
      assertTrue(result.auroc() > 0.9, name + ": " + result.describe());
      assertTrue(Files.isRegularFile(out.resolve("roc.png")) && !Files.exists(out.resolve("extremes.png")), name);
      AnomalyModelFiles.Loaded saved = AnomalyModelFiles.load(out);
      assertInstanceOf(TabularDetector.class, saved.detector());
      NDArray rows = table.dataset().features().slice(0, 0, 4, 1);
      assertEquals(4, saved.detector().scores(rows).dim(0));
    }
  }

  @Test
  void aCodeAsWideAsTheTableIsRefused() throws Exception {
    CsvData table = CsvReader.read(Path.of(LatentDetectorTest.class.getResource("/anomaly/breast_cancer.csv").toURI()),
        CsvFormat.withHeader(LabelColumn.named("diagnosis")));
    var wide = assertThrows(IllegalArgumentException.class, () -> AnomalyRun.fit(table.dataset(), settings(AnomalyModelFiles.PCA, 1, 30, 1), null));
    assertEquals("anomaly: --components 30 must be below the table's 30 feature columns (a code as wide as the input reconstructs everything)",
        wide.getMessage());
  }

  /** σ(decoder(encoder(x))) in float64 from the state dictionary: Linear, ReLU, Linear (code), Linear, ReLU, Linear. */
  private static NDArray reconstruct(LatentDetector detector, NDArray x) {
    Map<String, NDArray> state = detector.model().stateDict();
    NDArray code = linear(linear(x, state, "encoder.0").maximum(0.0), state, "mean");
    return sigmoid(decode(code, state));
  }

  private static NDArray decode(NDArray code, Map<String, NDArray> state) {
    return linear(linear(code, state, "decoder.0").maximum(0.0), state, "decoder.2");
  }

  /**
   * Mean over the detector's draws of BCE(decode(μ + σ·ε), x) + ½·Σ(μ² + σ² − 1 − log σ²), with the same
   * ε: {@value LatentDetector#SAMPLES} draws of N(0, I) [n, code] from the seed 0x5C0E, in order.
   */
  private static NDArray negativeElbo(LatentDetector detector, NDArray x) {
    Map<String, NDArray> state = detector.model().stateDict();
    NDArray hidden = linear(x, state, "encoder.0").maximum(0.0);
    NDArray mean = linear(hidden, state, "mean");
    NDArray logVariance = linear(hidden, state, "log_variance");
    NDArray kl = mean.mul(mean).add(logVariance.exp()).sub(1.0).sub(logVariance).sum(1).mul(0.5);
    ResumableRandom noise = new ResumableRandom(0x5C0EL);
    NDArray total = NDArray.zeros(Shape.of(x.dim(0)), DType.FLOAT64);
    for (int s = 0; s < LatentDetector.SAMPLES; s++) {
      NDArray epsilon = NDArray.randn(mean.shape(), noise).astype(DType.FLOAT32).astype(DType.FLOAT64);
      NDArray p = sigmoid(decode(mean.add(logVariance.mul(0.5).exp().mul(epsilon)), state));
      NDArray bce = x.mul(p.log()).add(x.neg().add(1.0).mul(p.neg().add(1.0).log())).sum(1).neg();
      total = total.add(bce.add(kl));
    }
    return total.div(LatentDetector.SAMPLES);
  }

  private static NDArray linear(NDArray x, Map<String, NDArray> state, String name) {
    return x.matmul(state.get(name + ".weight").astype(DType.FLOAT64).transpose()).add(state.get(name + ".bias").astype(DType.FLOAT64));
  }

  private static NDArray sigmoid(NDArray x) {
    return NDArray.ones(x.shape(), DType.FLOAT64).div(x.neg().exp().add(1.0));
  }
}
