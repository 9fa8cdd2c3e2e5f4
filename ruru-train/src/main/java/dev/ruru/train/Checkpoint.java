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
import dev.ruru.train.metrics.StepLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a training run needs to continue exactly where it was after a completed epoch: every
 * model's state dictionary, every optimiser's state (moments, step counts, learning rate), every random
 * generator's state, the shuffling seed (epoch {@code e}'s order is a function of seed and {@code e}, so
 * the loader needs nothing else), and the metrics so far (per epoch and per step), which callbacks
 * rebuild their own state from.
 *
 * <p>On disk it is one safetensors file, written atomically: tensors {@code <model>.<name>} for each
 * model, {@code <optimizer>.<name>} for each optimiser and {@code steps.<metric>} for the step log, and in
 * {@code __metadata__} the JSON {@code ruru.checkpoint} (version, epoch, seed, model and optimiser names,
 * random states, history) plus any {@code extra} entries (the command line stores its model description
 * and settings there). Version 1, from before objectives, had one model and one optimiser, named
 * {@code model} and {@code optimizer}, and one random state; it reads as such.
 *
 * @param epoch epochs completed; training resumes with epoch {@code epoch + 1}
 * @param seed the shuffling seed
 * @param randomStates {@link ResumableRandom#state()} of each generator, by name
 * @param models each model's state dictionary, by the objective's model name
 * @param optimizers each optimiser's state dictionary, by its phase's optimiser name
 * @param history the metrics of epochs 1..epoch
 * @param steps the training metrics of every step so far
 * @param extra further metadata strings, by key
 */
public record Checkpoint(int epoch, long seed, Map<String, Long> randomStates, Map<String, Map<String, NDArray>> models,
    Map<String, Map<String, NDArray>> optimizers, List<EpochMetrics> history, Map<String, NDArray> steps, Map<String, String> extra) {
  static final String KEY = "ruru.checkpoint";
  static final int VERSION = 2;
  private static final String STEPS = "steps";
  private static final ObjectMapper JSON = new ObjectMapper();

  public Checkpoint {
    randomStates = Collections.unmodifiableMap(new LinkedHashMap<>(randomStates));
    models = nestedCopy(models);
    optimizers = nestedCopy(optimizers);
    history = List.copyOf(history);
    steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    extra = Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    if (extra.containsKey(KEY)) {
      throw new IllegalArgumentException("Checkpoint: the extra key '" + KEY + "' is reserved");
    }
    CheckpointLayout.checkNames(models.keySet(), optimizers.keySet());
    CheckpointLayout.checkHistory(epoch, history);
  }

  private static Map<String, Map<String, NDArray>> nestedCopy(Map<String, Map<String, NDArray>> groups) {
    Map<String, Map<String, NDArray>> copy = new LinkedHashMap<>();
    groups.forEach((name, state) -> copy.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(state))));
    return Collections.unmodifiableMap(copy);
  }

  /** The step log these arrays hold. */
  public StepLog stepLog() {
    return StepLog.of(steps);
  }

  /** This checkpoint with {@code key} set to {@code value} among the extras. */
  public Checkpoint withExtra(String key, String value) {
    return withExtras(Map.of(key, value));
  }

  /** This checkpoint with every entry of {@code more} set among the extras, in its order. */
  public Checkpoint withExtras(Map<String, String> more) {
    Map<String, String> all = new LinkedHashMap<>(extra);
    all.putAll(more);
    return new Checkpoint(epoch, seed, randomStates, models, optimizers, history, steps, all);
  }

  /** Writes the checkpoint to {@code file} atomically (a temporary file renamed over it). */
  public void write(Path file) throws IOException {
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    models.forEach((name, state) -> state.forEach((key, array) -> tensors.put(name + "." + key, array)));
    optimizers.forEach((name, state) -> state.forEach((key, array) -> tensors.put(name + "." + key, array)));
    steps.forEach((metric, array) -> tensors.put(STEPS + "." + metric, array));
    Map<String, String> metadata = new LinkedHashMap<>(extra);
    metadata.put(KEY, describe().toString());
    Safetensors.write(file, tensors, metadata);
  }

  /** Reads a checkpoint written by {@link #write} (or by version 1); the message names the file when it is not one. */
  public static Checkpoint read(Path file) throws IOException {
    SafetensorsFile contents = Safetensors.read(file);
    String json = contents.metadata().get(KEY);
    if (json == null) {
      throw new IllegalArgumentException("checkpoint: " + file + " is a safetensors file but not a Ruru checkpoint (no " + KEY
          + " metadata)");
    }
    Map<String, String> extra = new LinkedHashMap<>(contents.metadata());
    extra.remove(KEY);
    try {
      CheckpointLayout layout = CheckpointLayout.of(JSON.readTree(json));
      Map<String, Map<String, NDArray>> groups = layout.split(contents.tensors());
      Map<String, Map<String, NDArray>> models = new LinkedHashMap<>();
      Map<String, Map<String, NDArray>> optimizers = new LinkedHashMap<>();
      layout.models().forEach(name -> models.put(name, groups.getOrDefault(name, Map.of())));
      layout.optimizers().forEach(name -> optimizers.put(name, groups.getOrDefault(name, Map.of())));
      return new Checkpoint(layout.epoch(), layout.seed(), layout.randomStates(), models, optimizers, layout.history(),
          groups.getOrDefault(STEPS, Map.of()), extra);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("checkpoint: " + file + ": " + e.getMessage(), e);
    }
  }

  private ObjectNode describe() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    root.put("epoch", epoch);
    root.put("seed", seed);
    models.keySet().forEach(root.putArray("models")::add);
    optimizers.keySet().forEach(root.putArray("optimizers")::add);
    ObjectNode states = root.putObject("random_states");
    // Strings: JSON readers that hold numbers as doubles would round a 64-bit state.
    randomStates.forEach((name, state) -> states.put(name, Long.toString(state)));
    ArrayNode epochs = root.putArray("history");
    for (EpochMetrics metrics : history) {
      epochs.add(MetricsJson.epoch(metrics));
    }
    return root;
  }
}
