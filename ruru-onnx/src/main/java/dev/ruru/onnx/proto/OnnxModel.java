package dev.ruru.onnx.proto;

import java.util.Map;

/**
 * A ModelProto: the graph plus the versions it was written for. {@code opsets} maps an operator domain
 * ("" is the default ONNX domain) to its version.
 */
public record OnnxModel(long irVersion, Map<String, Long> opsets, String producerName, String producerVersion, OnnxGraph graph) {
  public OnnxModel {
    opsets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(opsets));
  }

  /** The default domain's opset version, 1 when the file does not say (as onnx.proto specifies). */
  public long opsetVersion() {
    return opsets.getOrDefault("", opsets.getOrDefault("ai.onnx", 1L));
  }
}
