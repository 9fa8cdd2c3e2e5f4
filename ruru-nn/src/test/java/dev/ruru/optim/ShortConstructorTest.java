package dev.ruru.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each shortcut constructor is its config form with PyTorch's defaults: three steps give identical parameters. */
class ShortConstructorTest {
  private static final NDArray X = NDArray.randn(Shape.of(16, 5), new SplittableRandom(1));
  private static final NDArray Y = NDArray.of(new long[] {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0}, 16);

  private static Map<String, NDArray> threeSteps(Function<Map<String, Parameter>, Optimizer> make) {
    SplittableRandom rng = new SplittableRandom(3);
    Sequential model = new Sequential(new Linear(5, 8, rng), new ReLU(), new Linear(8, 3, rng));
    Map<String, NDArray> start = model.stateDict();
    Optimizer optimizer = make.apply(model.parameters());
    for (int i = 0; i < 3; i++) {
      Tensor loss = Losses.crossEntropy(model.forward(Tensor.constant(X), Mode.TRAIN), Y);
      optimizer.step(loss.backward(Params.tensors(model.parameters())));
    }
    assertNotEquals(start, model.stateDict(), "the optimiser did not move the parameters");
    return model.stateDict();
  }

  private static void assertSame(Function<Map<String, Parameter>, Optimizer> shortcut, Function<Map<String, Parameter>, Optimizer> config) {
    assertEquals(threeSteps(config), threeSteps(shortcut));
  }

  @Test
  void sgd() {
    assertSame(p -> new Sgd(p, 0.1), p -> new Sgd(p, new SgdConfig(0.1, 0, 0, 0, SgdConfig.MomentumKind.HEAVY_BALL)));
  }

  @Test
  void sgdWithMomentum() {
    assertSame(p -> new Sgd(p, 0.1, 0.9), p -> new Sgd(p, new SgdConfig(0.1, 0.9, 0, 0, SgdConfig.MomentumKind.HEAVY_BALL)));
  }

  @Test
  void adam() {
    assertSame(p -> new Adam(p, 0.01), p -> new Adam(p, new AdamConfig(0.01, 0.9, 0.999, 1e-8, 0, AdamConfig.WeightDecay.L2)));
  }

  @Test
  void adamW() {
    assertSame(p -> Adam.adamW(p, 0.01), p -> new Adam(p, new AdamConfig(0.01, 0.9, 0.999, 1e-8, 0.01, AdamConfig.WeightDecay.DECOUPLED)));
  }

  @Test
  void adamWWithWeightDecay() {
    assertSame(p -> Adam.adamW(p, 0.01, 0.5), p -> new Adam(p, new AdamConfig(0.01, 0.9, 0.999, 1e-8, 0.5, AdamConfig.WeightDecay.DECOUPLED)));
    assertNotEquals(threeSteps(p -> Adam.adamW(p, 0.01)), threeSteps(p -> Adam.adamW(p, 0.01, 0.5)), "the weight decay was ignored");
  }

  @Test
  void rmsProp() {
    assertSame(p -> new RmsProp(p, 0.01), p -> new RmsProp(p, new RmsPropConfig(0.01, 0.99, 1e-8, 0, 0, RmsPropConfig.Centering.PLAIN)));
  }

  @Test
  void adagrad() {
    assertSame(p -> new Adagrad(p, 0.01), p -> new Adagrad(p, new AdagradConfig(0.01, 0, 0, 0, 1e-10)));
  }
}
