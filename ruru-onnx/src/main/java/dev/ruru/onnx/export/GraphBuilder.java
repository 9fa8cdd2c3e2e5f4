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
  private long opset = OPSET;

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

  /** Adds a node as it is (an imported graph's, renamed by the caller). */
  void add(OnnxNode node) {
    nodes.add(node);
  }

  /**
   * Writes the file for {@code imported}'s opset when a graph of it is inlined: the operators this exporter
   * writes mean the same from opset 13 (Softmax on one axis, Split and Squeeze axes as inputs) up to 17
   * (ReduceMean's axes become an input at 18), so graphs of those opsets mix with them.
   */
  void useOpsetOf(long imported, String path) {
    if (imported < 13 || imported > 17) {
      throw new IllegalArgumentException("ONNX export: the imported graph at " + (path.isEmpty() ? "the top" : path) + " is written for opset "
          + imported + "; Ruru inlines imported graphs of opsets 13 to 17 (re-export it from PyTorch with opset_version=14)");
    }
    opset = Math.max(opset, imported);
  }

  /** An int64 vector initializer (a shape), named after the node that reads it. */
  public String longs(String name, long... values) {
    return initializer(name, NDArray.of(values, values.length));
  }

  /** The finished model: {@code input} and {@code output} renamed to the given value infos. */
  public OnnxModel build(OnnxValueInfo input, String lastValue, OnnxValueInfo output) {
    List<OnnxNode> renamed = nodes.stream().map(node -> rename(node, lastValue, output.name())).toList();
    OnnxGraph graph = new OnnxGraph("ruru", renamed, initializers, List.of(input), List.of(output));
    return new OnnxModel(8, Map.of("", opset), "ruru", "0.1.0", graph);
  }

  private static OnnxNode rename(OnnxNode node, String from, String to) {
    List<String> outputs = node.outputs().stream().map(name -> name.equals(from) ? to : name).toList();
    return new OnnxNode(node.name(), node.opType(), node.domain(), node.inputs(), outputs, node.attributes());
  }
}
