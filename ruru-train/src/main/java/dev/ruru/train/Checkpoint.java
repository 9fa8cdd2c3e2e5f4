package dev.ruru.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.NDArray;
import dev.ruru.train.io.Safetensors;
import dev.ruru.train.io.SafetensorsFile;
import dev.ruru.train.metrics.EpochMetrics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a training run needs to continue exactly where it was after a completed epoch: the model's
 * state dictionary, the optimiser's state (moments, step counts, learning rate), the random generator's
 * state, the shuffling seed (epoch {@code e}'s order is a function of seed and {@code e}, so the loader
 * needs nothing else), and the metrics so far, which callbacks rebuild their own state from.
 *
 * <p>On disk it is one safetensors file, written atomically: tensors {@code model.<name>} and
 * {@code optimizer.<name>}, and in {@code __metadata__} the JSON {@code ruru.checkpoint} (epoch, seed,
 * random state, history) plus any {@code extra} entries (the command line stores its model description
 * and settings there).
 *
 * @param epoch epochs completed; training resumes with epoch {@code epoch + 1}
 * @param seed the shuffling seed
 * @param randomState {@link ResumableRandom#state()} of the trainer's generator
 * @param model the model's state dictionary
 * @param optimizer the optimiser's state dictionary
 * @param history the metrics of epochs 1..epoch
 * @param extra further metadata strings, by key
 */
public record Checkpoint(int epoch, long seed, long randomState, Map<String, NDArray> model, Map<String, NDArray> optimizer,
    List<EpochMetrics> history, Map<String, String> extra) {
  static final String KEY = "ruru.checkpoint";
  private static final String MODEL_PREFIX = "model.";
  private static final String OPTIMIZER_PREFIX = "optimizer.";
  private static final ObjectMapper JSON = new ObjectMapper();

  public Checkpoint {
    model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
    optimizer = Collections.unmodifiableMap(new LinkedHashMap<>(optimizer));
    history = List.copyOf(history);
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    if (extra.containsKey(KEY)) {
      throw new IllegalArgumentException("Checkpoint: the extra key '" + KEY + "' is reserved");
    }
  }

  /** This checkpoint with {@code key} set to {@code value} among the extras. */
  public Checkpoint withExtra(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(extra);
    more.put(key, value);
    return new Checkpoint(epoch, seed, randomState, model, optimizer, history, more);
  }

  /** Writes the checkpoint to {@code file} atomically (a temporary file renamed over it). */
  public void write(Path file) throws IOException {
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    model.forEach((name, array) -> tensors.put(MODEL_PREFIX + name, array));
    optimizer.forEach((name, array) -> tensors.put(OPTIMIZER_PREFIX + name, array));
    Map<String, String> metadata = new LinkedHashMap<>(extra);
    metadata.put(KEY, describe().toString());
    Safetensors.write(file, tensors, metadata);
  }

  /** Reads a checkpoint written by {@link #write}; the message names the file when it is not one. */
  public static Checkpoint read(Path file) throws IOException {
    SafetensorsFile contents = Safetensors.read(file);
    String json = contents.metadata().get(KEY);
    if (json == null) {
      throw new IllegalArgumentException("checkpoint: " + file + " is a safetensors file but not a Ruru checkpoint (no " + KEY
          + " metadata)");
    }
    Map<String, NDArray> model = new LinkedHashMap<>();
    Map<String, NDArray> optimizer = new LinkedHashMap<>();
    contents.tensors().forEach((name, array) -> {
      if (name.startsWith(MODEL_PREFIX)) {
        model.put(name.substring(MODEL_PREFIX.length()), array);
      } else if (name.startsWith(OPTIMIZER_PREFIX)) {
        optimizer.put(name.substring(OPTIMIZER_PREFIX.length()), array);
      } else {
        throw new IllegalArgumentException("checkpoint: " + file + ": unexpected tensor '" + name + "' (expected model.* or optimizer.*)");
      }
    });
    Map<String, String> extra = new LinkedHashMap<>(contents.metadata());
    extra.remove(KEY);
    try {
      JsonNode root = JSON.readTree(json);
      return new Checkpoint(root.path("epoch").asInt(), root.path("seed").asLong(), Long.parseLong(root.path("random_state").asText()),
          model, optimizer, historyOf(root.path("history")), extra);
    } catch (JsonProcessingException | NumberFormatException e) {
      throw new IllegalArgumentException("checkpoint: " + file + ": malformed " + KEY + " metadata: " + e.getMessage(), e);
    }
  }

  private ObjectNode describe() {
    ObjectNode root = JSON.createObjectNode();
    root.put("epoch", epoch);
    root.put("seed", seed);
    // A string: JSON readers that hold numbers as doubles would round a 64-bit state.
    root.put("random_state", Long.toString(randomState));
    ArrayNode epochs = root.putArray("history");
    for (EpochMetrics metrics : history) {
      epochs.add(MetricsJson.epoch(metrics));
    }
    return root;
  }

  private static List<EpochMetrics> historyOf(JsonNode epochs) {
    List<EpochMetrics> history = new ArrayList<>();
    for (JsonNode node : epochs) {
      history.add(MetricsJson.epochOf(node));
    }
    return history;
  }
}
