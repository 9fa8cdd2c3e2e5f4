package dev.ruru.nn;

import static dev.ruru.nn.AttentionFixture.TORCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.GradCheck;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.TransformerLayerConfig.Activation;
import dev.ruru.nn.TransformerLayerConfig.NormPlacement;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransformerTest {
  /** The fixtures' layers: d_model 8, 2 heads, feed-forward 16, no dropout, float64. */
  private static TransformerLayerConfig config(NormPlacement placement, Activation activation) {
    return TransformerLayerConfig.of(8, 2).withFeedforwardDim(16).withDropout(0).withDtype(DType.FLOAT64)
        .withNormPlacement(placement).withActivation(activation);
  }

  @ParameterizedTest
  @CsvSource({"encoder_post, POST_NORM, RELU", "encoder_pre, PRE_NORM, GELU"})
  void encoderLayerWithCausalAndPaddingMasksMatchesPyTorch(String name, NormPlacement placement, Activation activation) {
    TransformerEncoderLayer layer = AttentionFixture.loaded(name, new TransformerEncoderLayer(config(placement, activation),
        new SplittableRandom(1)));
    AttentionMask mask = AttentionMask.causal(5, 5).and(AttentionMask.keyPadding(AttentionFixture.mask(name, "padding")));
    AttentionFixture.assertMatchesTorch(name, layer, List.of("x"), in -> layer.forward(in.get(0), mask, Mode.TRAIN));
  }

  @ParameterizedTest
  @CsvSource({"decoder_post, POST_NORM, RELU", "decoder_pre, PRE_NORM, GELU"})
  void decoderLayerWithEveryMaskMatchesPyTorch(String name, NormPlacement placement, Activation activation) {
    TransformerDecoderLayer layer = AttentionFixture.loaded(name, new TransformerDecoderLayer(config(placement, activation),
        new SplittableRandom(1)));
    AttentionMask targetMask = AttentionMask.causal(4, 4).and(AttentionMask.keyPadding(AttentionFixture.mask(name, "target_padding")));
    AttentionMask memoryMask = AttentionMask.blocking(AttentionFixture.mask(name, "memory_blocked"))
        .and(AttentionMask.keyPadding(AttentionFixture.mask(name, "memory_padding")));
    AttentionFixture.assertMatchesTorch(name, layer, List.of("target", "memory"),
        in -> layer.forward(in.get(0), in.get(1), targetMask, memoryMask, Mode.TRAIN));
  }

  @Test
  void encoderStackWithFinalNormMatchesPyTorch() {
    String name = "encoder_stack";
    TransformerEncoder encoder = AttentionFixture.loaded(name, TransformerEncoder.withFinalNorm(
        config(NormPlacement.PRE_NORM, Activation.RELU), 2, new SplittableRandom(1)));
    AttentionMask mask = AttentionMask.keyPadding(AttentionFixture.mask(name, "padding"));
    AttentionFixture.assertMatchesTorch(name, encoder, List.of("x"), in -> encoder.forward(in.get(0), mask, Mode.EVAL));
  }

  @Test
  void layerInputGradientsMatchFiniteDifferences() {
    TransformerEncoderLayer encoder = AttentionFixture.loaded("encoder_post",
        new TransformerEncoderLayer(config(NormPlacement.POST_NORM, Activation.RELU), new SplittableRandom(1)));
    AttentionMask mask = AttentionMask.causal(5, 5);
    GradCheck.assertVjpMatches(in -> encoder.forward(in[0], mask, Mode.EVAL), TORCH.get("encoder_post.x"));
    TransformerDecoderLayer decoder = AttentionFixture.loaded("decoder_pre",
        new TransformerDecoderLayer(config(NormPlacement.PRE_NORM, Activation.GELU), new SplittableRandom(1)));
    GradCheck.assertVjpMatches(in -> decoder.forward(in[0], in[1], AttentionMask.causal(4, 4), AttentionMask.none(), Mode.EVAL),
        TORCH.get("decoder_pre.target"), TORCH.get("decoder_pre.memory"));
  }

  @Test
  void singleInputForwardIsTheUnmaskedLayer() {
    TransformerEncoderLayer layer = AttentionFixture.loaded("encoder_pre",
        new TransformerEncoderLayer(config(NormPlacement.PRE_NORM, Activation.GELU), new SplittableRandom(1)));
    Tensor x = Tensor.constant(TORCH.get("encoder_pre.x"));
    assertEquals(layer.forward(x, AttentionMask.none(), Mode.EVAL).value(), layer.forward(x).value());
    TransformerDecoderLayer decoder = new TransformerDecoderLayer(config(NormPlacement.POST_NORM, Activation.RELU), new SplittableRandom(1));
    assertTrue(assertThrows(UnsupportedOperationException.class, () -> decoder.forward(x)).getMessage()
        .contains("needs the encoder's output too; call forward(target, memory, targetMask, memoryMask, mode)"));
  }

  @Test
  void defaultLayersHavePyTorchsSizesAndDropoutActsOnlyInTraining() {
    TransformerEncoderLayer layer = new TransformerEncoderLayer(16, 4, new SplittableRandom(5));
    assertEquals(Shape.of(2048, 16), layer.linear1().weight().shape());
    assertEquals(0.1, layer.config().dropout());
    assertEquals(List.of("self_attn.in_proj_weight", "self_attn.in_proj_bias", "self_attn.out_proj.weight", "self_attn.out_proj.bias",
        "linear1.weight", "linear1.bias", "linear2.weight", "linear2.bias", "norm1.weight", "norm1.bias", "norm2.weight",
        "norm2.bias"), List.copyOf(layer.parameters().keySet()));
    Tensor x = Tensor.constant(NDArray.normal(Shape.of(2, 3, 16), 0, 1, DType.FLOAT32, new SplittableRandom(6)));
    assertEquals(layer.forward(x, Mode.EVAL).value(), layer.forward(x, Mode.EVAL).value());
    assertNotEquals(layer.forward(x, Mode.EVAL).value(), layer.forward(x, Mode.TRAIN).value());
    assertEquals(DType.FLOAT32, layer.forward(x).dtype());
  }

  @Test
  void stateDictionaryRoundTripsBetweenTwoStacks() {
    TransformerLayerConfig small = config(NormPlacement.PRE_NORM, Activation.RELU);
    TransformerEncoder first = new TransformerEncoder(small, 2, new SplittableRandom(1));
    TransformerEncoder second = new TransformerEncoder(small, 2, new SplittableRandom(2));
    Tensor x = Tensor.constant(TORCH.get("encoder_stack.x"));
    assertNotEquals(first.forward(x).value(), second.forward(x).value());
    second.loadStateDict(first.stateDict());
    assertEquals(first.forward(x).value(), second.forward(x).value());
    assertEquals(24, first.parameters().size());
    assertTrue(first.parameters().containsKey("layers.1.norm2.bias"));
  }

  @Test
  void errorsNameTheLayerAndTheShapes() {
    TransformerEncoderLayer layer = new TransformerEncoderLayer(config(NormPlacement.POST_NORM, Activation.RELU), new SplittableRandom(1));
    Tensor unbatched = Tensor.constant(NDArray.zeros(Shape.of(5, 8), DType.FLOAT64));
    assertEquals("TransformerEncoderLayer(dModel=8, numHeads=2, feedforwardDim=16, dropout=0.0, RELU, POST_NORM): expected input "
        + "[batch, length, 8], got [5, 8]; add a batch axis: reshape to [1, 5, 8]",
        assertThrows(IllegalArgumentException.class, () -> layer.forward(unbatched)).getMessage());
    TransformerDecoderLayer decoder = new TransformerDecoderLayer(config(NormPlacement.POST_NORM, Activation.RELU), new SplittableRandom(1));
    Tensor target = Tensor.constant(NDArray.zeros(Shape.of(2, 4, 8), DType.FLOAT64));
    Tensor memory = Tensor.constant(NDArray.zeros(Shape.of(3, 5, 8), DType.FLOAT64));
    assertEquals("TransformerDecoderLayer(dModel=8, numHeads=2, feedforwardDim=16, dropout=0.0, RELU, POST_NORM): expected memory "
        + "[2, S, 8] for target [2, 4, 8], got [3, 5, 8]", assertThrows(IllegalArgumentException.class,
            () -> decoder.forward(target, memory, AttentionMask.none(), AttentionMask.none(), Mode.EVAL)).getMessage());
    assertEquals("TransformerLayerConfig: dModel 10 is not divisible by numHeads 4",
        assertThrows(IllegalArgumentException.class, () -> TransformerLayerConfig.of(10, 4)).getMessage());
    assertEquals("TransformerLayerConfig: invalid probability: 1.5 (must be in [0, 1])",
        assertThrows(IllegalArgumentException.class, () -> TransformerLayerConfig.of(8, 4).withDropout(1.5)).getMessage());
  }
}
