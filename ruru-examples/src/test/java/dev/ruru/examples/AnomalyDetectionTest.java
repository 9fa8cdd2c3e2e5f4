package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.models.anomaly.OneClassEvaluation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's fast mode: every detector ranks anomalies above trousers (class 1) well above chance, and draw their pictures. */
class AnomalyDetectionTest {
  @Test
  void everyDetectorSeparatesTheNormalClass(@TempDir Path directory) throws Exception {
    StringWriter text = new StringWriter();
    Map<String, OneClassEvaluation> results = AnomalyDetection.fast(1, directory, new PrintWriter(text, true));
    assertTrue(results.get("pca").auroc() > 0.9, text::toString);
    assertTrue(results.get("deep-svdd").auroc() > 0.7, text::toString);
    assertTrue(results.get("autoencoder").auroc() > 0.8, text::toString);
    assertTrue(results.get("vae").auroc() > 0.8, text::toString);
    for (String detector : results.keySet()) {
      assertTrue(Files.isRegularFile(directory.resolve(detector).resolve("roc.png")), detector);
      assertTrue(Files.isRegularFile(directory.resolve(detector).resolve("extremes.png")), detector);
    }
  }
}
