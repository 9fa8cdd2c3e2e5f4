package dev.ruru.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.train.metrics.EpochMetrics;

/**
 * One epoch's metrics as JSON, the shape every training command's {@code metrics.json} uses:
 * {@code {"epoch", "train_loss", "train_accuracy", "validation_loss", "validation_accuracy", "seconds",
 * "learning_rate"}}, with null for a number that was not measured (JSON has no NaN).
 */
public final class MetricsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MetricsJson() {}

  /** The epoch as a JSON object. */
  public static ObjectNode epoch(EpochMetrics metrics) {
    ObjectNode node = JSON.createObjectNode();
    node.put("epoch", metrics.epoch());
    number(node, "train_loss", metrics.trainLoss());
    number(node, "train_accuracy", metrics.trainAccuracy());
    number(node, "validation_loss", metrics.validationLoss());
    number(node, "validation_accuracy", metrics.validationAccuracy());
    number(node, "seconds", metrics.seconds());
    number(node, "learning_rate", metrics.learningRate());
    return node;
  }

  /** The epoch written by {@link #epoch}; missing or null numbers read as NaN. */
  public static EpochMetrics epochOf(JsonNode node) {
    return new EpochMetrics(node.path("epoch").asInt(), number(node, "train_loss"), number(node, "train_accuracy"),
        number(node, "validation_loss"), number(node, "validation_accuracy"), number(node, "seconds"), number(node, "learning_rate"));
  }

  /** Puts {@code value}, or null when it is NaN or infinite. */
  public static void number(ObjectNode node, String key, double value) {
    if (Double.isFinite(value)) {
      node.put(key, value);
    } else {
      node.putNull(key);
    }
  }

  private static double number(JsonNode node, String key) {
    JsonNode value = node.get(key);
    return value == null || !value.isNumber() ? Double.NaN : value.doubleValue();
  }
}
