package dev.ruru.onnx.proto;

import java.util.List;

/**
 * A GraphProto: nodes in topological order, the initializers (the trained weights), and the graph's inputs
 * and outputs. Older files list initializers among the inputs too; {@link #runtimeInputs()} leaves those out.
 */
public record OnnxGraph(String name, List<OnnxNode> nodes, List<OnnxTensor> initializers, List<OnnxValueInfo> inputs,
    List<OnnxValueInfo> outputs) {
  public OnnxGraph {
    nodes = List.copyOf(nodes);
    initializers = List.copyOf(initializers);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** The inputs a caller supplies: those that are not also initializers. */
  public List<OnnxValueInfo> runtimeInputs() {
    java.util.Set<String> constants = new java.util.HashSet<>();
    initializers.forEach(tensor -> constants.add(tensor.name()));
    return inputs.stream().filter(input -> !constants.contains(input.name())).toList();
  }
}
