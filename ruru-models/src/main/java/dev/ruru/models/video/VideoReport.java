package dev.ruru.models.video;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.train.MetricsJson;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.plot.LearningCurves;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a video run measured: {@code metrics.json} ({@code {"task": "video", "model", "dataset", "clips",
 * "test_clips", "epochs": [...], "test": {"mse_frame", "ssim", "copy_last_mse_frame", "copy_last_ssim", "black_mse_frame", "loss"},
 * "seconds_per_epoch"}}, MSE summed over a frame's pixels) and {@code learning_curves.png}.
 */
public record VideoReport(VideoSettings settings, List<EpochMetrics> epochs, Map<String, Double> test) {
  public static final String METRICS = "metrics.json";
  public static final String CURVES = "learning_curves.png";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public VideoReport {
    epochs = List.copyOf(epochs);
    test = Map.copyOf(test);
  }

  public double secondsPerEpoch() {
    return epochs.stream().mapToDouble(EpochMetrics::seconds).average().orElse(Double.NaN);
  }

  /** The test clips' error per frame, summed over its pixels. */
  public double testMse() { return test.get("mse_frame"); }

  /** Copying the last input frame's error per frame on the same clips. */
  public double copyLastMse() { return test.get("copy_last_mse_frame"); }

  public double testSsim() { return test.get("ssim"); }

  public double copyLastSsim() { return test.get("copy_last_ssim"); }

  /** Writes metrics.json and learning_curves.png into {@code directory}; returns them. */
  public List<Path> write(Path directory) throws IOException {
    Path metrics = directory.resolve(METRICS);
    ObjectNode root = JSON.createObjectNode();
    root.put("task", "video");
    root.put("model", settings.spec().describe());
    root.put("dataset", "moving-" + settings.dataset());
    root.put("clips", settings.clips());
    root.put("test_clips", settings.testClips());
    ArrayNode list = root.putArray("epochs");
    epochs.forEach(epoch -> list.add(MetricsJson.epoch(epoch)));
    ObjectNode testNode = root.putObject("test");
    test.keySet().stream().sorted().forEach(key -> MetricsJson.number(testNode, key, test.get(key)));
    MetricsJson.number(root, "seconds_per_epoch", secondsPerEpoch());
    AtomicFile.writeString(metrics, JSON.writeValueAsString(root) + "\n");
    Path curves = directory.resolve(CURVES);
    LearningCurves.write(curves, epochs);
    return List.of(metrics, curves);
  }
}
