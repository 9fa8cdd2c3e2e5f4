package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Conv1dSpec;
import dev.ruru.autodiff.Convolution1d;
import dev.ruru.autodiff.GradCheck;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Pool1dSpec;
import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The 1-D layers: values and the gradients of every input and parameter against PyTorch
 * (src/test/resources/torch/make_conv1d_fixtures.py), finite differences in float64, causality, and the
 * errors that name the layer.
 */
class Conv1dLayersTest {
  private static final TorchFixture TORCH = TorchFixture.load("conv1d_layers");

  /** Sets the layer's parameters from the fixture, runs it on the fixture's x and compares output and gradients. */
  private static void assertMatchesTorch(String name, Layer layer, Mode mode) {
    List<Tensor> wrt = new ArrayList<>();
    List<String> keys = new ArrayList<>(List.of("x"));
    Tensor x = Tensor.variable(TORCH.get(name + "_x"));
    wrt.add(x);
    layer.parameters().forEach((key, parameter) -> {
      parameter.set(TORCH.get(name + "_" + key));
      wrt.add(parameter.tensor());
      keys.add(key);
    });
    Tensor y = layer.forward(x, mode);
    TORCH.assertMatches(name + "_out", y.value());
    Gradients grads = y.mul(Tensor.constant(TORCH.get(name + "_cot"))).sum().backward(wrt);
    for (int i = 0; i < wrt.size(); i++) {
      TORCH.assertMatches(name + "_grad_" + keys.get(i), grads.get(wrt.get(i)), 1e-9);
    }
  }

  private static SplittableRandom rng() {
    return new SplittableRandom(1);
  }

  @Test
  void conv1dWithStridePaddingDilationAndGroupsMatchesPyTorch() {
    Conv1dSpec spec = Conv1dSpec.of(2, 1).withDilation(2).withGroups(2);
    assertMatchesTorch("conv", new Conv1d(4, 6, 3, spec, DType.FLOAT64, rng()), Mode.EVAL);
  }

  @Test
  void causalConv1dIsPyTorchsOnTheLeftPaddedInput() {
    assertMatchesTorch("causal", new Conv1d(3, 5, 2, Conv1dSpec.causal(2, 4), DType.FLOAT64, rng()), Mode.EVAL);
  }

  @Test
  void convTranspose1dMatchesPyTorchWithOutputPaddingGroupsAndDilation() {
    assertMatchesTorch("up", new ConvTranspose1d(4, 3, 3, Conv1dSpec.of(2, 1), 1, DType.FLOAT64, rng()), Mode.EVAL);
    Conv1dSpec grouped = Conv1dSpec.of(1, 1).withGroups(2).withDilation(2);
    Tensor x = Tensor.variable(TORCH.get("upgroups_x"));
    Tensor w = Tensor.variable(TORCH.get("upgroups_weight"));
    Tensor y = Convolution1d.convTranspose1d(x, w, grouped, 0);
    TORCH.assertMatches("upgroups_out", y.value());
    Gradients grads = y.mul(Tensor.constant(TORCH.get("upgroups_cot"))).sum().backward(List.of(x, w));
    TORCH.assertMatches("upgroups_grad_x", grads.get(x), 1e-9);
    TORCH.assertMatches("upgroups_grad_weight", grads.get(w), 1e-9);
  }

  @Test
  void poolingMatchesPyTorch() {
    assertMatchesTorch("maxpool", new MaxPool1d(Pool1dSpec.of(3, 2, 1)), Mode.EVAL);
    assertMatchesTorch("avgpool", new AvgPool1d(Pool1dSpec.of(3, 2, 1)), Mode.EVAL);
  }

  @Test
  void batchNorm1dOverChannelsAndLengthTrainsAndEvaluatesLikePyTorch() {
    BatchNorm1d bn = new BatchNorm1d(3, 1e-5, 0.1, DType.FLOAT64);
    assertMatchesTorch("bn", bn, Mode.TRAIN);
    TORCH.assertMatches("bn_running_mean", bn.runningMean());
    TORCH.assertMatches("bn_running_var", bn.runningVar());
    TORCH.assertMatches("bn_eval", bn.forward(Tensor.constant(TORCH.get("bn_x")), Mode.EVAL).value());
  }

  @Test
  void gradientsMatchFiniteDifferencesInFloat64() {
    Conv1d conv = new Conv1d(2, 4, 3, Conv1dSpec.of(2, 2).withDilation(2).withGroups(2), DType.FLOAT64, rng());
    ConvTranspose1d up = new ConvTranspose1d(4, 2, 3, Conv1dSpec.of(2, 1), 1, DType.FLOAT64, rng());
    NDArray x = NDArray.normal(Shape.of(2, 2, 9), 0, 1, DType.FLOAT64, new SplittableRandom(2));
    GradCheck.assertVjpMatches(in -> new AvgPool1d(2).forward(up.forward(conv.forward(in[0]).tanh())), x);
    GradCheck.assertJvpMatches(in -> new MaxPool1d(Pool1dSpec.of(3, 2, 1)).forward(conv.forward(in[0])), x);
    NDArray weight = NDArray.normal(Shape.of(3, 2, 2), 0, 1, DType.FLOAT64, new SplittableRandom(3));
    GradCheck.assertVjpMatches(in -> Convolution1d.conv1d(in[0], in[1], Conv1dSpec.causal(2, 3)), x, weight);
  }

  @Test
  void causalOutputNeverSeesALaterInput() {
    Conv1d conv = new Conv1d(1, 2, 3, Conv1dSpec.causal(3, 2), DType.FLOAT64, rng());
    NDArray signal = NDArray.normal(Shape.of(1, 1, 12), 0, 1, DType.FLOAT64, new SplittableRandom(4));
    NDArray changed = NDArray.concatenate(List.of(signal.slice(2, 0, 7, 1), NDArray.ones(Shape.of(1, 1, 5), DType.FLOAT64)), 2);
    NDArray before = conv.forward(Tensor.constant(signal)).value();
    NDArray after = conv.forward(Tensor.constant(changed)).value();
    assertEquals(Shape.of(1, 2, 12), before.shape());
    assertEquals(before.slice(2, 0, 7, 1), after.slice(2, 0, 7, 1), "outputs 0..6 depend only on inputs 0..6");
  }

  @Test
  void layersNameThemselvesTheExpectedShapeAndWhatCame() {
    Conv1d conv = new Conv1d(1, 8, 5, Conv1dSpec.of(1, 0), DType.FLOAT32, rng());
    assertEquals("Conv1d(1 -> 8, kernel 5): expected input [batch, 1, length], got [4, 16000]; add the channel axis with reshape(batch, 1, length)",
        assertThrows(IllegalArgumentException.class, () -> conv.forward(Tensor.constant(NDArray.zeros(Shape.of(4, 16000))))).getMessage());
    assertEquals("conv1d: kernel 5 (dilation 1, span 5) is longer than the padded input 3 (length 3 plus padding 0+0)",
        assertThrows(IllegalArgumentException.class, () -> conv.forward(Tensor.constant(NDArray.zeros(Shape.of(1, 1, 3))))).getMessage());
    assertEquals("maxPool1d: kernel 4 is longer than the padded input 3 (length 3 plus padding 0 on each side)",
        assertThrows(IllegalArgumentException.class, () -> new MaxPool1d(4).forward(Tensor.constant(NDArray.zeros(Shape.of(1, 1, 3))))).getMessage());
    assertEquals("conv1d: dilation must be positive, got 0",
        assertThrows(IllegalArgumentException.class, () -> Conv1dSpec.causal(2, 0)).getMessage());
    assertEquals("ConvTranspose1d: output padding 2 must be non-negative and smaller than the stride 2 or the dilation 1",
        assertThrows(IllegalArgumentException.class, () -> new ConvTranspose1d(2, 2, 3, Conv1dSpec.of(2, 1), 2)).getMessage());
  }
}
