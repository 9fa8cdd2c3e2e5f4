package dev.ruru.nn;

import static dev.ruru.nn.AttentionFixture.TORCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

class EmbeddingTest {
  private static final NDArray IDS = TORCH.get("embedding.ids");

  @Test
  void lookupAndGradientMatchPyTorch() {
    Embedding embedding = AttentionFixture.loaded("embedding", new Embedding(6, 3, DType.FLOAT64, new SplittableRandom(1)));
    AttentionFixture.assertMatchesTorch("embedding", embedding, List.of(), in -> embedding.forward(Tensor.constant(IDS)));
  }

  @Test
  void paddingRowGetsNoGradientLikePyTorch() {
    Embedding embedding = AttentionFixture.loaded("embedding_padded",
        Embedding.withPaddingIndex(6, 3, 0, DType.FLOAT64, new SplittableRandom(1)));
    AttentionFixture.assertMatchesTorch("embedding_padded", embedding, List.of(), in -> embedding.forward(Tensor.constant(IDS)));
  }

  @Test
  void repeatedIdsAccumulateTheirGradients() {
    Embedding embedding = new Embedding(4, 2, DType.FLOAT64, new SplittableRandom(2));
    NDArray ids = NDArray.of(new int[] {3, 1, 3, 3}, 2, 2);
    Tensor out = embedding.forward(Tensor.constant(ids));
    assertEquals(Shape.of(2, 2, 2), out.shape());
    assertEquals(embedding.weight().value().slice(0, 3, 4, 1).reshape(2), out.value().slice(0, 1, 2, 1).slice(1, 0, 1, 1).reshape(2));
    NDArray seed = NDArray.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 2, 2, 2);
    NDArray grad = out.backward(seed, List.of(embedding.weight().tensor())).get(embedding.weight().tensor());
    assertEquals(NDArray.of(new double[] {0, 0, 3, 4, 0, 0, 1 + 5 + 7, 2 + 6 + 8}, 4, 2), grad);
  }

  @Test
  void paddingRowStartsAtZeroAndNegativeIndicesCountFromTheEnd() {
    Embedding embedding = Embedding.withPaddingIndex(5, 3, -1, DType.FLOAT32, new SplittableRandom(3));
    assertEquals(NDArray.zeros(Shape.of(1, 3)), embedding.weight().value().slice(0, 4, 5, 1));
    assertTrue(embedding.weight().value().slice(0, 0, 4, 1).abs().sum().item() > 0);
    assertEquals("Embedding(5, 3, paddingIndex=4)", embedding.toString());
  }

  @Test
  void weightGradientMatchesFiniteDifferences() {
    NDArray ids = NDArray.of(new long[] {2, 0, 2, 1}, 4);
    GradCheck.assertVjpMatches(in -> Embedding.lookup(in[0], ids).tanh(), TORCH.get("embedding.state.weight"));
    GradCheck.assertJvpMatches(in -> Embedding.lookup(in[0], ids).tanh(), TORCH.get("embedding.state.weight"));
  }

  @Test
  void errorsNameTheIdAndTheRange() {
    Embedding embedding = new Embedding(6, 3, new SplittableRandom(4));
    NDArray outOfRange = NDArray.of(new long[] {1, 2, 3, 6}, 2, 2);
    assertEquals("Embedding(6, 3): id 6 at position [1, 1] is outside [0, 6)",
        assertThrows(IndexOutOfBoundsException.class, () -> embedding.forward(Tensor.constant(outOfRange))).getMessage());
    NDArray negative = NDArray.of(new int[] {-1}, 1);
    assertEquals("Embedding(6, 3): id -1 at position [0] is outside [0, 6)",
        assertThrows(IndexOutOfBoundsException.class, () -> embedding.forward(Tensor.constant(negative))).getMessage());
    assertEquals("Embedding(6, 3): ids must be int32 or int64, got float32; convert them with astype(DType.INT64)",
        assertThrows(IllegalArgumentException.class, () -> embedding.forward(Tensor.constant(NDArray.zeros(Shape.of(2))))).getMessage());
    assertEquals("Embedding(6, 3): padding index 6 is outside [-6, 6)", assertThrows(IllegalArgumentException.class,
        () -> Embedding.withPaddingIndex(6, 3, 6, DType.FLOAT32, new SplittableRandom(1))).getMessage());
  }
}
