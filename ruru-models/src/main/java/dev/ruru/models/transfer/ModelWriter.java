package dev.ruru.models.transfer;

import dev.ruru.train.model.LayerTreeFiles;
import dev.ruru.train.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How {@code ruru finetune} writes the model it fine-tuned, in the form it was read in: a model directory
 * as a layer tree ({@link #LAYER_TREE}), or another format that a source supplies with its
 * {@link Pretrained} (ruru-onnx writes an imported graph back as {@code model.onnx}).
 */
public interface ModelWriter {
  /** Layer-tree directories ({@link LayerTreeFiles}): model.json beside model.safetensors. */
  ModelWriter LAYER_TREE = new ModelWriter() {
    @Override
    public List<Path> write(Path directory, LayerTreeFiles.Saved model) throws IOException {
      LayerTreeFiles.save(directory, model);
      return List.of(directory.resolve(ModelDirectory.WEIGHTS), directory.resolve(ModelDirectory.DESCRIPTION));
    }

    @Override
    public Path source(Path directory) {
      return directory;
    }
  };

  /** Writes {@code model} (the network, its input shape, class names and notes) into {@code directory}; the files written. */
  List<Path> write(Path directory, LayerTreeFiles.Saved model) throws IOException;

  /** What {@code ruru finetune --from} (and predict, eval) take to read the model written into {@code directory}. */
  Path source(Path directory);
}
