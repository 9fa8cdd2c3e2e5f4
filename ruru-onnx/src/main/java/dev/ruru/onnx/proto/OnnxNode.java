package dev.ruru.onnx.proto;

import java.util.List;
import java.util.Map;

/**
 * A NodeProto: one operator application. Inputs and outputs are value names; an empty input name stands for
 * an optional input that is left out.
 */
public record OnnxNode(String name, String opType, String domain, List<String> inputs, List<String> outputs,
    Map<String, OnnxAttribute> attributes) {
  public OnnxNode {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
  }

  /** The node's name, or its op type and first output when it has none (many exporters leave names out). */
  public String label() {
    return !name.isEmpty() ? name : opType + (outputs.isEmpty() ? "" : " -> " + outputs.getFirst());
  }
}
