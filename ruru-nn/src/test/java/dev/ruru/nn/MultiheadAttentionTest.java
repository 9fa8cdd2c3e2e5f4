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
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultiheadAttentionTest {
  private static MultiheadAttention attention(int embedDim, int numHeads) {
    return new MultiheadAttention(embedDim, numHeads, 0, DType.FLOAT64, new SplittableRandom(7));
  }

  @Test
  void causalSelfAttentionWithKeyPaddingMatchesPyTorch() {
    String name = "mha_self";
    MultiheadAttention layer = AttentionFixture.loaded(name, attention(8, 2));
    AttentionMask mask = AttentionMask.causal(5, 5).and(AttentionMask.keyPadding(AttentionFixture.mask(name, "padding")));
    AttentionFixture.assertMatchesTorch(name, layer, List.of("x"), in -> {
      MultiheadAttention.Output out = layer.forward(in.get(0), in.get(0), in.get(0), mask, Mode.TRAIN);
      TORCH.assertMatches(name + ".weights", out.averageWeights().value(), 1e-9);
      return out.output();
    });
  }

  @Test
  void crossAttentionWithFourHeadsAndBothMasksMatchesPyTorch() {
    String name = "mha_cross";
    MultiheadAttention layer = AttentionFixture.loaded(name, attention(8, 4));
    AttentionMask mask = AttentionMask.blocking(AttentionFixture.mask(name, "blocked"))
        .and(AttentionMask.keyPadding(AttentionFixture.mask(name, "padding")));
    AttentionFixture.assertMatchesTorch(name, layer, List.of("query", "key", "value"), in -> {
      MultiheadAttention.Output out = layer.forward(in.get(0), in.get(1), in.get(2), mask, Mode.EVAL);
      assertEquals(Shape.of(2, 4, 3, 5), out.weights().shape());
      TORCH.assertMatches(name + ".weights", out.averageWeights().value(), 1e-9);
      return out.output();
    });
  }

  @Test
  void inputGradientsMatchFiniteDifferences() {
    MultiheadAttention layer = AttentionFixture.loaded("mha_cross", attention(8, 4));
    AttentionMask mask = AttentionMask.keyPadding(AttentionFixture.mask("mha_cross", "padding"));
    GradCheck.assertVjpMatches(in -> layer.forward(in[0], in[1], in[2], mask, Mode.EVAL).output(),
        TORCH.get("mha_cross.query"), TORCH.get("mha_cross.key"), TORCH.get("mha_cross.value"));
  }

  @Test
  void initialisationFollowsPyTorch() {
    MultiheadAttention layer = new MultiheadAttention(16, 4, new SplittableRandom(1));
    assertEquals(List.of("in_proj_weight", "in_proj_bias", "out_proj.weight", "out_proj.bias"), List.copyOf(layer.parameters().keySet()));
    assertEquals(Shape.of(48, 16), layer.inProjWeight().shape());
    assertEquals(DType.FLOAT32, layer.inProjWeight().dtype());
    double xavier = Math.sqrt(6.0 / (16 + 48));
    assertTrue(layer.inProjWeight().value().abs().max().item() <= xavier);
    assertEquals(0.0, layer.inProjBias().value().abs().max().item());
    assertEquals(0.0, layer.outProj().bias().value().abs().max().item());
    assertTrue(layer.outProj().weight().value().abs().max().item() <= 0.25);
  }

  @Test
  void singleInputForwardIsUnmaskedSelfAttention() {
    MultiheadAttention layer = AttentionFixture.loaded("mha_self", attention(8, 2));
    Tensor x = Tensor.constant(TORCH.get("mha_self.x"));
    NDArray expected = layer.forward(x, x, x, AttentionMask.none(), Mode.EVAL).output().value();
    assertEquals(expected, layer.forward(x).value());
  }

  @Test
  void dropoutOnTheWeightsChangesTheOutputOnlyInTraining() {
    MultiheadAttention layer = new MultiheadAttention(8, 2, 0.5, DType.FLOAT64, new SplittableRandom(2));
    Tensor x = Tensor.constant(TORCH.get("mha_self.x"));
    assertEquals(layer.forward(x, Mode.EVAL).value(), layer.forward(x, Mode.EVAL).value());
    assertNotEquals(layer.forward(x, Mode.EVAL).value(), layer.forward(x, Mode.TRAIN).value());
  }

  @Test
  void errorsNameTheLayerAndTheShapes() {
    assertEquals("MultiheadAttention: embedDim 10 is not divisible by numHeads 3 (each head gets embedDim / numHeads features)",
        assertThrows(IllegalArgumentException.class, () -> new MultiheadAttention(10, 3, new SplittableRandom(1))).getMessage());
    MultiheadAttention layer = attention(8, 2);
    Tensor unbatched = Tensor.constant(NDArray.zeros(Shape.of(5, 8), DType.FLOAT64));
    assertEquals("MultiheadAttention(embedDim=8, numHeads=2): expected query [batch, L, 8], got [5, 8]; add a batch axis: "
        + "reshape to [1, 5, 8]", assertThrows(IllegalArgumentException.class, () -> layer.forward(unbatched)).getMessage());
    Tensor query = Tensor.constant(NDArray.zeros(Shape.of(2, 3, 8), DType.FLOAT64));
    Tensor key = Tensor.constant(NDArray.zeros(Shape.of(3, 5, 8), DType.FLOAT64));
    assertEquals("MultiheadAttention(embedDim=8, numHeads=2): query [2, 3, 8], key [3, 5, 8] and value [3, 5, 8] must be "
        + "[B, L, 8], [B, S, 8] and [B, S, 8] with one B and one S",
        assertThrows(IllegalArgumentException.class, () -> layer.forward(query, key, key, AttentionMask.none(), Mode.EVAL))
            .getMessage());
    AttentionMask wrong = AttentionMask.blocking(NDArray.zeros(Shape.of(3, 4), DType.BOOL));
    assertEquals("MultiheadAttention(embedDim=8, numHeads=2): the attention mask [3, 4] does not broadcast to the attention "
        + "scores [2, 2, 3, 3] ([batch, heads, queries, keys])",
        assertThrows(IllegalArgumentException.class, () -> layer.forward(query, query, query, wrong, Mode.EVAL)).getMessage());
  }
}
