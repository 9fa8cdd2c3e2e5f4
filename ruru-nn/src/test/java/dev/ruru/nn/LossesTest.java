package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.GradCheck;
import dev.ruru.autodiff.Tensor;
import dev.ruru.autodiff.TensorFunction;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LossesTest {
  private static final TorchFixture TORCH = TorchFixture.load("losses");
  private static final NDArray LABELS = TORCH.get("labels");
  private static final NDArray WEIGHTS = TORCH.get("class_weights");

  static Stream<Arguments> pairLosses() {
    return Stream.of(
        Arguments.of("mse", (TensorFunction) x -> Losses.mse(x[0], x[1])),
        Arguments.of("mse_sum", (TensorFunction) x -> Losses.mse(x[0], x[1], LossReduction.SUM)),
        Arguments.of("l1", (TensorFunction) x -> Losses.l1(x[0], x[1])),
        Arguments.of("huber", (TensorFunction) x -> Losses.huber(x[0], x[1], 0.7, LossReduction.MEAN)),
        Arguments.of("huber_none", (TensorFunction) x -> Losses.huber(x[0], x[1], 0.7, LossReduction.NONE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairLosses")
  void regressionLossesMatchPyTorchAndFiniteDifferences(String name, TensorFunction f) {
    NDArray[] inputs = {TORCH.get(name + ".prediction"), TORCH.get(name + ".target")};
    checkAgainstTorch(name, f, inputs, "prediction", "target");
  }

  static Stream<Arguments> binaryLosses() {
    return Stream.of(
        Arguments.of("bce", (TensorFunction) x -> Losses.binaryCrossEntropyWithLogits(x[0], x[1])),
        Arguments.of("bce_pos_weight", (TensorFunction) x ->
            Losses.binaryCrossEntropyWithLogits(x[0], x[1], TORCH.get("pos_weight"), LossReduction.MEAN)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binaryLosses")
  void binaryCrossEntropyMatchesPyTorchIncludingAtALogitOfZero(String name, TensorFunction f) {
    NDArray[] inputs = {TORCH.get(name + ".logits"), TORCH.get(name + ".target")};
    assertEquals(0.0, inputs[0].getDouble(0, 0));
    checkAgainstTorch(name, f, inputs, "logits", "target");
  }

  /** With constant targets the loss is the fused primitive: its value and its gradient in the logits against the same fixture. */
  @Test
  void fusedBinaryCrossEntropyWithConstantTargetsMatchesPyTorch() {
    NDArray target = TORCH.get("bce.target");
    TensorFunction f = x -> Losses.binaryCrossEntropyWithLogits(x[0], Tensor.constant(target));
    TORCH.assertMatches("bce.out", f.apply(Tensor.constant(TORCH.get("bce.logits"))).value());
    TORCH.assertMatches("bce.grad_logits", Autodiff.vjp(f, new NDArray[] {TORCH.get("bce.logits")}, TORCH.get("bce.cot"))[0]);
    GradCheck.assertJvpMatches(f, TORCH.get("bce.logits"));
  }

  static Stream<Arguments> classificationLosses() {
    CrossEntropyOptions options = CrossEntropyOptions.DEFAULT;
    return Stream.of(
        Arguments.of("ce", options),
        Arguments.of("ce_weighted", options.withClassWeights(WEIGHTS)),
        Arguments.of("ce_smoothing", options.withLabelSmoothing(0.1)),
        Arguments.of("ce_weighted_smoothing", options.withClassWeights(WEIGHTS).withLabelSmoothing(0.2)),
        Arguments.of("ce_sum", options.withLabelSmoothing(0.1).withReduction(LossReduction.SUM)),
        Arguments.of("ce_none", options.withClassWeights(WEIGHTS).withLabelSmoothing(0.1).withReduction(LossReduction.NONE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("classificationLosses")
  void crossEntropyMatchesPyTorchWithWeightsSmoothingAndReductions(String name, CrossEntropyOptions options) {
    checkAgainstTorch(name, x -> Losses.crossEntropy(x[0], LABELS, options), new NDArray[] {TORCH.get(name + ".logits")}, "logits");
  }

  @Test
  void weightedNllMatchesPyTorch() {
    checkAgainstTorch("nll_weighted", x -> Losses.nll(x[0], LABELS, WEIGHTS, LossReduction.MEAN),
        new NDArray[] {TORCH.get("nll_weighted.logp")}, "logp");
  }

  @Test
  void crossEntropyIsFiniteAndExactForLogitsOfTenThousand() {
    NDArray logits = TORCH.get("ce_huge.logits");
    NDArray labels = TORCH.get("huge_labels");
    TensorFunction f = x -> Losses.crossEntropy(x[0], labels);
    TORCH.assertMatches("ce_huge.out", f.apply(Tensor.constant(logits)).value());
    TORCH.assertMatches("ce_huge.grad_logits", Autodiff.vjp(f, logits, TORCH.get("ce_huge.cot")));
    NDArray float32 = Losses.crossEntropy(Tensor.constant(logits.astype(DType.FLOAT32)), labels).value();
    assertTrue(Double.isFinite(float32.item()), "float32 loss " + float32);
    assertEquals(TORCH.get("ce_huge.out").item(), float32.item(), 1e-3 * TORCH.get("ce_huge.out").item());
  }

  @Test
  void crossEntropyNamesAnOutOfRangeLabelAndMismatchedShapes() {
    Tensor logits = Tensor.constant(NDArray.zeros(Shape.of(4, 10)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Losses.crossEntropy(logits, NDArray.of(new long[] {1, 2, 12, 3}, 4)));
    assertEquals("crossEntropy: label 12 at index 2 is out of range for 10 classes (labels must be in [0, 10))", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(logits, NDArray.of(new long[] {1, 2}, 2)));
    assertEquals("crossEntropy: expected integer labels [4] for scores [4, 10], got int64 [2]", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Losses.mse(logits, Tensor.constant(NDArray.zeros(Shape.of(4, 1)))));
    assertEquals("mse: prediction [4, 10] and target [4, 1] differ; reshape the target to the prediction's shape", e.getMessage());
  }

  @Test
  void crossEntropyOfUniformLogitsIsLogOfTheClassCount() {
    NDArray labels = NDArray.of(new int[] {0, 3, 9}, 3);
    assertEquals(Math.log(10), Losses.crossEntropy(Tensor.constant(NDArray.zeros(Shape.of(3, 10), DType.FLOAT64)), labels).item(), 1e-15);
  }

  private static void checkAgainstTorch(String name, TensorFunction f, NDArray[] inputs, String... names) {
    Tensor[] constants = Arrays.stream(inputs).map(Tensor::constant).toArray(Tensor[]::new);
    TORCH.assertMatches(name + ".out", f.apply(constants).value());
    NDArray[] grads = Autodiff.vjp(f, inputs, TORCH.get(name + ".cot"));
    for (int i = 0; i < names.length; i++) {
      TORCH.assertMatches(name + ".grad_" + names[i], grads[i]);
    }
    GradCheck.assertVjpMatches(f, inputs);
    GradCheck.assertJvpMatches(f, inputs);
  }
}
