package dev.ruru.onnx.export;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Residual;
import dev.ruru.nn.Sequential;
import dev.ruru.onnx.proto.ElementType;
import dev.ruru.onnx.proto.OnnxEncoder;
import dev.ruru.onnx.proto.OnnxModel;
import dev.ruru.onnx.proto.OnnxValueInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a Ruru model built from supported layers (Sequential and Residual containers of Linear, Conv2d,
 * BatchNorm, pooling, Flatten, the activations, LSTM, GRU, LayerNorm and the Transformer encoder: MLPs,
 * CNNs, ResNets, recurrent and Transformer classifiers) as an .onnx file that ONNX Runtime and
 * PyTorch read. The model runs once on a zero example input, layer by layer, so every layer's input and
 * output shapes are known; the batch axis stays symbolic. Weights keep their state-dictionary names
 * ({@code 1.weight}), so a re-imported model loads the same checkpoints. Layers without an exporter are all
 * named in one error.
 *
 * <pre>{@code
 * OnnxExport.write(model, Shape.of(1, 28, 28), Path.of("cnn.onnx"));   // example input [1, 28, 28]
 * }</pre>
 */
public final class OnnxExport {
  private OnnxExport() {}

  public static void write(Layer model, Shape exampleInput, Path file) throws IOException {
    OnnxEncoder.write(export(model, exampleInput), file);
  }

  /** The ONNX model of {@code model} for inputs shaped like {@code exampleInput} (any batch size). */
  public static OnnxModel export(Layer model, Shape exampleInput) {
    List<String> unsupported = new ArrayList<>();
    collectUnsupported(model, "", unsupported);
    if (!unsupported.isEmpty()) {
      throw new IllegalArgumentException("ONNX export: no exporter for " + String.join(", ", unsupported)
          + "; Ruru exports " + LayerExporters.supported());
    }
    DType dtype = model.parameters().values().stream().map(Parameter::dtype).findFirst().orElse(DType.FLOAT32);
    GraphBuilder graph = new GraphBuilder();
    String[] last = {"input"};
    Shape outputShape = Autodiff.noGrad(() -> {
      Tensor example = Tensor.constant(NDArray.zeros(exampleInput, dtype));
      Tensor out = exportLayer(model, "", example, last, graph);
      return out.shape();
    });
    return graph.build(valueInfo("input", dtype, exampleInput), last[0], valueInfo("output", dtype, outputShape));
  }

  private static OnnxValueInfo valueInfo(String name, DType dtype, Shape shape) {
    List<String> dims = new ArrayList<>();
    dims.add("batch");
    Arrays.stream(shape.dims()).skip(1).forEach(dim -> dims.add(Integer.toString(dim)));
    return new OnnxValueInfo(name, ElementType.of(dtype), dims);
  }

  /** Runs {@code layer} on {@code example}, adding its nodes; {@code last[0]} tracks the current value's name. */
  private static Tensor exportLayer(Layer layer, String path, Tensor example, String[] last, GraphBuilder graph) {
    if (layer instanceof Sequential sequential) {
      Tensor value = example;
      for (int i = 0; i < sequential.size(); i++) {
        value = exportLayer(sequential.get(i), child(path, Integer.toString(i)), value, last, graph);
      }
      return value;
    }
    if (layer instanceof Residual residual) {
      return exportResidual(residual, path, example, last, graph);
    }
    Tensor output = layer.forward(example, Mode.EVAL);
    last[0] = LayerExporters.find(layer).export(layer, path, last[0], example.shape(), output.shape(), graph);
    return output;
  }

  /** body(x) + shortcut(x): both branches from the same value, joined by an Add. */
  private static Tensor exportResidual(Residual residual, String path, Tensor example, String[] last, GraphBuilder graph) {
    String input = last[0];
    Tensor body = exportLayer(residual.body(), child(path, "body"), example, last, graph);
    String bodyValue = last[0];
    last[0] = input;
    Tensor shortcut = exportLayer(residual.shortcut(), child(path, "shortcut"), example, last, graph);
    last[0] = graph.node("Add", path, List.of(bodyValue, last[0]));
    return body.add(shortcut);
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private static void collectUnsupported(Layer layer, String path, List<String> unsupported) {
    if (layer instanceof Sequential || layer instanceof Residual) {
      layer.children().forEach((name, child) -> collectUnsupported(child, child(path, name), unsupported));
    } else if (LayerExporters.find(layer) == null) {
      unsupported.add(layer.getClass().getSimpleName() + " (at " + (path.isEmpty() ? "the top" : path) + ")");
    }
  }
}
