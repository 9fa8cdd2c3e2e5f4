package dev.ruru.models.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.train.MetricsJson;
import dev.ruru.train.metrics.EpochMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The figures of a node-classification run, as metrics.json holds them: per epoch the training and
 * validation loss and accuracy, then the test accuracy of the best validation epoch's weights.
 *
 * @param bestEpoch the epoch whose weights were kept (best validation accuracy)
 * @param secondsPerEpoch mean wall time of a training epoch (one full-graph step)
 */
public record GraphReport(GraphSettings settings, String network, long parameters, int nodes, int edges, List<EpochMetrics> epochs,
    int bestEpoch, double validationAccuracy, double testAccuracy, double secondsPerEpoch) {
  public static final String METRICS = "metrics.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public GraphReport {
    epochs = List.copyOf(epochs);
  }

  /** Writes metrics.json into {@code directory}. */
  public Path write(Path directory) throws IOException {
    Path file = directory.resolve(METRICS);
    AtomicFile.writeString(file, JSON.writeValueAsString(toJson()) + "\n");
    return file;
  }

  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("task", "node-classification");
    root.put("model", settings.model().cliName());
    root.put("network", network);
    root.put("graph", settings.graph());
    root.put("nodes", nodes);
    root.put("edges", edges);
    root.put("parameters", parameters);
    root.put("seed", settings.seed());
    ArrayNode list = root.putArray("epochs");
    for (EpochMetrics epoch : epochs) {
      list.add(MetricsJson.epoch(epoch));
    }
    root.put("best_epoch", bestEpoch);
    MetricsJson.number(root, "validation_accuracy", validationAccuracy);
    MetricsJson.number(root, "test_accuracy", testAccuracy);
    MetricsJson.number(root, "seconds_per_epoch", secondsPerEpoch);
    return root;
  }
}
