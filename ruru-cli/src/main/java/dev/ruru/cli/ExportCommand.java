package dev.ruru.cli;

import dev.ruru.array.Shape;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.SavedModel;
import dev.ruru.nn.Layer;
import dev.ruru.onnx.export.OnnxExport;
import dev.ruru.train.model.LayerTreeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ruru export}: writes a saved model (the --out directory of ruru train or ruru finetune) as an .onnx file. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes a saved model (the --out directory of ruru train or ruru finetune) in another format: onnx, for ONNX Runtime,",
        "PyTorch and the other runtimes that read ONNX. The file takes a batch of the model's inputs: [batch, 28, 28]."})
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--model-dir", paramLabel = "DIR", required = true, description = "Directory holding model.json and model.safetensors.")
  private Path modelDirectory;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "onnx", description = "The format to write: onnx (the default).")
  private String format;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write, e.g. model.onnx.")
  private Path out;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!format.equals("onnx")) {
      throw new IllegalArgumentException("Invalid --format: " + format + " (Ruru exports onnx)");
    }
    Layer model;
    List<Integer> inputShape;
    String description;
    if (LayerTreeFiles.isLayerTree(modelDirectory)) {
      LayerTreeFiles.Saved tree = LayerTreeFiles.load(modelDirectory);
      model = tree.model();
      inputShape = tree.inputShape();
      description = "layer tree";
    } else {
      SavedModel saved = ModelFiles.load(modelDirectory);
      model = saved.module();
      inputShape = saved.spec().inputShape();
      description = saved.spec().describe();
    }
    int[] example = IntStream.concat(IntStream.of(1), inputShape.stream().mapToInt(Integer::intValue)).toArray();
    OnnxExport.write(model, Shape.of(example), out);
    spec.commandLine().getOut().println("wrote " + out + ": " + description + " as ONNX (opset 14), input [batch, "
        + String.join(", ", inputShape.stream().map(String::valueOf).toList()) + "]");
    spec.commandLine().getOut().flush();
    return 0;
  }
}
