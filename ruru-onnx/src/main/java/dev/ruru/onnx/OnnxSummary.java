package dev.ruru.onnx;

import dev.ruru.array.NDArray;
import dev.ruru.onnx.proto.OnnxGraph;
import dev.ruru.onnx.proto.OnnxModel;
import dev.ruru.onnx.proto.OnnxNode;
import dev.ruru.onnx.proto.OnnxTensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code ruru inspect} prints for an .onnx file: the versions, the inputs and outputs, a count of
 * the operators, every node with its inputs and outputs (and whether Ruru runs it), and the initializers.
 */
public final class OnnxSummary {
  private OnnxSummary() {}

  /** The description, one line per entry; nodes Ruru does not run are marked. */
  public static List<String> lines(OnnxModel model) {
    OnnxGraph graph = model.graph();
    List<String> lines = new ArrayList<>();
    lines.add("ONNX model: IR version " + model.irVersion() + ", opsets " + model.opsets() + ", producer "
        + (model.producerName() + " " + model.producerVersion()).strip());
    graph.runtimeInputs().forEach(input -> lines.add("  input  " + input));
    graph.outputs().forEach(output -> lines.add("  output " + output));
    Map<String, Integer> counts = new TreeMap<>();
    graph.nodes().forEach(node -> counts.merge(node.opType(), 1, Integer::sum));
    lines.add("  " + graph.nodes().size() + " nodes: " + counts.toString().replace("=", " x").replaceAll("[{}]", ""));
    for (OnnxNode node : graph.nodes()) {
      boolean runs = Operators.find(node.domain(), node.opType()) != null;
      lines.add("    " + node.label() + "  " + node.opType() + (runs ? "" : " (not supported by Ruru)") + "  "
          + String.join(", ", node.inputs()) + " -> " + String.join(", ", node.outputs()));
    }
    long values = graph.initializers().stream().mapToLong(tensor -> tensor.value().size()).sum();
    lines.add("  " + graph.initializers().size() + " initializers, " + values + " values");
    return lines;
  }

  /** The initializers by name, for a table of their shapes and statistics. */
  public static Map<String, NDArray> initializers(OnnxModel model) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (OnnxTensor tensor : model.graph().initializers()) {
      out.put(tensor.name(), tensor.value());
    }
    return out;
  }
}
