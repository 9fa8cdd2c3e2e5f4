package dev.ruru.onnx;

import dev.ruru.nn.Buffer;
import dev.ruru.nn.Parameter;
import dev.ruru.onnx.proto.OnnxDecoder;
import dev.ruru.onnx.proto.OnnxGraph;
import dev.ruru.onnx.proto.OnnxModel;
import dev.ruru.onnx.proto.OnnxNode;
import dev.ruru.onnx.proto.OnnxTensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads .onnx files as Ruru layers. Every operator is checked before anything runs: a graph that uses
 * operators Ruru does not run is refused with one error naming all of them and their nodes.
 *
 * <pre>{@code
 * OnnxLayer model = OnnxImport.read(Path.of("resnet.onnx"));
 * Tensor logits = model.forward(Tensor.constant(images));
 * }</pre>
 */
public final class OnnxImport {
  private OnnxImport() {}

  public static OnnxLayer read(Path file) throws IOException {
    return of(OnnxDecoder.read(file));
  }

  /** A layer running {@code model}'s graph; throws {@link UnsupportedOperatorException} naming every op it lacks. */
  public static OnnxLayer of(OnnxModel model) {
    Map<String, List<String>> unsupported = new LinkedHashMap<>();
    for (OnnxNode node : model.graph().nodes()) {
      if (Operators.find(node.domain(), node.opType()) == null) {
        String op = node.domain().isEmpty() ? node.opType() : node.domain() + "." + node.opType();
        unsupported.computeIfAbsent(op, key -> new ArrayList<>()).add(node.label());
      }
    }
    if (!unsupported.isEmpty()) {
      StringBuilder message = new StringBuilder("ONNX import: unsupported operators: ");
      unsupported.forEach((op, nodes) -> message.append(op).append(" (node").append(nodes.size() > 1 ? "s " : " ")
          .append(String.join(", ", nodes.subList(0, Math.min(nodes.size(), 5)))).append(nodes.size() > 5 ? ", ..." : "").append("), "));
      message.setLength(message.length() - 2);
      throw new UnsupportedOperatorException(message + "; Ruru runs " + String.join(", ", Operators.supported()));
    }
    return new OnnxLayer(model);
  }

  /** The layer's graph with its current weights (after fine-tuning) as initializers, ready to write. */
  public static OnnxModel toModel(OnnxLayer layer) {
    OnnxModel model = layer.model();
    Map<String, Parameter> parameters = layer.parameters();
    Map<String, Buffer> buffers = layer.buffers();
    List<OnnxTensor> initializers = new ArrayList<>();
    for (OnnxTensor tensor : model.graph().initializers()) {
      Parameter parameter = parameters.get(tensor.name());
      Buffer buffer = buffers.get(tensor.name());
      initializers.add(parameter != null ? new OnnxTensor(tensor.name(), tensor.elementType(), parameter.value().copy())
          : buffer != null ? new OnnxTensor(tensor.name(), tensor.elementType(), buffer.value()) : tensor);
    }
    OnnxGraph graph = model.graph();
    return new OnnxModel(model.irVersion(), model.opsets(), model.producerName(), model.producerVersion(),
        new OnnxGraph(graph.name(), graph.nodes(), initializers, graph.inputs(), graph.outputs()));
  }
}
