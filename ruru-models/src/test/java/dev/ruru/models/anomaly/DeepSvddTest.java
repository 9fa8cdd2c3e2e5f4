package dev.ruru.models.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Deep SVDD's centre, loss, gradient and scores against Ruff et al.'s PyTorch formulation (make_svdd_fixtures.py). */
class DeepSvddTest {
  private static void assertClose(String what, NDArray expected, NDArray actual, double relative) {
    assertEquals(expected.shape(), actual.shape(), what + ": shape");
    double scale = expected.abs().max().item();
    double worst = expected.astype(actual.dtype()).sub(actual).abs().max().item();
    assertTrue(worst <= relative * scale + 1e-7, what + ": largest difference " + worst + " for values up to " + scale);
  }

  @Test
  void centreLossGradientAndScoresMatchPyTorch() throws Exception {
    Map<String, NDArray> f = Npz.read(Path.of(DeepSvddTest.class.getResource("/anomaly/svdd.npz").toURI()));
    Layer network = DeepSvdd.network(new SplittableRandom(1));
    Map<String, NDArray> state = new LinkedHashMap<>();
    f.forEach((key, value) -> {
      if (key.startsWith("net.")) {
        state.put(key.substring(4), value);
      }
    });
    network.loadStateDict(state);
    NDArray images = f.get("images");

    NDArray centre = DeepSvdd.centre(network, images);
    assertClose("centre", f.get("centre"), centre, 1e-5);
    DeepSvddObjective objective = new DeepSvddObjective(network, centre, 1e-4);
    Tensor loss = objective.loss(images, Mode.TRAIN);
    assertEquals(f.get("loss").item(), loss.item(), 1e-5 * f.get("loss").item(), "loss");
    Map<String, Parameter> first = Map.of("w", network.parameters().get("1.weight"));
    NDArray gradient = Params.gradients(first, loss.backward(Params.tensors(first))).get(first.get("w"));
    assertClose("gradient by the first convolution's weight", f.get("grad"), gradient, 1e-4);
    assertClose("evaluation-mode scores", f.get("scores"), objective.detector().scores(images), 1e-4);
  }

  @Test
  void onlyWeightsAreTrainedNotBatchNormScaleAndShift() {
    Layer network = DeepSvdd.network(new SplittableRandom(1));
    assertEquals(java.util.List.of("1.weight", "5.weight", "10.weight"), java.util.List.copyOf(DeepSvdd.trainableParameters(network).keySet()));
    assertTrue(network.parameters().keySet().stream().noneMatch(name -> name.endsWith("bias") && !name.startsWith("2.") && !name.startsWith("6.")),
        "no bias terms except batch normalisation's fixed shift");
  }

  @Test
  void centreCoordinatesNearZeroMoveToEpsilon() {
    // A network that outputs zeros: every coordinate of c becomes +ε.
    Layer zeros = (input, mode) -> Tensor.constant(NDArray.zeros(dev.ruru.array.Shape.of(input.shape().dim(0), DeepSvdd.CODE)));
    NDArray centre = DeepSvdd.centre(zeros, NDArray.zeros(dev.ruru.array.Shape.of(3, 28, 28)));
    assertEquals(NDArray.full(dev.ruru.array.Shape.of(DeepSvdd.CODE), DeepSvdd.EPSILON, dev.ruru.array.DType.FLOAT32), centre);
  }
}
