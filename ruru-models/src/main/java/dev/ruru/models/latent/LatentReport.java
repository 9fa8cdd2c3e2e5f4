package dev.ruru.models.latent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.train.MetricsJson;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.metrics.StepLog;
import dev.ruru.train.plot.LearningCurves;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a latent-model run measured, and its files: {@code metrics.json}
 * ({@code {"task": "latent", "model", "dataset", "train_size", "validation_size", "test_size", "epochs": [...],
 * "test": {metric: value}, "test_iw_log_likelihood", "iw_samples", "iw_images", "seconds_per_epoch"}};
 * a VAE's test metrics are {@code negative_elbo}, {@code reconstruction} and {@code kl} in nats per image,
 * an autoencoder's {@code reconstruction} and {@code mse} per pixel) and {@code learning_curves.png}.
 *
 * @param iwLogLikelihood the importance-weighted log-likelihood estimate (nats per image) on the first
 *     {@code iwImages} test images with {@code iwSamples} samples each; NaN for an autoencoder
 */
public record LatentReport(String model, String dataset, int trainSize, int validationSize, int testSize, List<EpochMetrics> epochs,
    StepLog steps, Map<String, Double> test, double iwLogLikelihood, int iwSamples, int iwImages) {
  public static final String METRICS = "metrics.json";
  public static final String CURVES = "learning_curves.png";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public LatentReport {
    epochs = List.copyOf(epochs);
    test = Map.copyOf(test);
  }

  /** The mean seconds of the run's epochs. */
  public double secondsPerEpoch() {
    return epochs.stream().mapToDouble(EpochMetrics::seconds).average().orElse(Double.NaN);
  }

  /** Writes metrics.json and learning_curves.png into {@code directory}; returns them. */
  public List<Path> write(Path directory) throws IOException {
    Path metrics = directory.resolve(METRICS);
    AtomicFile.writeString(metrics, JSON.writeValueAsString(toJson()) + "\n");
    Path curves = directory.resolve(CURVES);
    LearningCurves.write(curves, epochs, steps);
    return List.of(metrics, curves);
  }

  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("task", "latent");
    root.put("model", model);
    root.put("dataset", dataset);
    root.put("train_size", trainSize);
    root.put("validation_size", validationSize);
    root.put("test_size", testSize);
    ArrayNode list = root.putArray("epochs");
    epochs.forEach(epoch -> list.add(MetricsJson.epoch(epoch)));
    ObjectNode testNode = root.putObject("test");
    test.keySet().stream().sorted().forEach(name -> MetricsJson.number(testNode, name, test.get(name)));
    MetricsJson.number(root, "test_iw_log_likelihood", iwLogLikelihood);
    root.put("iw_samples", iwSamples);
    root.put("iw_images", iwImages);
    MetricsJson.number(root, "seconds_per_epoch", secondsPerEpoch());
    return root;
  }
}
