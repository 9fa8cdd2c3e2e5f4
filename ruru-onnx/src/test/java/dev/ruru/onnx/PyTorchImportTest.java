package dev.ruru.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Losses;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Params;
import dev.ruru.onnx.proto.OnnxDecoder;
import dev.ruru.onnx.proto.OnnxGraph;
import dev.ruru.onnx.proto.OnnxModel;
import dev.ruru.onnx.proto.OnnxNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Models exported by PyTorch 1.13's torch.onnx.export (ruru-onnx/scripts/export_pytorch_fixtures.py) give
 * PyTorch's outputs when Ruru imports and runs them.
 */
class PyTorchImportTest {
  static Path fixture(String name) {
    try {
      return Path.of(PyTorchImportTest.class.getResource("/dev/ruru/onnx/pytorch/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "cnn", "resnet", "lstm", "transformer"})
  void importedModelsGivePyTorchsOutputs(String name) throws IOException {
    OnnxLayer model = OnnxImport.read(fixture(name + ".onnx"));
    Map<String, NDArray> reference = Npz.read(fixture(name + ".npz"));
    NDArray expected = reference.get("output");
    Tensor input = Tensor.constant(reference.get("input"));
    assertMatches(expected, model.forward(input).value(), name);
    // Inference twice: its fast paths, and again with whatever the first run kept.
    for (int run = 1; run <= 2; run++) {
      assertMatches(expected, Autodiff.noGrad(() -> model.forward(input).value()), name + ", inference run " + run);
    }
  }

  private static void assertMatches(NDArray expected, NDArray output, String what) {
    assertEquals(expected.shape(), output.shape(), what);
    double error = output.sub(expected).abs().max().item();
    assertTrue(error < 2e-5, what + ": largest difference from PyTorch " + error);
  }

  @Test
  void anImportedCnnFineTunesAndItsBatchNormStatisticsMove() throws IOException {
    OnnxLayer model = OnnxImport.read(fixture("cnn.onnx"));
    NDArray images = Npz.read(fixture("cnn.npz")).get("input");
    NDArray labels = NDArray.of(new long[] {1, 4, 7}, 3);
    NDArray meanBefore = model.buffers().get("features.1.running_mean").value();
    double first = 0;
    double last = 0;
    for (int step = 0; step < 5; step++) {
      Tensor loss = Losses.crossEntropy(model.forward(Tensor.constant(images), Mode.TRAIN), labels);
      Gradients gradients = loss.backward(Params.tensors(model.parameters()));
      model.parameters().values().forEach(p -> p.update(value -> value.addScaledInPlace(gradients.get(p.tensor()), -0.05)));
      first = step == 0 ? loss.item() : first;
      last = loss.item();
    }
    assertTrue(last < 0.75 * first, "loss went from " + first + " to " + last);
    assertTrue(model.buffers().get("features.1.running_mean").value().sub(meanBefore).abs().max().item() > 1e-3);
    assertTrue(model.stateDict().containsKey("classifier.1.weight"));
  }

  @Test
  void everyUnsupportedOperatorIsNamedInOneErrorWithItsNodes() throws IOException {
    OnnxModel model = OnnxDecoder.read(fixture("mlp.onnx"));
    List<OnnxNode> nodes = new ArrayList<>(model.graph().nodes());
    nodes.set(2, rename(nodes.get(2), "Erf"));
    nodes.set(4, rename(nodes.get(4), "Erf"));
    nodes.set(0, rename(nodes.get(0), "Frobnicate"));
    OnnxGraph graph = model.graph();
    OnnxModel edited = new OnnxModel(model.irVersion(), model.opsets(), "", "",
        new OnnxGraph(graph.name(), nodes, graph.initializers(), graph.inputs(), graph.outputs()));
    UnsupportedOperatorException error = assertThrows(UnsupportedOperatorException.class, () -> OnnxImport.of(edited));
    assertTrue(error.getMessage().startsWith("ONNX import: unsupported operators: Frobnicate (node /net/net.0/Flatten), "
        + "Erf (nodes /net/net.2/Relu, /net/net.4/Tanh); Ruru runs Abs, Acosh, Add, "), error.getMessage());
  }

  private static OnnxNode rename(OnnxNode node, String opType) {
    return new OnnxNode(node.name(), opType, node.domain(), node.inputs(), node.outputs(), node.attributes());
  }
}
