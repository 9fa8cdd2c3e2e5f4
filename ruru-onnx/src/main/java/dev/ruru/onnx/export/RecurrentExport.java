package dev.ruru.onnx.export;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.nn.GRU;
import dev.ruru.nn.LSTM;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.RecurrentLayer;
import dev.ruru.nn.RecurrentOptions;
import dev.ruru.onnx.proto.OnnxAttribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link LSTM} and {@link GRU} as ONNX LSTM and GRU nodes, one per stacked layer, as torch.onnx writes them:
 * the sequence goes time-major ([steps, batch, features]) through the nodes, and each node's output
 * [steps, directions, batch, hidden] is joined back to [steps, batch, directions·hidden]. The weights are
 * PyTorch's, with the gate blocks reordered to ONNX's order (LSTM: PyTorch i, f, g, o to ONNX i, o, f, c;
 * GRU: r, z, n to z, r, h) and the two directions stacked; a GRU applies its reset gate after the
 * recurrent product ({@code linear_before_reset=1}), as PyTorch's does.
 */
final class RecurrentExport {
  /** For each ONNX gate block in order, the PyTorch block it comes from. */
  private static final int[] LSTM_GATES = {0, 3, 1, 2};
  private static final int[] GRU_GATES = {1, 0, 2};

  private RecurrentExport() {}

  static String export(Layer layer, String path, String in, Shape inShape, Shape outShape, GraphBuilder graph) {
    RecurrentLayer recurrent = (RecurrentLayer) layer;
    RecurrentOptions options = recurrent.options();
    boolean lstm = layer instanceof LSTM;
    String value = options.batchFirst() ? graph.node("Transpose", path, List.of(in), perm(1, 0, 2)) : in;
    for (int index = 0; index < options.layers(); index++) {
      List<String> inputs = new ArrayList<>(List.of(value, stacked(recurrent, "weight_ih", index, path, graph),
          stacked(recurrent, "weight_hh", index, path, graph)));
      if (options.bias()) {
        inputs.add(biases(recurrent, index, path, graph));
      }
      List<OnnxAttribute> attributes = new ArrayList<>(List.of(OnnxAttribute.ofInt("hidden_size", recurrent.hiddenSize()),
          OnnxAttribute.ofString("direction", options.bidirectional() ? "bidirectional" : "forward")));
      if (!lstm) {
        attributes.add(OnnxAttribute.ofInt("linear_before_reset", 1));
      }
      String steps = graph.node(lstm ? "LSTM" : "GRU", path, inputs, attributes.toArray(OnnxAttribute[]::new));
      String timeMajor = graph.node("Transpose", path, List.of(steps), perm(0, 2, 1, 3));
      value = graph.node("Reshape", path, List.of(timeMajor, graph.longs(path + ".joined_shape_l" + index, 0, 0, -1)));
    }
    return options.batchFirst() ? graph.node("Transpose", path, List.of(value), perm(1, 0, 2)) : value;
  }

  /** Both directions' {@code kind} weights of layer {@code index}, gates reordered: [directions, G·H, in]. */
  private static String stacked(RecurrentLayer layer, String kind, int index, String path, GraphBuilder graph) {
    List<NDArray> directions = new ArrayList<>();
    for (String suffix : suffixes(layer, index)) {
      directions.add(reorder(layer, weight(layer, kind + suffix)));
    }
    return graph.initializer(path + "." + kind + "_l" + index + "_onnx", NDArray.stack(directions, 0));
  }

  /** ONNX's B: each direction's input biases then its recurrent biases, gates reordered: [directions, 2·G·H]. */
  private static String biases(RecurrentLayer layer, int index, String path, GraphBuilder graph) {
    List<NDArray> directions = new ArrayList<>();
    for (String suffix : suffixes(layer, index)) {
      directions.add(NDArray.concatenate(List.of(reorder(layer, weight(layer, "bias_ih" + suffix)),
          reorder(layer, weight(layer, "bias_hh" + suffix))), 0));
    }
    return graph.initializer(path + ".bias_l" + index + "_onnx", NDArray.stack(directions, 0));
  }

  private static List<String> suffixes(RecurrentLayer layer, int index) {
    return layer.options().bidirectional() ? List.of("_l" + index, "_l" + index + "_reverse") : List.of("_l" + index);
  }

  private static NDArray weight(RecurrentLayer layer, String name) {
    Map<String, Parameter> parameters = layer.parameters();
    return parameters.get(name).value();
  }

  /** The gate blocks along axis 0 in ONNX's order. */
  private static NDArray reorder(RecurrentLayer layer, NDArray weights) {
    int[] order = layer instanceof LSTM ? LSTM_GATES : GRU_GATES;
    int hidden = layer.hiddenSize();
    List<NDArray> blocks = new ArrayList<>();
    for (int block : order) {
      blocks.add(weights.slice(0, block * hidden, (block + 1) * hidden, 1));
    }
    return NDArray.concatenate(blocks, 0);
  }

  private static OnnxAttribute perm(long... axes) {
    return OnnxAttribute.ofInts("perm", java.util.Arrays.stream(axes).boxed().toList());
  }
}
