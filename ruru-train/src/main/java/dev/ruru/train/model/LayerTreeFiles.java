package dev.ruru.train.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.NDArray;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Params;
import dev.ruru.train.ResumableRandom;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Any model built from the standard layers saved whole, architecture and weights together, so that
 * loading needs no code (as Keras's {@code model.save}): {@code model.json} holds the layer tree
 * ({@link LayerTreeJson}) and {@code model.safetensors} the state dictionary (PyTorch's names), sealed
 * to each other by {@link ModelDirectory}. Saving refuses, before writing anything, a layer the
 * description cannot hold and a description whose implied tensors are not the model's; loading checks
 * the weights' header against the description before anything is built.
 *
 * <pre>{@code
 * LayerTreeFiles.save(dir, new Saved(model, List.of(28, 28), classNames, Map.of("dataset", "fashion-mnist")));
 * Layer again = LayerTreeFiles.load(dir).model();
 * }</pre>
 */
public final class LayerTreeFiles {
  static final String FORMAT = "ruru-layers";
  static final ModelDirectory.Format KIND = new ModelDirectory.Format(FORMAT, "Ruru layer-tree model", "`ruru finetune --out DIR`",
      "; models of the built-in families are read with their own loaders");
  private static final List<String> REQUIRED = List.of("format", "version", "model");
  private static final List<String> OPTIONAL = List.of("input_shape", "class_names", "weights", "summary", "parameters", "notes");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * A model with what a user of it needs to know.
   *
   * @param model the layers, weights in place
   * @param inputShape one example's shape (without the batch axis), or empty when unknown
   * @param classNames a name per output class, or empty
   * @param notes free notes, such as the dataset
   */
  public record Saved(Layer model, List<Integer> inputShape, List<String> classNames, Map<String, String> notes) {
    public Saved {
      Objects.requireNonNull(model, "model");
      inputShape = List.copyOf(inputShape);
      classNames = List.copyOf(classNames);
      notes = Map.copyOf(notes);
    }
  }

  private LayerTreeFiles() {}

  /** Writes {@code saved} into {@code directory} (created if needed), refusing a model the description cannot hold. */
  public static void save(Path directory, Saved saved) throws IOException {
    Layer model = saved.model();
    ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("version", ModelDirectory.SEALED_VERSION);
    ObjectNode tree = LayerTreeJson.describe(model, "");
    root.set("model", tree);
    saved.inputShape().forEach(root.putArray("input_shape")::add);
    saved.classNames().forEach(root.putArray("class_names")::add);
    String summary = summary(model);
    root.put("weights", ModelDirectory.WEIGHTS).put("summary", summary);
    Map<String, NDArray> state = model.stateDict();
    state.forEach((name, value) -> root.withArray("parameters").addObject().put("name", name).put("shape", value.shape().toString()));
    ObjectNode notes = root.putObject("notes");
    saved.notes().forEach(notes::put);
    ModelJson described = ModelJson.parse(JSON.writeValueAsBytes(tree), "the description of the model");
    ModelDirectory.checkSaved(state, LayerTreeShapes.shapes(described, ""), summary);
    ModelDirectory.write(directory, state, summary, JSON.writeValueAsString(root) + "\n");
  }

  /** Reads the model in {@code directory}: description, then the weights' header against it, the seal, and the weights. */
  public static Saved load(Path directory) throws IOException {
    ModelDirectory.Opened opened = ModelDirectory.open(directory, KIND);
    ModelJson json = opened.json();
    json.checkKeys(REQUIRED, OPTIONAL);
    ModelDirectory.checkKeysForPeople(json);
    ModelJson tree = json.object("model");
    String summary = json.has("summary") ? json.text("summary") : "layer tree";
    opened.checkTensors(LayerTreeShapes.shapes(tree, ""), summary);
    opened.checkSeal();
    Layer model = opened.rebuild(() -> LayerTreeJson.build(tree, new ResumableRandom(0)), summary);
    model.loadStateDict(opened.readWeights());
    List<Integer> inputShape = json.has("input_shape") ? json.integers("input_shape") : List.of();
    List<String> classNames = json.has("class_names") ? json.texts("class_names") : List.of();
    Map<String, String> notes = json.has("notes") ? json.textMap("notes") : Map.of();
    return new Saved(model, inputShape, classNames, notes);
  }

  /** Whether {@code directory}'s description is a layer tree (and not one of the built-in families). */
  public static boolean isLayerTree(Path directory) throws IOException {
    return ModelDirectory.hasFormat(directory, FORMAT);
  }

  private static String summary(Layer model) {
    return "layer tree, " + String.format("%,d", Params.count(model.parameters())) + " parameters";
  }
}
