package dev.ruru.models.classify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.DType;
import dev.ruru.nn.Layer;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.model.ModelJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A saved model is a directory of two files: {@code model.safetensors}, the state dictionary (readable by
 * PyTorch as the state_dict of the equivalent {@code torch.nn.Sequential}), and {@code model.json}, the
 * {@link ModelSpec} that rebuilds the network. The weights are sealed to the description they were saved
 * with ({@link ModelDirectory}), so a pair torn by an interrupted save is refused, never mixed. Reading
 * checks the JSON strictly, then every tensor's name, shape and dtype in the weights' header against the
 * network the JSON describes, then the seal, then that every weight is finite, and loads nothing unless
 * all hold; every message names the file.
 *
 * <pre>{@code
 * ModelFiles.save(out, spec, model);
 * SavedModel saved = ModelFiles.load(out);
 * NDArray scores = saved.scores(images);     // [n, classes]
 * }</pre>
 */
public final class ModelFiles {
  static final String FORMAT = "ruru-model";
  static final ModelDirectory.Format KIND = new ModelDirectory.Format(FORMAT, "Ruru model", "`ruru train --out DIR`",
      "; language models are used with `ruru generate`");
  private static final List<String> REQUIRED = List.of("format", "version", "architecture", "input_shape", "hidden", "classes", "activation",
      "dtype");
  // "channels" is absent from descriptions written before CNNs existed; the rest are for people, or defaulted.
  private static final List<String> OPTIONAL = List.of("channels", "dropout", "class_names", "preprocessing", "weights", "summary",
      "parameters", "notes");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelFiles() {}

  /**
   * Writes {@code model}'s weights and {@code spec} into {@code directory} (created if needed); refuses, before
   * writing anything, a model whose tensors are not the ones {@code spec} describes.
   */
  public static void save(Path directory, ModelSpec spec, Layer model) throws IOException {
    save(directory, spec, model, Map.of());
  }

  /**
   * As {@link #save(Path, ModelSpec, Layer)}, with {@code notes} (such as the dataset it was trained on)
   * stored in model.json under {@code "notes"} and given back by {@link SavedModel#notes()}.
   */
  public static void save(Path directory, ModelSpec spec, Layer model, Map<String, String> notes) throws IOException {
    ModelDirectory.checkSaved(model.stateDict(), spec.parameterShapes(), spec.describe());
    ObjectNode json = toJson(spec, model);
    ObjectNode notesNode = json.putObject("notes");
    notes.forEach(notesNode::put);
    ModelDirectory.write(directory, model.stateDict(), spec.describe(), JSON.writeValueAsString(json) + "\n");
  }

  /** The JSON of {@code model.json}: the spec, plus the parameters' names and shapes for people to read. */
  public static ObjectNode toJson(ModelSpec spec, Layer model) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", ModelDirectory.SEALED_VERSION);
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
    root.put("weights", ModelDirectory.WEIGHTS);
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

  /** The spec in a description written by {@link #toJson}, read strictly; messages name the file and the key. */
  public static ModelSpec specOf(ModelJson json) {
    json.checkKeys(REQUIRED, OPTIONAL);
    ModelDirectory.checkKeysForPeople(json);
    if (json.has("parameters") && !json.raw("parameters").isArray()) {
      throw json.mismatch("parameters", "an array of {name, shape} (for people to read)");
    }
    List<Integer> channels = json.has("channels") ? json.integers("channels") : List.of();
    double dropout = json.has("dropout") ? json.number("dropout") : 0;
    List<String> classNames = json.has("class_names") ? json.texts("class_names") : List.of();
    String preprocessing = json.has("preprocessing") ? json.text("preprocessing") : "";
    String architecture = json.text("architecture");
    List<Integer> inputShape = json.integers("input_shape");
    List<Integer> hidden = json.integers("hidden");
    int classes = json.integer("classes");
    String activation = json.text("activation");
    String dtype = json.text("dtype");
    try {
      return new ModelSpec(architecture, inputShape, channels, hidden, classes, activation, dropout, dtypeOf(dtype), classNames, preprocessing);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(json.source() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the model in {@code directory}: its description, then its weights' header, checked against the
   * network the description builds before anything is built; then the seal, then the weights themselves.
   */
  public static SavedModel load(Path directory) throws IOException {
    ModelDirectory.Opened opened = ModelDirectory.open(directory, KIND);
    ModelSpec spec = specOf(opened.json());
    Map<String, String> notes = opened.json().has("notes") ? opened.json().textMap("notes") : Map.of();
    opened.checkTensors(spec.parameterShapes(), spec.describe());
    opened.checkSeal();
    Layer model = opened.rebuild(() -> spec.build(new ResumableRandom(0)), spec.describe());
    model.loadStateDict(opened.readWeights());
    return new SavedModel(spec, model, directory, notes);
  }

  private static DType dtypeOf(String name) {
    for (DType dtype : DType.values()) {
      if (dtype.numpyName().equals(name)) {
        return dtype;
      }
    }
    throw new IllegalArgumentException("\"dtype\": expected \"float32\" or \"float64\", found \"" + name + "\"");
  }
}
