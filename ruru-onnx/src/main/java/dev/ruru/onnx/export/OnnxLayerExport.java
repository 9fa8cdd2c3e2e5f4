package dev.ruru.onnx.export;

import dev.ruru.array.Shape;
import dev.ruru.nn.Layer;
import dev.ruru.onnx.OnnxImport;
import dev.ruru.onnx.OnnxLayer;
import dev.ruru.onnx.proto.OnnxModel;
import dev.ruru.onnx.proto.OnnxNode;
import dev.ruru.onnx.proto.OnnxTensor;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An imported graph ({@link OnnxLayer}) inside a Ruru model, such as a fine-tuned network with a new head,
 * written back as its own nodes with its current weights: every value is renamed under the layer's path
 * ({@code 1.features.0.weight}, the model's state-dictionary name), its input becomes the value the
 * layer reads, and its first output the value the next layer reads.
 */
final class OnnxLayerExport {
  private OnnxLayerExport() {}

  static String export(Layer layer, String path, String in, Shape inShape, Shape outShape, GraphBuilder graph) {
    OnnxLayer onnx = (OnnxLayer) layer;
    if (onnx.inputs().size() != 1) {
      throw new IllegalArgumentException("ONNX export: the imported graph at " + path + " takes " + onnx.inputs().size() + " inputs "
          + onnx.inputs() + "; inside a model it must take one");
    }
    OnnxModel model = OnnxImport.toModel(onnx);
    graph.useOpsetOf(model.opsetVersion(), path);
    String input = onnx.inputs().getFirst().name();
    String prefix = path.isEmpty() ? "" : path + ".";
    UnaryOperator<String> rename = name -> name.isEmpty() ? name : name.equals(input) ? in : prefix + name;
    for (OnnxTensor tensor : model.graph().initializers()) {
      graph.initializer(rename.apply(tensor.name()), tensor.value());
    }
    for (OnnxNode node : model.graph().nodes()) {
      List<String> inputs = node.inputs().stream().map(rename).toList();
      List<String> outputs = node.outputs().stream().map(rename).toList();
      graph.add(new OnnxNode(node.name().isEmpty() ? "" : prefix + node.name(), node.opType(), node.domain(), inputs, outputs, node.attributes()));
    }
    return rename.apply(onnx.outputNames().getFirst());
  }
}
