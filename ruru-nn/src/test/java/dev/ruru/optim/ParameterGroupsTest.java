package dev.ruru.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ParameterGroupsTest {
  private static final NDArray X = NDArray.randn(Shape.of(8, 5), new SplittableRandom(1));
  private static final NDArray Y = NDArray.of(new long[] {0, 1, 2, 0, 1, 2, 0, 1}, 8);

  private static Sequential model() {
    SplittableRandom rng = new SplittableRandom(3);
    return new Sequential(new Linear(5, 4, rng), new ReLU(), new Linear(4, 3, rng));
  }

  @Test
  void eachPatternGetsItsOwnLearningRateAndWeightDecay() {
    Sequential model = model();
    List<ParameterGroup<SgdConfig>> groups = ParameterGroups.of(model.parameters(), new SgdConfig(0.1, 0))
        .learningRate("0.*", 0.01)
        .learningRate("2.bias", 0.5, 0.1)
        .build();
    assertEquals(List.of(List.of("2.weight"), List.of("0.weight", "0.bias"), List.of("2.bias")),
        groups.stream().map(g -> List.copyOf(g.parameters().keySet())).toList());
    assertEquals(List.of(0.1, 0.01, 0.5), groups.stream().map(g -> g.config().learningRate()).toList());
    assertEquals(0.1, groups.get(2).config().weightDecay());
    Map<String, NDArray> before = model.stateDict();
    Tensor loss = Losses.crossEntropy(model.forward(Tensor.constant(X), Mode.TRAIN), Y);
    Map<Parameter, NDArray> gradients = Params.gradients(model.parameters(), loss.backward(Params.tensors(model.parameters())));
    new Sgd(groups).step(gradients);
    // Plain SGD: θ ← θ − lr·(g + λ·θ), with each group's lr and λ.
    checkStep(model, before, gradients, "0.weight", 0.01, 0);
    checkStep(model, before, gradients, "2.weight", 0.1, 0);
    checkStep(model, before, gradients, "2.bias", 0.5, 0.1);
  }

  private static void checkStep(Sequential model, Map<String, NDArray> before, Map<Parameter, NDArray> gradients, String path,
      double rate, double decay) {
    NDArray old = before.get(path);
    NDArray gradient = gradients.get(model.parameters().get(path));
    NDArray expected = old.sub(gradient.add(old.mul(decay)).mul(rate));
    NDArray actual = model.parameters().get(path).value();
    assertEquals(0, expected.sub(actual).abs().max().item(), 1e-7, path);
  }

  @Test
  void aPatternLeftWithNothingIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ParameterGroups.of(model().parameters(), AdamConfig.adam(1e-3)).learningRate("*", 1e-4).learningRate("0.*", 1e-5).build());
    assertEquals("ParameterGroups: pattern '0.*' selects no parameter that an earlier pattern did not; the paths are "
        + "[0.weight, 0.bias, 2.weight, 2.bias]", e.getMessage());
  }

  @Test
  void everyOptimizerLeavesFrozenParametersAlone() {
    List<Function<Map<String, Parameter>, Optimizer>> optimizers = List.of(
        p -> new Sgd(p, new SgdConfig(0.1, 0.9).withWeightDecay(0.1)), p -> Adam.adamW(p, 0.1, 0.1),
        p -> new RmsProp(p, new RmsPropConfig(0.1, 0.99, 1e-8, 0.1, 0, RmsPropConfig.Centering.PLAIN)),
        p -> new Adagrad(p, new AdagradConfig(0.1, 0, 0.1, 0, 1e-10)));
    for (Function<Map<String, Parameter>, Optimizer> make : optimizers) {
      Sequential model = model();
      model.freeze("0");
      Optimizer optimizer = make.apply(model.parameters());
      Map<String, NDArray> before = model.stateDict();
      for (int i = 0; i < 2; i++) {
        Tensor loss = Losses.crossEntropy(model.forward(Tensor.constant(X), Mode.TRAIN), Y);
        // All gradients, frozen ones included: the optimiser must skip those itself.
        optimizer.step(loss.backward(Params.tensors(model.parameters())));
      }
      assertEquals(before.get("0.weight"), model.parameters().get("0.weight").value(), optimizer.getClass().getSimpleName());
      assertEquals(before.get("0.bias"), model.parameters().get("0.bias").value(), optimizer.getClass().getSimpleName());
      assertEquals(false, before.get("2.weight").equals(model.parameters().get("2.weight").value()), optimizer.getClass().getSimpleName());
    }
  }
}
