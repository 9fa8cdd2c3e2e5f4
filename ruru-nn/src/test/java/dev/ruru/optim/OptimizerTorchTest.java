package dev.ruru.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.NDArray;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.nn.TorchFixture;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimiser over three steps from the same start with the same fixed gradients as PyTorch
 * (optimizers.npz, written by make_fixtures.py with the configurations named here), and the state
 * after the third step under PyTorch's names.
 */
class OptimizerTorchTest {
  private static final TorchFixture TORCH = TorchFixture.load("optimizers");

  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("sgd", (Function<Map<String, Parameter>, Optimizer>) p -> new Sgd(p, new SgdConfig(0.1))),
        Arguments.of("sgd_momentum", (Function<Map<String, Parameter>, Optimizer>) p ->
            new Sgd(p, new SgdConfig(0.1, 0.9).withDampening(0.1).withWeightDecay(0.01))),
        Arguments.of("sgd_nesterov", (Function<Map<String, Parameter>, Optimizer>) p ->
            new Sgd(p, new SgdConfig(0.05, 0.8).withNesterov().withWeightDecay(0.02))),
        Arguments.of("adam", (Function<Map<String, Parameter>, Optimizer>) p -> new Adam(p, AdamConfig.adam(0.01).withWeightDecay(0.1))),
        Arguments.of("adamw", (Function<Map<String, Parameter>, Optimizer>) p ->
            new Adam(p, AdamConfig.adamW(0.01).withBetas(0.8, 0.99).withWeightDecay(0.1))),
        Arguments.of("rmsprop", (Function<Map<String, Parameter>, Optimizer>) p -> new RmsProp(p, RmsPropConfig.of(0.01))),
        Arguments.of("rmsprop_centered", (Function<Map<String, Parameter>, Optimizer>) p ->
            new RmsProp(p, RmsPropConfig.of(0.01).withAlpha(0.9).withMomentum(0.9).centered().withWeightDecay(0.01))),
        Arguments.of("adagrad", (Function<Map<String, Parameter>, Optimizer>) p -> new Adagrad(p,
            AdagradConfig.of(0.1).withLearningRateDecay(0.01).withWeightDecay(0.01).withInitialAccumulatorValue(0.1))),
        Arguments.of("sgd_groups", (Function<Map<String, Parameter>, Optimizer>) p -> {
          SgdConfig base = new SgdConfig(0.1, 0.9);
          return new Sgd(List.of(new ParameterGroup<>(Params.of("p0", p.get("p0")), base.withWeightDecay(0.01)),
              new ParameterGroup<>(Params.of("p1", p.get("p1")), base.withLearningRate(0.3))));
        }));
  }

  static Map<String, Parameter> startingParameters() {
    Map<String, Parameter> parameters = new LinkedHashMap<>();
    parameters.put("p0", new Parameter(TORCH.get("p0")));
    parameters.put("p1", new Parameter(TORCH.get("p1")));
    return parameters;
  }

  static Map<Parameter, NDArray> gradients(Map<String, Parameter> parameters, int step) {
    Map<Parameter, NDArray> gradients = new LinkedHashMap<>();
    gradients.put(parameters.get("p0"), TORCH.get("g0_step" + step));
    gradients.put(parameters.get("p1"), TORCH.get("g1_step" + step));
    return gradients;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void threeStepsMatchPyTorch(String name, Function<Map<String, Parameter>, Optimizer> make) {
    Map<String, Parameter> parameters = startingParameters();
    Optimizer optimizer = make.apply(parameters);
    for (int step = 1; step <= 3; step++) {
      optimizer.step(gradients(parameters, step));
      TORCH.assertMatches(name + ".p0_step" + step, parameters.get("p0").value());
      TORCH.assertMatches(name + ".p1_step" + step, parameters.get("p1").value());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void stateAfterThreeStepsHasPyTorchsNamesAndValues(String name, Function<Map<String, Parameter>, Optimizer> make) {
    Map<String, Parameter> parameters = startingParameters();
    Optimizer optimizer = make.apply(parameters);
    for (int step = 1; step <= 3; step++) {
      optimizer.step(gradients(parameters, step));
    }
    Map<String, NDArray> state = optimizer.stateDict();
    Set<String> torchKeys = TORCH.keys().stream()
        .filter(k -> k.startsWith(name + ".p") && !k.contains("_step")).map(k -> k.substring(name.length() + 1)).collect(Collectors.toSet());
    Set<String> ourKeys = new HashSet<>(state.keySet());
    ourKeys.remove("learning_rate");
    assertEquals(torchKeys, ourKeys, name + ": state entries");
    for (String key : ourKeys) {
      if (key.endsWith(".step")) {
        assertEquals(TORCH.get(name + "." + key).item(), state.get(key).item(), key);
      } else {
        TORCH.assertMatches(name + "." + key, state.get(key));
      }
    }
  }
}
