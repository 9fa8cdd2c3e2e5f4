package dev.ruru.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.io.Npz;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Params;
import dev.ruru.onnx.proto.ElementType;
import dev.ruru.onnx.proto.OnnxAttribute;
import dev.ruru.onnx.proto.OnnxGraph;
import dev.ruru.onnx.proto.OnnxModel;
import dev.ruru.onnx.proto.OnnxNode;
import dev.ruru.onnx.proto.OnnxTensor;
import dev.ruru.onnx.proto.OnnxValueInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What imported graphs do to run fast stays correct: the BatchNorm folded into a convolution and kept
 * between inference runs is folded again once a weight or a statistic changes, and an LSTM node run on the
 * fused recurrence gives the outputs and gradients of the same node unrolled step by step.
 */
class InferenceShortcutsTest {
  @Test
  void aKeptFoldedBatchNormIsFoldedAgainWhenAWeightOrAStatisticChanges() throws IOException {
    OnnxLayer model = OnnxImport.read(PyTorchImportTest.fixture("cnn.onnx"));
    NDArray images = Npz.read(PyTorchImportTest.fixture("cnn.npz")).get("input");
    NDArray before = infer(model, images);
    assertClose(before, infer(model, images), "a second run with the kept fold");
    // In place, as an optimiser's step changes it: the same array, a new version.
    model.parameters().get("features.1.weight").update(value -> value.assignInPlace(value.mul(NDArray.scalar(1.5, value.dtype()))));
    NDArray scaled = infer(model, images);
    assertClose(infer(OnnxImport.of(OnnxImport.toModel(model)), images), scaled, "after changing the BatchNorm's weight in place");
    assertTrue(scaled.sub(before).abs().max().item() > 1e-3, "the output must change with the weight");
    NDArray mean = model.buffers().get("features.5.running_mean").value();
    model.buffers().get("features.5.running_mean").set(mean.add(NDArray.scalar(0.5, mean.dtype())));
    NDArray shifted = infer(model, images);
    assertClose(infer(OnnxImport.of(OnnxImport.toModel(model)), images), shifted, "after replacing a running mean");
    assertTrue(shifted.sub(scaled).abs().max().item() > 1e-3, "the output must change with the running mean");
  }

  @Test
  void keptReorderedLstmWeightsAreReorderedAgainWhenTheyChange() throws IOException {
    OnnxLayer model = OnnxImport.read(PyTorchImportTest.fixture("lstm.onnx"));
    NDArray sequences = Npz.read(PyTorchImportTest.fixture("lstm.npz")).get("input");
    NDArray before = infer(model, sequences);
    assertClose(before, infer(model, sequences), "a second run with the kept weights");
    for (String name : new String[] {"onnx::LSTM_193", "onnx::LSTM_214"}) {
      model.parameters().get(name).update(value -> value.assignInPlace(value.mul(NDArray.scalar(0.5, value.dtype()))));
      NDArray changed = infer(model, sequences);
      assertClose(infer(OnnxImport.of(OnnxImport.toModel(model)), sequences), changed, "after changing " + name + " in place");
      assertTrue(changed.sub(before).abs().max().item() > 1e-4, "the output must change with " + name);
      before = changed;
    }
  }

  @Test
  void theFusedLstmGivesTheUnrolledStepsOutputsAndGradients() {
    // Zero peepholes change nothing but send the node down the unrolled path: the oracle.
    for (String direction : new String[] {"forward", "reverse", "bidirectional"}) {
      SplittableRandom rng = new SplittableRandom(direction.length());
      int dirs = direction.equals("bidirectional") ? 2 : 1;
      Map<String, NDArray> weights = new LinkedHashMap<>();
      weights.put("W", NDArray.randn(Shape.of(dirs, 4 * 3, 5), rng).astype(DType.FLOAT32));
      weights.put("R", NDArray.randn(Shape.of(dirs, 4 * 3, 3), rng).astype(DType.FLOAT32));
      weights.put("B", NDArray.randn(Shape.of(dirs, 8 * 3), rng).astype(DType.FLOAT32));
      NDArray x = NDArray.randn(Shape.of(4, 2, 5), rng).astype(DType.FLOAT32);
      NDArray probe = NDArray.randn(Shape.of(4, dirs, 2, 3), rng).astype(DType.FLOAT32);
      OnnxLayer fused = lstm(direction, weights, false);
      OnnxLayer unrolled = lstm(direction, weights, true);
      Tensor fusedLoss = fused.forward(Tensor.constant(x), Mode.TRAIN).mul(Tensor.constant(probe)).sum();
      Tensor unrolledLoss = unrolled.forward(Tensor.constant(x), Mode.TRAIN).mul(Tensor.constant(probe)).sum();
      assertClose(unrolledLoss.value(), fusedLoss.value(), direction + " loss");
      Gradients fusedGradients = fusedLoss.backward(Params.tensors(fused.parameters()));
      Gradients unrolledGradients = unrolledLoss.backward(Params.tensors(unrolled.parameters()));
      for (String name : weights.keySet()) {
        assertClose(unrolledGradients.get(unrolled.parameters().get(name).tensor()), fusedGradients.get(fused.parameters().get(name).tensor()),
            direction + " gradient of " + name);
      }
    }
  }

  /** One LSTM node, hidden size 3, over X [4, 2, 5]; with {@code peepholes}, zero ones. */
  private static OnnxLayer lstm(String direction, Map<String, NDArray> weights, boolean peepholes) {
    List<OnnxTensor> initializers = new ArrayList<>();
    weights.forEach((name, value) -> initializers.add(OnnxTensor.of(name, value)));
    List<String> inputs = new ArrayList<>(List.of("X", "W", "R", "B"));
    if (peepholes) {
      initializers.add(OnnxTensor.of("P", NDArray.zeros(Shape.of(weights.get("B").dim(0), 9), DType.FLOAT32)));
      inputs.addAll(List.of("", "", "", "P"));
    }
    OnnxNode node = new OnnxNode("lstm", "LSTM", "", inputs, List.of("Y"), Map.of("hidden_size", OnnxAttribute.ofInt("hidden_size", 3),
        "direction", OnnxAttribute.ofString("direction", direction)));
    int type = ElementType.of(DType.FLOAT32);
    OnnxGraph graph = new OnnxGraph("lstm", List.of(node), initializers, List.of(new OnnxValueInfo("X", type, List.of("4", "2", "5"))),
        List.of(new OnnxValueInfo("Y", type, List.of())));
    return OnnxImport.of(new OnnxModel(8, Map.of("", 14L), "test", "", graph));
  }

  private static NDArray infer(OnnxLayer model, NDArray input) {
    return Autodiff.noGrad(() -> model.forward(Tensor.constant(input)).value());
  }

  private static void assertClose(NDArray expected, NDArray actual, String when) {
    double error = actual.sub(expected).abs().max().item();
    assertTrue(error < 1e-5, when + ": largest difference " + error);
  }
}
