package dev.ruru.train.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.nn.Module;
import dev.ruru.train.ResumableRandom;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.train.io.Safetensors;
import dev.ruru.train.io.SafetensorsHeader;
import dev.ruru.train.io.TensorEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A saved model is a directory of two files: {@code model.safetensors}, the state dictionary (readable by
 * PyTorch as the state_dict of the equivalent {@code torch.nn.Sequential}), and {@code model.json}, the
 * {@link ModelSpec} that rebuilds the network. Both are written atomically. Reading checks the JSON, then
 * every tensor's name, shape and dtype against the network the JSON describes, and loads nothing unless
 * all match; every message names the directory and the file.
 *
 * <pre>{@code
 * ModelFiles.save(out, spec, model);
 * SavedModel saved = ModelFiles.load(out);
 * NDArray scores = saved.scores(images);     // [n, classes]
 * }</pre>
 */
public final class ModelFiles {
  public static final String WEIGHTS = "model.safetensors";
  public static final String DESCRIPTION = "model.json";
  static final String FORMAT = "ruru-model";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelFiles() {}

  /** Writes {@code model}'s weights and {@code spec} into {@code directory} (created if needed). */
  public static void save(Path directory, ModelSpec spec, Module model) throws IOException {
    save(directory, spec, model, Map.of());
  }

  /**
   * As {@link #save(Path, ModelSpec, Module)}, with {@code notes} (such as the dataset it was trained on)
   * stored in model.json under {@code "notes"} and given back by {@link SavedModel#notes()}.
   */
  public static void save(Path directory, ModelSpec spec, Module model, Map<String, String> notes) throws IOException {
    Files.createDirectories(directory);
    // "format": "pt" is what Hugging Face's loaders look for in a PyTorch state_dict file.
    Safetensors.write(directory.resolve(WEIGHTS), model.stateDict(), Map.of("format", "pt", "ruru.model", spec.describe()));
    ObjectNode json = toJson(spec, model);
    ObjectNode notesNode = json.putObject("notes");
    notes.forEach(notesNode::put);
    AtomicFile.writeString(directory.resolve(DESCRIPTION), JSON.writeValueAsString(json) + "\n");
  }

  /** The JSON of {@code model.json}: the spec, plus the parameters' names and shapes for people to read. */
  public static ObjectNode toJson(ModelSpec spec, Module model) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", 1);
    root.put("architecture", spec.architecture());
    spec.inputShape().forEach(root.putArray("input_shape")::add);
    spec.channels().forEach(root.putArray("channels")::add);
    spec.hidden().forEach(root.putArray("hidden")::add);
    root.put("classes", spec.classes());
    root.put("activation", spec.activation());
    root.put("dropout", spec.dropout());
    root.put("dtype", spec.dtype().numpyName());
    spec.classNames().forEach(root.putArray("class_names")::add);
    root.put("preprocessing", spec.preprocessing());
    root.put("weights", WEIGHTS);
    root.put("summary", spec.describe());
    ArrayNode parameters = root.putArray("parameters");
    model.stateDict().forEach((name, value) -> {
      ObjectNode entry = parameters.addObject().put("name", name);
      ArrayNode shape = entry.putArray("shape");
      for (int dim : value.shape().dims()) {
        shape.add(dim);
      }
    });
    return root;
  }

  /** The spec written by {@link #toJson}; {@code source} names the file in messages. */
  public static ModelSpec specOf(JsonNode root, String source) {
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(source + ": not a Ruru model description (\"format\" is " + root.get("format") + ", expected \""
          + FORMAT + "\")");
    }
    try {
      // MLP descriptions written before CNNs existed have no "channels".
      List<Integer> channels = root.has("channels") ? integers(root, "channels") : List.of();
      return new ModelSpec(text(root, "architecture"), integers(root, "input_shape"), channels, integers(root, "hidden"),
          root.path("classes").asInt(), text(root, "activation"), root.path("dropout").asDouble(0), dtypeOf(text(root, "dtype")),
          strings(root.path("class_names")), root.path("preprocessing").asText(""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the model in {@code directory}: its description, then its weights, checked against the network
   * the description builds before any is loaded.
   */
  public static SavedModel load(Path directory) throws IOException {
    Path description = directory.resolve(DESCRIPTION);
    Path weights = directory.resolve(WEIGHTS);
    for (Path file : List.of(description, weights)) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("model directory " + directory + ": missing " + file.getFileName() + " (a saved model is "
            + DESCRIPTION + " and " + WEIGHTS + ", as `ruru train --out DIR` writes them)");
      }
    }
    JsonNode root;
    try {
      root = JSON.readTree(description.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(description + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    ModelSpec spec = specOf(root, description.toString());
    Map<String, String> notes = new java.util.LinkedHashMap<>();
    root.path("notes").properties().forEach(note -> notes.put(note.getKey(), note.getValue().asText()));
    Module model = spec.build(new ResumableRandom(0));
    checkAgainst(Safetensors.readHeader(weights), model.stateDict(), spec, weights);
    model.loadStateDict(Safetensors.read(weights).tensors());
    return new SavedModel(spec, model, directory, notes);
  }

  /** Every mismatch between the file's entries and the network's state dictionary, in one message. */
  private static void checkAgainst(SafetensorsHeader header, Map<String, NDArray> expected, ModelSpec spec, Path weights) {
    Map<String, TensorEntry> entries = new java.util.LinkedHashMap<>();
    header.tensors().forEach(entry -> entries.put(entry.name(), entry));
    List<String> problems = new ArrayList<>();
    expected.forEach((name, wanted) -> {
      TensorEntry entry = entries.remove(name);
      if (entry == null) {
        problems.add("missing tensor '" + name + "' " + wanted.shape());
      } else if (!wanted.shape().equals(entry.shape()) || wanted.dtype() != entry.dtype()) {
        problems.add("tensor '" + name + "' is " + entry.dtype().numpyName() + " " + entry.shape() + " but the model expects "
            + wanted.dtype().numpyName() + " " + wanted.shape());
      }
    });
    entries.values().forEach(entry -> problems.add("unexpected tensor '" + entry.name() + "' " + entry.shape()));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(weights + " does not match " + DESCRIPTION + " (" + spec.describe() + "): "
          + String.join("; ", problems) + "; nothing was loaded");
    }
  }

  private static String text(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException("missing or non-text \"" + key + "\"");
    }
    return node.textValue();
  }

  private static List<Integer> integers(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException("\"" + key + "\" must be an array of integers, found " + node);
    }
    List<Integer> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.canConvertToInt() || !item.isIntegralNumber()) {
        throw new IllegalArgumentException("\"" + key + "\" must be an array of integers, found " + node);
      }
      values.add(item.intValue());
    }
    return values;
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(item -> values.add(item.asText()));
    return values;
  }

  private static DType dtypeOf(String name) {
    for (DType dtype : DType.values()) {
      if (dtype.numpyName().equals(name)) {
        return dtype;
      }
    }
    throw new IllegalArgumentException("unknown dtype '" + name + "'");
  }
}
