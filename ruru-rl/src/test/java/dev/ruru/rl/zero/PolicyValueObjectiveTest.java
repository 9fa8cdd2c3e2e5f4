package dev.ruru.rl.zero;

import static dev.ruru.rl.games.ConnectionGame.TIC_TAC_TOE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import dev.ruru.autodiff.Gradients;
import dev.ruru.data.Batch;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.optim.Sgd;
import dev.ruru.optim.SgdConfig;
import dev.ruru.train.objective.Objective;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The AlphaZero loss and its gradients against PyTorch (src/test/resources/torch/make_policy_value_fixture.py). */
class PolicyValueObjectiveTest {
  @Test
  void lossAndGradientsMatchPyTorch() throws Exception {
    Map<String, NDArray> fixture = Npz.read(Path.of("src/test/resources/torch/policy_value_loss.npz"));
    PolicyValueNet network = new PolicyValueNet(TIC_TAC_TOE, 16, new SplittableRandom(0));
    Map<String, NDArray> weights = new LinkedHashMap<>();
    network.stateDict().keySet().forEach(name -> weights.put(name, fixture.get(name)));
    network.loadStateDict(weights);
    PolicyValueObjective objective = new PolicyValueObjective(network, new Sgd(network.parameters(), new SgdConfig(0.1, 0)));

    Objective.Result result = objective.compute(new Batch(fixture.get("features"), fixture.get("labels")), objective.phases().get(0), Mode.TRAIN);

    assertEquals(fixture.get("loss").item(), result.loss().item(), 1e-5);
    assertEquals(fixture.get("policy_loss").item(), result.metrics().get("policy_loss"), 1e-5);
    assertEquals(fixture.get("value_loss").item(), result.metrics().get("value_loss"), 1e-5);
    Gradients gradients = result.loss().backward(Params.tensors(network.parameters()));
    Map<Parameter, NDArray> byParameter = Params.gradients(network.parameters(), gradients);
    network.parameters().forEach((name, parameter) -> {
      float[] expected = fixture.get("grad." + name).toFloatArray();
      float[] actual = byParameter.get(parameter).toFloatArray();
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], actual[i], 1e-5 + 1e-4 * Math.abs(expected[i]), "gradient of " + name + " at flat index " + i);
      }
    });
  }

  @Test
  void labelsOfTheWrongWidthAreAClearError() {
    PolicyValueNet network = new PolicyValueNet(TIC_TAC_TOE, 8, new SplittableRandom(0));
    PolicyValueObjective objective = new PolicyValueObjective(network, new Sgd(network.parameters(), new SgdConfig(0.1, 0)));
    Batch batch = new Batch(NDArray.zeros(dev.ruru.array.Shape.of(2, 18)), NDArray.zeros(dev.ruru.array.Shape.of(2, 9)));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> objective.compute(batch, objective.phases().get(0), Mode.TRAIN));
    assertEquals("PolicyValueObjective: expected labels [batch, 10] (visit policy, then result), got [2, 9]", error.getMessage());
    IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
        () -> network.forward(dev.ruru.autodiff.Tensor.constant(NDArray.zeros(dev.ruru.array.Shape.of(1, 84)))));
    assertTrue(input.getMessage().startsWith("PolicyValueNet(tictactoe): expected input [batch, 18], got [1, 84]"), input.getMessage());
  }
}
