package dev.ruru.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Losses;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class OptimizerStateTest {
  private static final NDArray X = NDArray.randn(Shape.of(16, 5), new SplittableRandom(1));
  private static final NDArray Y = NDArray.of(new long[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0}, 16);

  private static Sequential model() {
    SplittableRandom rng = new SplittableRandom(3);
    return new Sequential(new Linear(5, 8, rng), new ReLU(), new Linear(8, 3, rng));
  }

  private static void train(Sequential model, Optimizer optimizer, int steps) {
    for (int i = 0; i < steps; i++) {
      Tensor loss = Losses.crossEntropy(model.forward(Tensor.constant(X), Mode.TRAIN), Y);
      optimizer.step(loss.backward(Params.tensors(model.parameters())));
    }
  }

  /** Resuming from (model state, optimiser state) after 3 steps gives bit-identical parameters after 6. */
  private static void assertResumesExactly(Function<Map<String, Parameter>, Optimizer> make) {
    Sequential straight = model();
    train(straight, make.apply(straight.parameters()), 6);
    Sequential first = model();
    Optimizer firstOptimizer = make.apply(first.parameters());
    train(first, firstOptimizer, 3);
    Map<String, NDArray> modelState = first.stateDict();
    Map<String, NDArray> optimizerState = firstOptimizer.stateDict();
    assertEquals(straight.stateDict(), resumeAndTrain(make, modelState, optimizerState));
    // The optimisers change their arrays in place: the dictionaries taken after step 3 must not follow.
    train(first, firstOptimizer, 1);
    assertEquals(straight.stateDict(), resumeAndTrain(make, modelState, optimizerState));
  }

  /** A fresh model and optimiser loaded from the two state dictionaries, then trained 3 steps: the model's state. */
  private static Map<String, NDArray> resumeAndTrain(Function<Map<String, Parameter>, Optimizer> make, Map<String, NDArray> modelState,
                                                     Map<String, NDArray> optimizerState) {
    Sequential resumed = model();
    resumed.loadStateDict(modelState);
    Optimizer optimizer = make.apply(resumed.parameters());
    optimizer.loadStateDict(optimizerState);
    train(resumed, optimizer, 3);
    return resumed.stateDict();
  }

  @Test
  void aStepLeavesTheGradientsAsTheyWere() {
    List<Function<Map<String, Parameter>, Optimizer>> makers = List.of(
        p -> new Sgd(p, new SgdConfig(0.1, 0.9).withWeightDecay(0.01)),
        p -> new Adam(p, AdamConfig.adam(0.01)),
        p -> new RmsProp(p, RmsPropConfig.of(0.01).withMomentum(0.5).centered()),
        p -> new Adagrad(p, AdagradConfig.of(0.1)));
    for (Function<Map<String, Parameter>, Optimizer> make : makers) {
      Sequential model = model();
      Optimizer optimizer = make.apply(model.parameters());
      for (int step = 0; step < 2; step++) {
        Tensor loss = Losses.crossEntropy(model.forward(Tensor.constant(X), Mode.TRAIN), Y);
        var gradients = loss.backward(Params.tensors(model.parameters()));
        Map<Parameter, NDArray> before = new LinkedHashMap<>();
        model.parameters().values().forEach(p -> before.put(p, gradients.get(p.tensor()).copy()));
        optimizer.step(gradients);
        before.forEach((p, g) -> assertEquals(g, gradients.get(p.tensor()), optimizer + ": the step changed a gradient"));
      }
    }
  }

  @Test
  void everyOptimizerResumesExactlyFromItsState() {
    assertResumesExactly(p -> new Sgd(p, new SgdConfig(0.1, 0.9).withNesterov()));
    assertResumesExactly(p -> new Adam(p, AdamConfig.adamW(0.01)));
    assertResumesExactly(p -> new RmsProp(p, RmsPropConfig.of(0.01).withMomentum(0.5).centered()));
    assertResumesExactly(p -> new Adagrad(p, AdagradConfig.of(0.1).withLearningRateDecay(0.1)));
  }

  @Test
  void stateIsKeyedByParameterPathWithStepCountsAndLearningRate() {
    Sequential model = model();
    Optimizer adam = new Adam(model.parameters(), AdamConfig.adam(0.01));
    assertEquals(List.of("learning_rate"), List.copyOf(adam.stateDict().keySet()));
    train(model, adam, 2);
    adam.setLearningRate(0.005);
    Map<String, NDArray> state = adam.stateDict();
    assertEquals(1 + 4 * 3, state.size());
    assertEquals(2.0, state.get("0.weight.step").item());
    assertEquals(DType.INT64, state.get("0.weight.step").dtype());
    assertEquals(Shape.of(8, 5), state.get("0.weight.exp_avg").shape());
    assertEquals(0.005, state.get("learning_rate").item());
  }

  @Test
  void loadStateDictNamesEveryProblemAndChangesNothing() {
    Sequential model = model();
    Optimizer sgd = new Sgd(model.parameters(), new SgdConfig(0.1, 0.9));
    train(model, sgd, 1);
    Map<String, NDArray> before = sgd.stateDict();
    Map<String, NDArray> state = new LinkedHashMap<>(before);
    state.put("0.weight.momentum_buffer", NDArray.zeros(Shape.of(2, 2)));
    state.put("9.weight.momentum_buffer", NDArray.zeros(Shape.of(2, 2)));
    state.put("2.bias.exp_avg", NDArray.zeros(Shape.of(3)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(state));
    assertEquals("Sgd.loadStateDict: entry '0.weight.momentum_buffer' is float32 [2, 2] but the parameter is float32 [8, 5]; "
        + "unexpected entry '9.weight.momentum_buffer' (no parameter of that path); "
        + "unexpected entry '2.bias.exp_avg' (Sgd keeps [momentum_buffer]); nothing was loaded", e.getMessage());
    assertEquals(before, sgd.stateDict());
  }

  @Test
  void invalidHyperParametersNameTheValueAndTheRange() {
    assertMessage("Invalid learning rate: -0.1 (must be > 0)", () -> new SgdConfig(-0.1));
    assertMessage("Invalid momentum: 1.0 (must be in [0, 1))", () -> new SgdConfig(0.1, 1.0));
    assertMessage("Invalid weight decay: -1.0 (must be >= 0)", () -> new SgdConfig(0.1).withWeightDecay(-1));
    assertMessage("Invalid Nesterov momentum: it needs a momentum > 0 and zero dampening, got momentum 0.0 and dampening 0.0",
        () -> new SgdConfig(0.1).withNesterov());
    assertMessage("Invalid beta2: 1.0 (must be in [0, 1))", () -> AdamConfig.adam(0.1).withBetas(0.9, 1.0));
    assertMessage("Invalid epsilon: -1.0E-8 (must be >= 0)", () -> RmsPropConfig.of(0.01).withEpsilon(-1e-8));
    assertMessage("Invalid learning rate decay: -0.5 (must be >= 0)", () -> AdagradConfig.of(0.01).withLearningRateDecay(-0.5));
    assertMessage("Invalid learning rate: 0.0 (must be > 0)", () -> new Sgd(model().parameters(), new SgdConfig(0.1)).setLearningRate(0));
  }

  @Test
  void parameterGroupsSplitWeightDecayAndRejectSharedParameters() {
    Sequential model = model();
    List<ParameterGroup<SgdConfig>> groups = ParameterGroup.splitWeightDecay(model.parameters(), new SgdConfig(0.1).withWeightDecay(0.1));
    assertEquals(List.of("0.weight", "2.weight"), List.copyOf(groups.get(0).parameters().keySet()));
    assertEquals(List.of("0.bias", "2.bias"), List.copyOf(groups.get(1).parameters().keySet()));
    assertEquals(0.0, groups.get(1).config().weightDecay());
    assertEquals(List.of("0.weight", "2.weight", "0.bias", "2.bias"), List.copyOf(new Sgd(groups).parameters().keySet()));
    Map<String, Parameter> all = model.parameters();
    assertMessage("Sgd: parameter '0.weight' appears in two groups (or twice)", () -> new Sgd(List.of(
        new ParameterGroup<>(all, new SgdConfig(0.1)), new ParameterGroup<>(Params.of("0.weight", all.get("0.weight")), new SgdConfig(0.2)))));
  }

  @Test
  void settingTheLearningRateKeepsEachGroupsRatio() {
    Parameter a = new Parameter(NDArray.zeros(Shape.of(1), DType.FLOAT64));
    Parameter b = new Parameter(NDArray.zeros(Shape.of(1), DType.FLOAT64));
    Sgd sgd = new Sgd(List.of(new ParameterGroup<>(Params.of("a", a), new SgdConfig(0.1)),
        new ParameterGroup<>(Params.of("b", b), new SgdConfig(0.3))));
    sgd.setLearningRate(0.05);
    NDArray one = NDArray.ones(Shape.of(1), DType.FLOAT64);
    Map<Parameter, NDArray> gradients = new LinkedHashMap<>();
    gradients.put(a, one);
    gradients.put(b, one);
    sgd.step(gradients);
    assertEquals(-0.05, a.value().item(), 1e-15);
    assertEquals(-0.15, b.value().item(), 1e-15);
    assertEquals(0.05, sgd.learningRate());
  }

  @Test
  void stepRejectsForeignParametersAndSkipsParametersWithoutGradients() {
    Sequential model = model();
    Sgd sgd = new Sgd(Params.of("0.weight", model.parameters().get("0.weight")), new SgdConfig(0.1));
    Parameter stranger = new Parameter(NDArray.zeros(Shape.of(2)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd.step(Map.of(stranger, NDArray.zeros(Shape.of(2)))));
    assertTrue(e.getMessage().startsWith("Sgd.step: a gradient was given for a parameter this optimizer does not manage"), e.getMessage());
    NDArray bias = model.parameters().get("0.bias").value();
    train(model, sgd, 1);
    assertEquals(bias, model.parameters().get("0.bias").value(), "a parameter outside the optimizer is not touched");
  }

  private static void assertMessage(String expected, Executable body) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, body).getMessage());
  }
}
