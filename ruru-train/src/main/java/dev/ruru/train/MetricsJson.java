package dev.ruru.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.train.metrics.EpochMetrics;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch's metrics as JSON, the shape every training command's {@code metrics.json} and every
 * checkpoint's history use: {@code {"epoch", "train_<metric>"..., "validation_<metric>"..., "seconds",
 * "learning_rate"}}, e.g. {@code train_loss}, {@code train_accuracy}, {@code validation_loss}; null for a
 * number that is NaN or infinite (JSON has neither).
 */
public final class MetricsJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MetricsJson() {}

  /** The epoch as a JSON object. */
  public static ObjectNode epoch(EpochMetrics metrics) {
    ObjectNode node = JSON.createObjectNode();
    node.put("epoch", metrics.epoch());
    metrics.values().forEach((name, value) -> number(node, name, value));
    return node;
  }

  /**
   * The epoch written by {@link #epoch}: every {@code train_*} and {@code validation_*} key is a metric
   * (null reads as not measured); a key of another shape, or a value that is not a number, is refused.
   */
  public static EpochMetrics epochOf(JsonNode node) {
    JsonNode epoch = node.get("epoch");
    if (epoch == null || !epoch.canConvertToInt() || !epoch.isIntegralNumber() || epoch.intValue() < 1) {
      throw new IllegalArgumentException("metrics: expected \"epoch\" to be an integer >= 1, got " + epoch);
    }
    Map<String, Double> train = new LinkedHashMap<>();
    Map<String, Double> validation = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals("epoch") || value.isNull() && (name.equals("seconds") || name.equals("learning_rate"))) {
        continue;
      }
      if (!value.isNumber() && !value.isNull()) {
        throw new IllegalArgumentException("metrics: epoch " + epoch.intValue() + ": \"" + name + "\" must be a number or null, got " + value);
      }
      if (name.startsWith(EpochMetrics.TRAIN) && !value.isNull()) {
        train.put(name.substring(EpochMetrics.TRAIN.length()), value.doubleValue());
      } else if (name.startsWith(EpochMetrics.VALIDATION) && !value.isNull()) {
        validation.put(name.substring(EpochMetrics.VALIDATION.length()), value.doubleValue());
      } else if (!name.startsWith(EpochMetrics.TRAIN) && !name.startsWith(EpochMetrics.VALIDATION) && !name.equals("seconds")
          && !name.equals("learning_rate")) {
        throw new IllegalArgumentException("metrics: epoch " + epoch.intValue() + ": unknown key \"" + name
            + "\"; expected train_*, validation_*, seconds or learning_rate");
      }
    }
    return new EpochMetrics(epoch.intValue(), train, validation, number(node, "seconds"), number(node, "learning_rate"));
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
