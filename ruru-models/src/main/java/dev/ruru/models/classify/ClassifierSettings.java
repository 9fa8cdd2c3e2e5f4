package dev.ruru.models.classify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.train.Checkpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of one image-classifier run ({@link ClassifierRun}), kept in its checkpoint so that
 * {@code --resume} continues the run with exactly the settings it started with: same data, same split, same
 * model, same optimiser.
 *
 * @param dataset {@code fashion-mnist} or {@code mnist}
 * @param dataName the data actually used: the dataset's id, with {@code -sample} for the embedded sample
 * @param model the architecture, {@code mlp} or {@code cnn}
 * @param channels the convolution widths of a {@code cnn}; empty for an {@code mlp}
 * @param hidden hidden dense layer widths
 * @param dropout dropout probability after each hidden layer
 * @param optimizer the optimiser
 * @param learningRate its learning rate
 * @param momentum its momentum (NaN for optimisers without one)
 * @param weightDecay its weight decay
 * @param batchSize examples per step
 * @param validationSplit the share of the training set held out for validation
 * @param seed the seed of the split, the initial weights, the dropout masks and the shuffles
 * @param controls the learning-rate schedule, early stopping and gradient clipping
 */
public record ClassifierSettings(String dataset, String dataName, String model, List<Integer> channels, List<Integer> hidden, double dropout,
    OptimizerChoice optimizer, double learningRate, double momentum, double weightDecay, int batchSize, double validationSplit, long seed,
    TrainingControls controls) {
  /** The checkpoint metadata key the settings are stored under. */
  public static final String KEY = "ruru.train.settings";
  private static final ObjectMapper JSON = new ObjectMapper();

  public ClassifierSettings {
    channels = List.copyOf(channels);
    hidden = List.copyOf(hidden);
    if (batchSize < 1) {
      throw new IllegalArgumentException("Invalid batch size: " + batchSize + " (must be >= 1)");
    }
    if (!(validationSplit >= 0 && validationSplit < 1)) {
      throw new IllegalArgumentException("Invalid validation split: " + validationSplit + " (must be in [0, 1))");
    }
  }

  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("dataset", dataset);
    root.put("data_name", dataName);
    root.put("model", model);
    channels.forEach(root.putArray("channels")::add);
    hidden.forEach(root.putArray("hidden")::add);
    root.put("dropout", dropout);
    root.put("optimizer", optimizer.id());
    root.put("learning_rate", learningRate);
    if (!Double.isNaN(momentum)) {
      root.put("momentum", momentum);
    }
    root.put("weight_decay", weightDecay);
    root.put("batch_size", batchSize);
    root.put("validation_split", validationSplit);
    root.put("seed", seed);
    controls.writeTo(root);
    return root.toString();
  }

  /** The settings a run stored in {@code checkpoint}, read from {@code file}; refused when it holds none. */
  public static ClassifierSettings of(Checkpoint checkpoint, Path file) {
    String json = checkpoint.extra().get(KEY);
    if (json == null) {
      throw new IllegalArgumentException("--resume: " + file + " was not written by ruru train (no " + KEY + ")");
    }
    return fromJson(json, file.toString());
  }

  /** The settings {@link #toJson} wrote; {@code source} names the checkpoint in messages. */
  public static ClassifierSettings fromJson(String json, String source) {
    try {
      JsonNode root = JSON.readTree(json);
      List<Integer> hidden = new ArrayList<>();
      root.path("hidden").forEach(width -> hidden.add(width.asInt()));
      List<Integer> channels = new ArrayList<>();
      root.path("channels").forEach(width -> channels.add(width.asInt()));
      // Checkpoints written before CNNs existed name no model: they are MLPs.
      return new ClassifierSettings(root.path("dataset").asText(), root.path("data_name").asText(), root.path("model").asText("mlp"), channels,
          hidden, root.path("dropout").asDouble(),
          OptimizerChoice.fromName(root.path("optimizer").asText()), root.path("learning_rate").asDouble(),
          root.has("momentum") ? root.get("momentum").asDouble() : Double.NaN, root.path("weight_decay").asDouble(),
          root.path("batch_size").asInt(), root.path("validation_split").asDouble(), root.path("seed").asLong(),
          TrainingControls.readFrom(root));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": malformed " + KEY + " metadata: " + e.getOriginalMessage(), e);
    }
  }
}
