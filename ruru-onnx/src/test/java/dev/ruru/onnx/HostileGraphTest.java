package dev.ruru.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import dev.ruru.onnx.proto.ElementType;
import dev.ruru.onnx.proto.OnnxGraph;
import dev.ruru.onnx.proto.OnnxModel;
import dev.ruru.onnx.proto.OnnxNode;
import dev.ruru.onnx.proto.OnnxTensor;
import dev.ruru.onnx.proto.OnnxValueInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Well-formed files whose graphs ask for absurd work are refused with the node named, before allocating. */
class HostileGraphTest {
  private static OnnxModel graph(OnnxNode node, OnnxTensor... initializers) {
    OnnxValueInfo input = new OnnxValueInfo("x", ElementType.FLOAT, List.of("2"));
    OnnxValueInfo output = new OnnxValueInfo(node.outputs().getFirst(), ElementType.FLOAT, List.of());
    return new OnnxModel(8, Map.of("", 14L), "", "", new OnnxGraph("g", List.of(node), List.of(initializers), List.of(input), List.of(output)));
  }

  private static String run(OnnxModel model) {
    OnnxLayer layer = OnnxImport.of(model);
    return assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.constant(NDArray.zeros(Shape.of(2))))).getMessage();
  }

  @Test
  void hugeCreatedTensorsAreRefusedBeforeAllocating() {
    OnnxTensor shape = OnnxTensor.of("shape", NDArray.of(new long[] {1L << 20, 1L << 20}, 2));
    OnnxNode constant = new OnnxNode("big", "ConstantOfShape", "", List.of("shape"), List.of("y"), Map.of());
    assertEquals("ConstantOfShape (big): an output of [1048576, 1048576] would hold more than 2^28 elements; Ruru refuses it before"
        + " allocating; is the file corrupt?", run(graph(constant, shape)));
    OnnxTensor repeats = OnnxTensor.of("repeats", NDArray.of(new long[] {Long.MAX_VALUE}, 1));
    OnnxNode tile = new OnnxNode("tile", "Tile", "", List.of("x", "repeats"), List.of("y"), Map.of());
    assertEquals("Tile (tile): an output of [" + (2 * ((1L << 28) + 1)) + "] would hold more than 2^28 elements; Ruru refuses it"
        + " before allocating; is the file corrupt?", run(graph(tile, repeats)));
  }

  @Test
  void aNodeReadingAValueNothingMadeIsNamed() {
    OnnxNode relu = new OnnxNode("r", "Relu", "", List.of("nowhere"), List.of("y"), Map.of());
    assertEquals("ONNX model: node r reads nowhere, which no input, initializer or earlier node provides; the nodes must be in"
        + " topological order", run(graph(relu)));
  }
}
