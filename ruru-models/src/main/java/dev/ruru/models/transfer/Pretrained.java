package dev.ruru.models.transfer;

import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.SavedModel;
import dev.ruru.nn.Layer;
import dev.ruru.train.model.LayerTreeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A trained model to start from: the network with its weights, the shape of one input and its class
 * names. {@link #read} opens a model directory of either kind Ruru writes (a built-in family's, from
 * {@code ruru train}, or a layer tree's, from {@code ruru finetune}); other sources (ruru-onnx's
 * OnnxPretrained for an .onnx file) make one of these with their own {@link ModelWriter}.
 *
 * @param model the network, weights loaded
 * @param inputShape one example's shape, without the batch axis
 * @param classNames a name per output (may be empty)
 * @param source where it came from, for messages and metrics.json
 * @param writer how the fine-tuned model is written: in the form it came in
 */
public record Pretrained(Layer model, List<Integer> inputShape, List<String> classNames, String source, ModelWriter writer) {
  public Pretrained {
    Objects.requireNonNull(model, "model");
    inputShape = List.copyOf(inputShape);
    classNames = List.copyOf(classNames);
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(writer, "writer");
  }

  /** A model that is written back as a layer tree ({@link ModelWriter#LAYER_TREE}). */
  public Pretrained(Layer model, List<Integer> inputShape, List<String> classNames, String source) {
    this(model, inputShape, classNames, source, ModelWriter.LAYER_TREE);
  }

  /** The model saved in {@code directory} by {@code ruru train} or {@code ruru finetune}. */
  public static Pretrained read(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("--from: " + directory + " is not a model directory (model.json and model.safetensors, as"
          + " ruru train --out DIR or ruru finetune --out DIR write them)");
    }
    if (LayerTreeFiles.isLayerTree(directory)) {
      LayerTreeFiles.Saved saved = LayerTreeFiles.load(directory);
      if (saved.inputShape().isEmpty()) {
        throw new IllegalArgumentException("--from: " + directory + " does not say its input shape (\"input_shape\" in model.json)");
      }
      return new Pretrained(saved.model(), saved.inputShape(), saved.classNames(), directory.toString());
    }
    SavedModel saved = ModelFiles.load(directory);
    return new Pretrained(saved.module(), saved.spec().inputShape(), saved.spec().classNames(), directory.toString());
  }
}
