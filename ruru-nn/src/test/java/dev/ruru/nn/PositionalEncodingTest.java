package dev.ruru.nn;

import static dev.ruru.nn.AttentionFixture.TORCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PositionalEncodingTest {
  @Test
  void sinusoidalTableMatchesThePyTorchTutorial() {
    TORCH.assertMatches("sinusoidal.table", new SinusoidalPositionalEncoding(6, 10).table());
  }

  @Test
  void sinusoidalEncodingIsAddedToEverySequenceInTheInputsDtype() {
    SinusoidalPositionalEncoding encoding = new SinusoidalPositionalEncoding(5, 8);
    NDArray x = NDArray.normal(Shape.of(2, 3, 5), 0, 1, DType.FLOAT32, new SplittableRandom(1));
    Tensor y = encoding.forward(Tensor.constant(x));
    assertEquals(DType.FLOAT32, y.dtype());
    NDArray added = y.value().sub(x);
    double position2 = 2 / Math.pow(10000, 4.0 / 5);
    assertEquals(Math.sin(position2), added.getDouble(1, 2, 4), 1e-6);
    assertEquals(Math.cos(2 / Math.pow(10000, 2.0 / 5)), added.getDouble(0, 2, 3), 1e-6);
    assertTrue(encoding.parameters().isEmpty() && encoding.stateDict().isEmpty());
  }

  @Test
  void learnedEncodingTrainsOnlyTheRowsUsed() {
    LearnedPositionalEncoding encoding = new LearnedPositionalEncoding(6, 4, DType.FLOAT64, new SplittableRandom(2));
    NDArray x = NDArray.zeros(Shape.of(2, 3, 4), DType.FLOAT64);
    Tensor y = encoding.forward(Tensor.constant(x));
    assertEquals(encoding.weight().value().slice(0, 0, 3, 1), y.value().slice(0, 1, 2, 1).reshape(3, 4));
    NDArray grad = y.sum().backward(List.of(encoding.weight().tensor())).get(encoding.weight().tensor());
    NDArray expected = NDArray.zeros(Shape.of(6, 4), DType.FLOAT64);
    expected.slice(0, 0, 3, 1).fillInPlace(2);
    assertEquals(expected, grad);
    assertEquals(List.of("weight"), List.copyOf(encoding.parameters().keySet()));
  }

  @Test
  void sequencesLongerThanMaxLenAreRefusedNamingBothLengths() {
    Tensor x = Tensor.constant(NDArray.zeros(Shape.of(1, 9, 4)));
    assertEquals("SinusoidalPositionalEncoding(dim=4, maxLen=8): the sequence has 9 positions but maxLen is 8; build the "
        + "encoding with a larger maxLen or cut the sequence",
        assertThrows(IllegalArgumentException.class, () -> new SinusoidalPositionalEncoding(4, 8).forward(x)).getMessage());
    assertEquals("LearnedPositionalEncoding(maxLen=8, dim=4): the sequence has 9 positions but maxLen is 8; build the "
        + "encoding with a larger maxLen or cut the sequence", assertThrows(IllegalArgumentException.class,
            () -> new LearnedPositionalEncoding(8, 4, new SplittableRandom(1)).forward(x)).getMessage());
    assertEquals("SinusoidalPositionalEncoding(dim=5, maxLen=8): expected input [batch, length, 5], got [1, 9, 4]",
        assertThrows(IllegalArgumentException.class, () -> new SinusoidalPositionalEncoding(5, 8).forward(x)).getMessage());
  }
}
