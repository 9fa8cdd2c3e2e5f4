package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.GradCheck;
import dev.ruru.autodiff.Tensor;
import dev.ruru.autodiff.TensorFunction;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FunctionalTest {
  private static final TorchFixture TORCH = TorchFixture.load("layers");

  static Stream<Arguments> activations() {
    return Stream.of(
        Arguments.of("relu", (TensorFunction) x -> Functional.relu(x[0])),
        Arguments.of("leaky_relu", (TensorFunction) x -> Functional.leakyRelu(x[0], 0.2)),
        Arguments.of("elu", (TensorFunction) x -> Functional.elu(x[0], 1.3)),
        Arguments.of("gelu_tanh", (TensorFunction) x -> Functional.gelu(x[0])),
        Arguments.of("sigmoid", (TensorFunction) x -> Functional.sigmoid(x[0])),
        Arguments.of("tanh", (TensorFunction) x -> Functional.tanh(x[0])),
        Arguments.of("softplus", (TensorFunction) x -> Functional.softplus(x[0])),
        Arguments.of("softmax", (TensorFunction) x -> Functional.softmax(x[0], 1)),
        Arguments.of("log_softmax", (TensorFunction) x -> Functional.logSoftmax(x[0], 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void activationValuesAndGradientsMatchPyTorch(String name, TensorFunction f) {
    NDArray x = TORCH.get(name + ".x");
    TORCH.assertMatches(name + ".out", f.apply(Tensor.constant(x)).value());
    TORCH.assertMatches(name + ".grad_x", Autodiff.vjp(f, x, TORCH.get(name + ".cot")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("activations")
  void activationGradientsMatchFiniteDifferences(String name, TensorFunction f) {
    NDArray x = TORCH.get(name + ".x");
    GradCheck.assertVjpMatches(f, x);
    GradCheck.assertJvpMatches(f, x);
  }

  @Test
  void linearMatchesPyTorchAndFiniteDifferences() {
    TensorFunction f = in -> Functional.linear(in[0], in[1], in[2]);
    NDArray[] inputs = {TORCH.get("linear.x"), TORCH.get("linear.weight"), TORCH.get("linear.bias")};
    TORCH.assertMatches("linear.out", f.apply(Tensor.constant(inputs[0]), Tensor.constant(inputs[1]), Tensor.constant(inputs[2])).value());
    NDArray[] grads = Autodiff.vjp(f, inputs, TORCH.get("linear.cot"));
    TORCH.assertMatches("linear.grad_x", grads[0]);
    TORCH.assertMatches("linear.grad_weight", grads[1]);
    TORCH.assertMatches("linear.grad_bias", grads[2]);
    GradCheck.assertVjpMatches(f, inputs);
    GradCheck.assertJvpMatches(f, inputs);
  }

  @Test
  void linearWithoutBiasIsTheProductWithTheTransposedWeight() {
    NDArray x = TORCH.get("linear.x");
    NDArray w = TORCH.get("linear.weight");
    NDArray expected = x.matmul(w.transpose());
    assertTrue(Functional.linear(Tensor.constant(x), Tensor.constant(w)).value().allClose(expected, 1e-12, 0));
    GradCheck.assertVjpMatches(in -> Functional.linear(in[0], in[1]), x, w);
  }

  @Test
  void linearNamesTheLayerAndBothShapesForImages() {
    Tensor images = Tensor.constant(NDArray.zeros(Shape.of(32, 28, 28)));
    Tensor weight = Tensor.constant(NDArray.zeros(Shape.of(128, 784)));
    Tensor bias = Tensor.constant(NDArray.zeros(Shape.of(128)));
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> Functional.linear(images, weight, bias));
    assertEquals("Linear(784 -> 128): expected input [batch, 784], got [32, 28, 28]; flatten images first", e.getMessage());
  }

  @Test
  void linearRejectsAWrongFeatureCountAndAMissingBatchAxis() {
    Tensor weight = Tensor.constant(NDArray.zeros(Shape.of(3, 5)));
    assertEquals("Linear(5 -> 3): expected input [batch, 5], got [2, 4]", assertThrows(ShapeMismatchException.class,
        () -> Functional.linear(Tensor.constant(NDArray.zeros(Shape.of(2, 4))), weight)).getMessage());
    assertEquals("Linear(5 -> 3): expected input [batch, 5], got [5]; add a batch axis: reshape to [1, 5]",
        assertThrows(ShapeMismatchException.class, () -> Functional.linear(Tensor.constant(NDArray.zeros(Shape.of(5))), weight)).getMessage());
  }

  @Test
  void softplusGradientAtZeroIsOneHalf() {
    NDArray x = NDArray.of(new double[] {0, 0}, 2);
    NDArray grad = Autodiff.grad(in -> Functional.softplus(in[0]).sum(), x)[0];
    assertTrue(grad.allClose(NDArray.of(new double[] {0.5, 0.5}, 2), 0, 1e-15), grad.toString());
  }

  @Test
  void eluDoesNotTurnLargeInputsIntoNaNGradients() {
    NDArray x = NDArray.of(new double[] {800, -800, 1}, 3);
    NDArray grad = Autodiff.grad(in -> Functional.elu(in[0], 1).sum(), x)[0];
    assertTrue(grad.allClose(NDArray.of(new double[] {1, 0, 1}, 3), 0, 1e-300), grad.toString());
  }

  @Test
  void dropoutKeepsTheExpectationAndDropsAboutPOfTheUnits() {
    NDArray ones = NDArray.ones(Shape.of(200, 100), DType.FLOAT64);
    NDArray out = Functional.dropout(Tensor.constant(ones), 0.3, Mode.TRAIN, new SplittableRandom(3)).value();
    double[] values = out.toDoubleArray();
    long zeros = Arrays.stream(values).filter(v -> v == 0).count();
    long scaled = Arrays.stream(values).filter(v -> Math.abs(v - 1 / 0.7) < 1e-12).count();
    assertEquals(values.length, zeros + scaled, "every unit is dropped or scaled by 1/(1 - p)");
    assertEquals(0.3, zeros / (double) values.length, 0.015);
    assertEquals(1.0, out.mean().item(), 0.03);
  }

  /**
   * The mask against its plain definition, where(rand(shape) {@code <} p, 0, 1/(1 − p)) from the same
   * generator: p near 0 and 1 check the ends of the comparison, odd sizes and float64 the other paths.
   */
  @Test
  void dropoutMaskIsThePlainComparisonOfUniformDraws() {
    for (double p : new double[] {1e-9, 0.1, 0.5, 0.6, 1 - 1e-9}) {
      for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
        for (int size : new int[] {1, 7, 1001}) {
          NDArray ones = NDArray.ones(Shape.of(size), dtype);
          double[] mask = Functional.dropout(Tensor.constant(ones), p, Mode.TRAIN, new SplittableRandom(5)).value().toDoubleArray();
          float[] draws = NDArray.rand(Shape.of(size), new SplittableRandom(5)).toFloatArray();
          double keep = dtype == DType.FLOAT64 ? 1 / (1 - p) : (float) (1 / (1 - p));
          for (int i = 0; i < size; i++) {
            assertEquals(draws[i] < (float) p ? 0 : keep, mask[i], "p " + p + ", " + dtype + ", size " + size + ", element " + i);
          }
        }
      }
    }
  }

  @Test
  void dropoutIsTheIdentityInEvaluationAndSeededInTraining() {
    Tensor x = Tensor.constant(NDArray.randn(Shape.of(4, 5), new SplittableRandom(1)));
    assertSame(x, Functional.dropout(x, 0.5, Mode.EVAL, new SplittableRandom(2)));
    NDArray first = Functional.dropout(x, 0.5, Mode.TRAIN, new SplittableRandom(2)).value();
    NDArray second = Functional.dropout(x, 0.5, Mode.TRAIN, new SplittableRandom(2)).value();
    assertEquals(first, second);
    assertEquals(NDArray.zeros(Shape.of(4, 5)), Functional.dropout(x, 1, Mode.TRAIN, new SplittableRandom(2)).value());
  }

  @Test
  void dropoutGradientIsTheMaskAndTheProbabilityIsChecked() {
    NDArray x = NDArray.randn(Shape.of(3, 4), new SplittableRandom(1)).astype(DType.FLOAT64);
    NDArray mask = Functional.dropout(Tensor.constant(NDArray.ones(Shape.of(3, 4), DType.FLOAT64)), 0.5, Mode.TRAIN,
        new SplittableRandom(9)).value();
    NDArray grad = Autodiff.grad(in -> Functional.dropout(in[0], 0.5, Mode.TRAIN, new SplittableRandom(9)).sum(), x)[0];
    assertEquals(mask, grad);
    GradCheck.assertVjpMatches(in -> Functional.dropout(in[0], 0.5, Mode.TRAIN, new SplittableRandom(9)), x);
    GradCheck.assertJvpMatches(in -> Functional.dropout(in[0], 0.5, Mode.TRAIN, new SplittableRandom(9)), x);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(1.5, new SplittableRandom(1)));
    assertEquals("Dropout: invalid probability: 1.5 (must be in [0, 1])", e.getMessage());
  }

  @Test
  void flattenMergesTheTrailingAxesByDefault() {
    Tensor x = Tensor.constant(NDArray.arange(0, 24, 1, DType.FLOAT64).reshape(2, 3, 4));
    assertEquals(Shape.of(2, 12), new Flatten().forward(x).shape());
    assertEquals(Shape.of(6, 4), Functional.flatten(x, 0, 1).shape());
    assertEquals(Shape.of(24), Functional.flatten(x, 0, -1).shape());
    assertEquals(x.value().reshape(2, 12), new Flatten().forward(x).value());
    // Unflatten undoes it, as torch.nn.Unflatten(1, (3, 4)) does
    Tensor flat = new Flatten().forward(x);
    assertEquals(x.value(), new Unflatten(1, 3, 4).forward(flat).value());
    var error = assertThrows(IllegalArgumentException.class, () -> new Unflatten(1, 5, 4).forward(flat));
    assertEquals("Unflatten(1, [5, 4]): expected input with axis 1 of length 20, got [2, 12]", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Functional.flatten(x, 2, 1));
    GradCheck.assertVjpMatches(in -> Functional.flatten(in[0], 1, 2), x.value());
    GradCheck.assertJvpMatches(in -> Functional.flatten(in[0], 1, 2), x.value());
  }
}
