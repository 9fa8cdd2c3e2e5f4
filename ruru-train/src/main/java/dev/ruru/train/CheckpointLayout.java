package dev.ruru.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ruru.array.NDArray;
import dev.ruru.train.metrics.EpochMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a checkpoint's {@code ruru.checkpoint} metadata says, read strictly: a checkpoint is trusted with
 * a run's continuation, so a version this code does not know, an epoch count that disagrees with the
 * history, or a tensor that belongs to no named group is refused, never guessed at.
 */
record CheckpointLayout(int epoch, long seed, List<String> models, List<String> optimizers, Map<String, Long> randomStates,
    List<EpochMetrics> history) {

  static CheckpointLayout of(JsonNode root) {
    if (!root.isObject()) {
      throw new IllegalArgumentException("metadata is not a JSON object");
    }
    JsonNode version = root.get("version");
    int number = version == null ? 1 : version.isIntegralNumber() && version.canConvertToInt() ? version.intValue() : -1;
    if (number < 1 || number > Checkpoint.VERSION) {
      throw new IllegalArgumentException("checkpoint format version " + (version == null ? "?" : version) + " is not one this Ruru reads (1 to "
          + Checkpoint.VERSION + "); it was written by another version of Ruru");
    }
    int epoch = integer(root, "epoch");
    long seed = root.path("seed").isIntegralNumber() && root.path("seed").canConvertToLong() ? root.path("seed").longValue()
        : fail("\"seed\" must be a 64-bit integer, got " + root.get("seed"));
    List<EpochMetrics> history = new ArrayList<>();
    JsonNode epochs = root.path("history");
    if (!epochs.isArray()) {
      throw new IllegalArgumentException("\"history\" must be an array of epochs, got " + root.get("history"));
    }
    epochs.forEach(node -> history.add(MetricsJson.epochOf(node)));
    if (number == 1) {
      // Version 1: one model, one optimiser, one generator, as the single-model trainer saved them.
      return new CheckpointLayout(epoch, seed, List.of("model"), List.of("optimizer"), Map.of("random", state(root.get("random_state"))),
          history);
    }
    Map<String, Long> states = new LinkedHashMap<>();
    JsonNode randoms = root.path("random_states");
    if (!randoms.isObject()) {
      throw new IllegalArgumentException("\"random_states\" must be an object of generator states, got " + root.get("random_states"));
    }
    randoms.fields().forEachRemaining(field -> states.put(field.getKey(), state(field.getValue())));
    return new CheckpointLayout(epoch, seed, names(root, "models"), names(root, "optimizers"), states, history);
  }

  /** The tensors by group: the part of each name before its first dot is the model, optimiser or {@code steps}. */
  Map<String, Map<String, NDArray>> split(Map<String, NDArray> tensors) {
    Set<String> groups = new HashSet<>(models);
    groups.addAll(optimizers);
    groups.add("steps");
    Map<String, Map<String, NDArray>> split = new LinkedHashMap<>();
    tensors.forEach((name, array) -> {
      int dot = name.indexOf('.');
      String group = dot < 0 ? name : name.substring(0, dot);
      if (dot < 0 || !groups.contains(group)) {
        throw new IllegalArgumentException("unexpected tensor '" + name + "' (expected <group>.<name> with a group among " + groups + ")");
      }
      split.computeIfAbsent(group, key -> new LinkedHashMap<>()).put(name.substring(dot + 1), array);
    });
    return split;
  }

  /** Model and optimiser names are tensor-name prefixes: distinct, and none may be {@code steps}. */
  static void checkNames(Set<String> models, Set<String> optimizers) {
    for (String name : models) {
      if (optimizers.contains(name) || name.equals("steps") || name.contains(".")) {
        throw new IllegalArgumentException("Checkpoint: model name '" + name + "' must differ from every optimiser name and from 'steps',"
            + " and hold no dot");
      }
    }
    for (String name : optimizers) {
      if (name.equals("steps") || name.contains(".")) {
        throw new IllegalArgumentException("Checkpoint: optimiser name '" + name + "' must not be 'steps' or hold a dot");
      }
    }
  }

  /** A checkpoint after epoch n holds the metrics of epochs 1..n, in order. */
  static void checkHistory(int epoch, List<EpochMetrics> history) {
    if (epoch < 0 || history.size() != epoch) {
      throw new IllegalArgumentException("Checkpoint: epoch " + epoch + " needs the metrics of " + Math.max(0, epoch)
          + " epochs, got " + history.size());
    }
    for (int i = 0; i < history.size(); i++) {
      if (history.get(i).epoch() != i + 1) {
        throw new IllegalArgumentException("Checkpoint: history entry " + i + " is epoch " + history.get(i).epoch() + ", expected " + (i + 1));
      }
    }
  }

  private static int integer(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
      throw new IllegalArgumentException("\"" + key + "\" must be an integer in [0, " + Integer.MAX_VALUE + "], got " + node);
    }
    return node.intValue();
  }

  private static List<String> names(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException("\"" + key + "\" must be an array of names, got " + node);
    }
    List<String> names = new ArrayList<>();
    node.forEach(name -> names.add(name.isTextual() ? name.textValue() : fail("\"" + key + "\" holds a non-string " + name)));
    return names;
  }

  /** A state written as a decimal string (a JSON number would lose bits in readers that hold doubles). */
  private static long state(JsonNode node) {
    try {
      return Long.parseLong(node == null ? "" : node.asText());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a random state must be a 64-bit integer as a string, got " + node);
    }
  }

  private static <T> T fail(String message) {
    throw new IllegalArgumentException(message);
  }
}
