package dev.ruru.nn;

import static dev.ruru.nn.AttentionFixture.TORCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttentionTest {
  private static AttentionMask maskOf(String name) {
    return switch (name) {
      case "sdpa_allowed" -> AttentionMask.allowing(TORCH.get(name + ".allowed"));
      case "sdpa_causal" -> AttentionMask.causal(4, 4);
      case "sdpa_padding" -> AttentionMask.keyPadding(TORCH.get(name + ".padding"));
      default -> AttentionMask.none();
    };
  }

  private static NDArray[] inputs(String name) {
    return new NDArray[] {TORCH.get(name + ".q"), TORCH.get(name + ".k"), TORCH.get(name + ".v")};
  }

  private static NDArray bools(int[] values, int... shape) {
    return NDArray.of(values, shape).astype(DType.BOOL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sdpa_plain", "sdpa_allowed", "sdpa_causal", "sdpa_padding"})
  void scaledDotProductMatchesPyTorchWithItsGradients(String name) {
    AttentionMask mask = maskOf(name);
    TensorFunction attention = in -> Attention.scaledDotProduct(in[0], in[1], in[2], mask);
    NDArray[] x = inputs(name);
    TORCH.assertMatches(name + ".out", attention.apply(Tensor.constant(x[0]), Tensor.constant(x[1]), Tensor.constant(x[2])).value());
    NDArray[] grads = Autodiff.vjp(attention, x, TORCH.get(name + ".cot"));
    TORCH.assertMatches(name + ".grad_q", grads[0], 1e-9);
    TORCH.assertMatches(name + ".grad_k", grads[1], 1e-9);
    TORCH.assertMatches(name + ".grad_v", grads[2], 1e-9);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sdpa_allowed", "sdpa_causal", "sdpa_padding"})
  void maskedAttentionGradientsMatchFiniteDifferencesInBothModes(String name) {
    AttentionMask mask = maskOf(name);
    TensorFunction attention = in -> Attention.scaledDotProduct(in[0], in[1], in[2], mask);
    GradCheck.assertVjpMatches(attention, inputs(name));
    GradCheck.assertJvpMatches(attention, inputs(name));
  }

  @Test
  void weightsRowsSumToOneAndMaskedWeightsAreExactlyZero() {
    NDArray[] x = inputs("sdpa_allowed");
    NDArray weights = Attention.weights(Tensor.constant(x[0]), Tensor.constant(x[1]), maskOf("sdpa_allowed")).value();
    assertEquals(Shape.of(2, 2, 3, 5), weights.shape());
    assertTrue(weights.sum(3).allClose(NDArray.ones(Shape.of(2, 2, 3), DType.FLOAT64), 1e-12, 1e-12));
    assertEquals(0.0, weights.getDouble(1, 0, 1, 3));
    assertEquals(0.0, weights.getDouble(0, 1, 0, 1));
  }

  @Test
  void aFullyMaskedRowAveragesTheValuesInsteadOfGivingNaN() {
    SplittableRandom rng = new SplittableRandom(3);
    NDArray q = NDArray.normal(Shape.of(2, 4), 0, 1, DType.FLOAT64, rng);
    NDArray k = NDArray.normal(Shape.of(3, 4), 0, 1, DType.FLOAT64, rng);
    NDArray v = NDArray.normal(Shape.of(3, 2), 0, 1, DType.FLOAT64, rng);
    AttentionMask mask = AttentionMask.blocking(bools(new int[] {1, 1, 1, 0, 1, 0}, 2, 3));
    NDArray out = Attention.scaledDotProduct(Tensor.constant(q), Tensor.constant(k), Tensor.constant(v), mask).value();
    assertTrue(out.slice(0, 0, 1, 1).reshape(2).allClose(v.mean(0), 1e-12, 1e-12), "fully masked row " + out);
    NDArray[] grads = Autodiff.vjp(in -> Attention.scaledDotProduct(in[0], in[1], in[2], mask), new NDArray[] {q, k, v},
        NDArray.ones(Shape.of(2, 2), DType.FLOAT64));
    for (NDArray grad : grads) {
      assertTrue(Arrays.stream(grad.toDoubleArray()).allMatch(Double::isFinite), "not finite: " + grad);
    }
  }

  @Test
  void float32AttentionStaysFiniteWithMasks() {
    NDArray q = NDArray.normal(Shape.of(1, 3, 4), 0, 10, DType.FLOAT32, new SplittableRandom(1));
    AttentionMask mask = AttentionMask.causal(3, 3).and(AttentionMask.keyPadding(bools(new int[] {0, 1, 1}, 1, 3)));
    NDArray out = Attention.scaledDotProduct(Tensor.constant(q), Tensor.constant(q), Tensor.constant(q), mask).value();
    assertEquals(DType.FLOAT32, out.dtype());
    assertTrue(out.allClose(q.slice(1, 0, 1, 1).broadcastTo(Shape.of(1, 3, 4)), 1e-6, 1e-6), out.toString());
  }

  @Test
  void dropoutOnTheWeightsActsOnlyInTraining() {
    NDArray[] x = inputs("sdpa_plain");
    Tensor q = Tensor.constant(x[0]);
    Tensor k = Tensor.constant(x[1]);
    Tensor v = Tensor.constant(x[2]);
    NDArray plain = Attention.scaledDotProduct(q, k, v).value();
    NDArray eval = Attention.scaledDotProduct(q, k, v, AttentionMask.none(), 0.5, Mode.EVAL, new SplittableRandom(1)).value();
    NDArray train = Attention.scaledDotProduct(q, k, v, AttentionMask.none(), 0.5, Mode.TRAIN, new SplittableRandom(1)).value();
    NDArray again = Attention.scaledDotProduct(q, k, v, AttentionMask.none(), 0.5, Mode.TRAIN, new SplittableRandom(1)).value();
    assertEquals(plain, eval);
    assertNotEquals(plain, train);
    assertEquals(train, again, "the same seed drops the same weights");
  }

  @Test
  void masksCombineAndDescribeThemselves() {
    AttentionMask mask = AttentionMask.causal(2, 3).and(AttentionMask.blocking(bools(new int[] {0, 0, 1}, 3)));
    NDArray allowed = mask.allowed("test", Shape.of(2, 3));
    assertEquals(bools(new int[] {1, 0, 0, 1, 1, 0}, 2, 3), allowed);
    assertEquals("AttentionMask(causal [2, 3] and allowed [3])", mask.toString());
    assertTrue(AttentionMask.none().isNone());
    assertEquals(null, AttentionMask.none().allowed("test", Shape.of(2, 3)));
  }

  @Test
  void shapeAndDtypeErrorsNameTheProblem() {
    Tensor q = Tensor.constant(NDArray.zeros(Shape.of(2, 3, 4), DType.FLOAT64));
    Tensor k = Tensor.constant(NDArray.zeros(Shape.of(2, 5, 4), DType.FLOAT64));
    Tensor narrow = Tensor.constant(NDArray.zeros(Shape.of(2, 5, 3), DType.FLOAT64));
    Tensor shortValue = Tensor.constant(NDArray.zeros(Shape.of(2, 4, 4), DType.FLOAT64));
    assertEquals("scaledDotProduct: query [2, 3, 4] and key [2, 5, 3] must have the same last axis (4 != 3)",
        assertThrows(IllegalArgumentException.class, () -> Attention.scaledDotProduct(q, narrow, narrow)).getMessage());
    assertEquals("scaledDotProduct: key [2, 5, 4] and value [2, 4, 4] must have the same number of positions on the "
        + "second-to-last axis (key [..., S, d], value [..., S, dv])",
        assertThrows(IllegalArgumentException.class, () -> Attention.scaledDotProduct(q, k, shortValue)).getMessage());
    assertEquals("scaledDotProduct: the attention mask [4, 5] does not broadcast to the attention scores [2, 3, 5] "
        + "([..., queries, keys])", assertThrows(IllegalArgumentException.class, () -> Attention.scaledDotProduct(q, k, k,
            AttentionMask.allowing(NDArray.ones(Shape.of(4, 5), DType.BOOL)))).getMessage());
    assertEquals("scaledDotProduct: the causal mask [3, 3] does not match the attention scores [2, 3, 5] ([..., queries, keys]); "
        + "make it with causal(3, 5)", assertThrows(IllegalArgumentException.class,
            () -> Attention.scaledDotProduct(q, k, k, AttentionMask.causal(3, 3))).getMessage());
    assertEquals("scaledDotProduct: the key padding mask [2, 4] does not match the attention scores [2, 3, 5] "
        + "([..., queries, keys]); expected [2, 5]", assertThrows(IllegalArgumentException.class,
            () -> Attention.scaledDotProduct(q, k, k, AttentionMask.keyPadding(NDArray.zeros(Shape.of(2, 4), DType.BOOL)))).getMessage());
  }

  @Test
  void maskFactoriesRefuseWhatTheyCannotRead() {
    assertEquals("AttentionMask.blocking: expected a bool mask, got float32; make one with a comparison such as ids.eq(padId)",
        assertThrows(IllegalArgumentException.class, () -> AttentionMask.blocking(NDArray.zeros(Shape.of(2, 2)))).getMessage());
    assertEquals("AttentionMask.keyPadding: expected a mask [batch, keys], got [5]",
        assertThrows(IllegalArgumentException.class, () -> AttentionMask.keyPadding(NDArray.zeros(Shape.of(5), DType.BOOL)))
            .getMessage());
    assertEquals("AttentionMask.causal: sizes must be positive, got 0 queries and 3 keys",
        assertThrows(IllegalArgumentException.class, () -> AttentionMask.causal(0, 3)).getMessage());
  }
}
