package dev.ruru.models.text;

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
import java.util.ArrayList;
import java.util.List;

/**
 * What a language-model run leaves beside its model: {@code metrics.json} (per epoch the loss, its
 * perplexity e^loss, next-token accuracy and tokens per second; then the final validation figures and
 * the training throughput), the learning curves and a generated sample, each written atomically.
 *
 * @param steps the training metrics of every step, which the learning curves draw when the epochs are few
 * @param tokensPerSecond training tokens (windows × window length) per second of training, all epochs together
 */
public record LanguageModelReport(CharModelSpec spec, String text, long parameters, int trainTokens, int validationTokens, int batchSize,
    List<EpochMetrics> epochs, StepLog steps, double validationLoss, double tokensPerSecond, String sample) {
  public static final String METRICS = "metrics.json";
  public static final String CURVES = "learning_curves.png";
  public static final String SAMPLE = "sample.txt";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public LanguageModelReport {
    epochs = List.copyOf(epochs);
  }

  public double validationPerplexity() { return Math.exp(validationLoss); }

  /** Writes metrics.json, learning_curves.png and sample.txt into {@code directory}; returns them. */
  public List<Path> write(Path directory) throws IOException {
    List<Path> written = new ArrayList<>();
    Path metrics = directory.resolve(METRICS);
    AtomicFile.writeString(metrics, JSON.writeValueAsString(toJson()) + "\n");
    written.add(metrics);
    Path curves = directory.resolve(CURVES);
    LearningCurves.write(curves, epochs, steps);
    written.add(curves);
    Path samplePath = directory.resolve(SAMPLE);
    AtomicFile.writeString(samplePath, sample + "\n");
    written.add(samplePath);
    return written;
  }

  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("task", "language-model");
    root.put("model", spec.architecture());
    root.put("summary", spec.describe());
    root.put("parameters", parameters);
    root.put("text", text);
    root.put("vocabulary_size", spec.vocabulary());
    root.put("train_tokens", trainTokens);
    root.put("validation_tokens", validationTokens);
    root.put("seq_len", spec.context());
    root.put("batch_size", batchSize);
    ArrayNode list = root.putArray("epochs");
    for (EpochMetrics epoch : epochs) {
      list.add(MetricsJson.epoch(epoch));
    }
    MetricsJson.number(root, "validation_loss", validationLoss);
    MetricsJson.number(root, "validation_perplexity", validationPerplexity());
    MetricsJson.number(root, "tokens_per_second", tokensPerSecond);
    root.put("sample", sample);
    return root;
  }
}
