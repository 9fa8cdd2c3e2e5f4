package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.GradCheck;
import dev.ruru.autodiff.Tensor;
import dev.ruru.autodiff.TensorFunction;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizationTest {
  private static final TorchFixture TORCH = TorchFixture.load("layers");

  private static TensorFunction batchNormTrain(String name) {
    return in -> Normalization.batchNormTrain(in[0], in[1], in[2], TORCH.get(name + ".running_mean0"),
        TORCH.get(name + ".running_var0"), 0.1, 1e-5).output();
  }

  private static NDArray[] batchNormInputs(String name) {
    return new NDArray[] {TORCH.get(name + ".x"), TORCH.get(name + ".weight"), TORCH.get(name + ".bias")};
  }

  @ParameterizedTest
  @ValueSource(strings = {"batchnorm2d", "batchnorm3d"})
  void batchNormTrainingMatchesPyTorchIncludingRunningStatistics(String name) {
    NDArray[] inputs = batchNormInputs(name);
    Tensor[] constants = {Tensor.constant(inputs[0]), Tensor.constant(inputs[1]), Tensor.constant(inputs[2])};
    Normalization.BatchNormResult result = Normalization.batchNormTrain(constants[0], constants[1], constants[2],
        TORCH.get(name + ".running_mean0"), TORCH.get(name + ".running_var0"), 0.1, 1e-5);
    TORCH.assertMatches(name + ".out", result.output().value());
    TORCH.assertMatches(name + ".running_mean1", result.runningMean());
    TORCH.assertMatches(name + ".running_var1", result.runningVar());
    NDArray[] grads = Autodiff.vjp(batchNormTrain(name), inputs, TORCH.get(name + ".cot"));
    TORCH.assertMatches(name + ".grad_x", grads[0], 1e-9);
    TORCH.assertMatches(name + ".grad_weight", grads[1]);
    TORCH.assertMatches(name + ".grad_bias", grads[2]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"batchnorm2d", "batchnorm3d"})
  void batchNormGradientsMatchFiniteDifferences(String name) {
    GradCheck.assertVjpMatches(batchNormTrain(name), batchNormInputs(name));
    GradCheck.assertJvpMatches(batchNormTrain(name), batchNormInputs(name));
    TensorFunction eval = in -> Normalization.batchNormEval(in[0], in[1], in[2], TORCH.get(name + ".running_mean1"),
        TORCH.get(name + ".running_var1"), 1e-5);
    GradCheck.assertVjpMatches(eval, batchNormInputs(name));
    GradCheck.assertJvpMatches(eval, batchNormInputs(name));
  }

  @ParameterizedTest
  @ValueSource(strings = {"batchnorm2d", "batchnorm3d"})
  void batchNormEvaluationUsesTheRunningStatisticsLikePyTorch(String name) {
    NDArray[] inputs = batchNormInputs(name);
    Tensor out = Normalization.batchNormEval(Tensor.constant(inputs[0]), Tensor.constant(inputs[1]), Tensor.constant(inputs[2]),
        TORCH.get(name + ".running_mean1"), TORCH.get(name + ".running_var1"), 1e-5);
    TORCH.assertMatches(name + ".eval_out", out.value());
  }

  @Test
  void batchNormModuleUpdatesItsBuffersOnlyInTraining() {
    BatchNorm1d layer = new BatchNorm1d(4, 1e-5, 0.1, DType.FLOAT64);
    layer.loadStateDict(Map.of("weight", TORCH.get("batchnorm2d.weight"), "bias", TORCH.get("batchnorm2d.bias"),
        "running_mean", TORCH.get("batchnorm2d.running_mean0"), "running_var", TORCH.get("batchnorm2d.running_var0"),
        "num_batches_tracked", NDArray.scalar(0, DType.INT64)));
    Tensor x = Tensor.constant(TORCH.get("batchnorm2d.x"));
    TORCH.assertMatches("batchnorm2d.out", layer.forward(x, Mode.TRAIN).value());
    TORCH.assertMatches("batchnorm2d.running_mean1", layer.runningMean());
    TORCH.assertMatches("batchnorm2d.running_var1", layer.runningVar());
    TORCH.assertMatches("batchnorm2d.eval_out", layer.forward(x, Mode.EVAL).value());
    TORCH.assertMatches("batchnorm2d.running_mean1", layer.runningMean());
    assertEquals(1.0, layer.stateDict().get("num_batches_tracked").item());
  }

  @Test
  void batchNormRefusesOneSamplePerChannelInTrainingAndNamesWrongShapes() {
    BatchNorm1d layer = new BatchNorm1d(3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> layer.forward(Tensor.constant(NDArray.zeros(Shape.of(1, 3))), Mode.TRAIN));
    assertEquals("BatchNorm1d: expected more than 1 value per channel when training, got input [1, 3]; use a larger batch or Mode.EVAL",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> layer.forward(Tensor.constant(NDArray.zeros(Shape.of(2, 4)))));
    assertEquals("BatchNorm1d(3): expected input [batch, 3] or [batch, 3, length], got [2, 4]", e.getMessage());
  }

  @Test
  void layerNormMatchesPyTorchAndFiniteDifferences() {
    TensorFunction f = in -> Normalization.layerNorm(in[0], 2, in[1], in[2], 1e-5);
    NDArray[] inputs = {TORCH.get("layernorm.x"), TORCH.get("layernorm.weight"), TORCH.get("layernorm.bias")};
    TORCH.assertMatches("layernorm.out", f.apply(Tensor.constant(inputs[0]), Tensor.constant(inputs[1]), Tensor.constant(inputs[2])).value());
    NDArray[] grads = Autodiff.vjp(f, inputs, TORCH.get("layernorm.cot"));
    TORCH.assertMatches("layernorm.grad_x", grads[0], 1e-9);
    TORCH.assertMatches("layernorm.grad_weight", grads[1]);
    TORCH.assertMatches("layernorm.grad_bias", grads[2]);
    GradCheck.assertVjpMatches(f, inputs);
    GradCheck.assertJvpMatches(f, inputs);
  }

  @Test
  void layerNormModuleChecksTheNormalisedShape() {
    LayerNorm layer = new LayerNorm(4, 5);
    assertEquals(Shape.of(3, 4, 5), layer.forward(Tensor.constant(NDArray.randn(Shape.of(3, 4, 5), new SplittableRandom(1)))).shape());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> layer.forward(Tensor.constant(NDArray.zeros(Shape.of(3, 5, 4)))));
    assertEquals("layerNorm: weight and bias must have the normalised shape [5, 4] of input [3, 5, 4], got [4, 5] and [4, 5]", e.getMessage());
  }
}
