package dev.ruru.onnx.export;

import dev.ruru.array.NDArray;
import dev.ruru.onnx.proto.OnnxAttribute;
import dev.ruru.onnx.proto.OnnxGraph;
import dev.ruru.onnx.proto.OnnxModel;
import dev.ruru.onnx.proto.OnnxNode;
import dev.ruru.onnx.proto.OnnxTensor;
import dev.ruru.onnx.proto.OnnxValueInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the nodes and initializers of a graph being exported. Each node's output is named after the
 * layer path that made it ({@code /3/Conv}), as PyTorch names its exports, so a graph reads like its model.
 */
public final class GraphBuilder {
  /** The opset the exporter writes: 14, what PyTorch 1.13 writes by default, read by every current runtime. */
  public static final long OPSET = 14;

  private final List<OnnxNode> nodes = new ArrayList<>();
  private final List<OnnxTensor> initializers = new ArrayList<>();
  private final Map<String, Integer> used = new LinkedHashMap<>();

  /** Adds a weight under {@code name} and returns the name. */
  public String initializer(String name, NDArray value) {
    initializers.add(OnnxTensor.of(name, value.copy()));
    return name;
  }

  /** Adds a node of {@code opType} for the layer at {@code path} and returns its output's name. */
  public String node(String opType, String path, List<String> inputs, OnnxAttribute... attributes) {
    String base = "/" + path.replace('.', '/') + (path.isEmpty() ? "" : "/") + opType;
    int count = used.merge(base, 1, Integer::sum);
    String name = count == 1 ? base : base + "_" + (count - 1);
    Map<String, OnnxAttribute> byName = new LinkedHashMap<>();
    Arrays.stream(attributes).forEach(attribute -> byName.put(attribute.name(), attribute));
    String output = name + "_output_0";
    nodes.add(new OnnxNode(name, opType, "", inputs, List.of(output), byName));
    return output;
  }

  /** An int64 vector initializer (a shape), named after the node that reads it. */
  public String longs(String name, long... values) {
    return initializer(name, NDArray.of(values, values.length));
  }

  /** The finished model: {@code input} and {@code output} renamed to the given value infos. */
  public OnnxModel build(OnnxValueInfo input, String lastValue, OnnxValueInfo output) {
    List<OnnxNode> renamed = nodes.stream().map(node -> rename(node, lastValue, output.name())).toList();
    OnnxGraph graph = new OnnxGraph("ruru", renamed, initializers, List.of(input), List.of(output));
    return new OnnxModel(8, Map.of("", OPSET), "ruru", "0.1.0", graph);
  }

  private static OnnxNode rename(OnnxNode node, String from, String to) {
    List<String> outputs = node.outputs().stream().map(name -> name.equals(from) ? to : name).toList();
    return new OnnxNode(node.name(), node.opType(), node.domain(), node.inputs(), outputs, node.attributes());
  }
}
