package dev.ruru.onnx.export;

import dev.ruru.array.Shape;
import dev.ruru.nn.Layer;

/**
 * How one kind of Ruru layer is written as ONNX nodes: given the layer, its path in the model, the name and
 * shape of its input value, it adds nodes and weights to the graph and returns its output value's name.
 */
@FunctionalInterface
interface LayerExporter {
  String export(Layer layer, String path, String input, Shape inputShape, Shape outputShape, GraphBuilder graph);
}
