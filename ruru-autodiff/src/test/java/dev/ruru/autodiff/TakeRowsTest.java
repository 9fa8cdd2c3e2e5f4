package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** takeRows against its composite (gather with the ids broadcast along each row), and finite differences. */
class TakeRowsTest {
  private static final NDArray IDS = NDArray.of(new long[] {2, 0, 2, 4, 2, 1}, 2, 3);

  @Test
  void matchesGatherInValueAndGradientAndAddsRepeatedRows() {
    NDArray x = NDArray.randn(Shape.of(5, 4), new SplittableRandom(2)).astype(DType.FLOAT64);
    NDArray weights = NDArray.linspace(-1, 2, 24, DType.FLOAT64).reshape(2, 3, 4);
    TensorFunction fused = t -> t[0].takeRows(IDS).mul(Tensor.constant(weights)).sum();
    TensorFunction oracle = t -> t[0].gather(0, IDS.reshape(6, 1).broadcastTo(Shape.of(6, 4))).reshape(2, 3, 4)
        .mul(Tensor.constant(weights)).sum();
    assertEquals(oracle.apply(new Tensor[] {Tensor.constant(x)}).item(), fused.apply(new Tensor[] {Tensor.constant(x)}).item(), 1e-12);
    NDArray g = Autodiff.grad(fused, x)[0];
    assertTrue(g.allClose(Autodiff.grad(oracle, x)[0], 0, 1e-12), g.toString());
    assertEquals(0.0, g.slice(0, 3, 4, 1).abs().sum().item(), "row 3 was never picked");
    assertTrue(GradCheck.check(fused, x).passes());
    assertTrue(GradCheck.check(t -> t[0].takeRows(IDS).takeRows(NDArray.of(new long[] {1, 0}, 2)).pow(2).sum(), x).passes(),
        "second derivatives through putRows");
  }

  @Test
  void refusesIdsOutsideTheRowsAndNonIntegerIds() {
    Tensor x = Tensor.constant(NDArray.zeros(Shape.of(3, 2), DType.FLOAT32));
    assertEquals("takeRows: id 3 at flat position 1 is outside [0, 3)",
        assertThrows(IndexOutOfBoundsException.class, () -> x.takeRows(NDArray.of(new long[] {0, 3}, 2))).getMessage());
    assertEquals("takeRows: ids must be int32 or int64, got float32",
        assertThrows(IllegalArgumentException.class, () -> x.takeRows(NDArray.of(new float[] {0, 1}, 2))).getMessage());
  }

  @Test
  void floatActivationsAreWithinHalfAMicroOfTheExactFunctions() {
    double tanhError = 0, sigmoidError = 0;
    for (int i = -400_000; i <= 400_000; i++) {
      float x = i * 5e-5f;
      tanhError = Math.max(tanhError, Math.abs(FloatActivations.tanh(x) - Math.tanh(x)));
      sigmoidError = Math.max(sigmoidError, Math.abs(FloatActivations.sigmoid(x) - 1 / (1 + Math.exp(-x))));
    }
    for (float x : new float[] {-1e4f, -50f, 50f, 1e4f, Float.MIN_VALUE}) {
      tanhError = Math.max(tanhError, Math.abs(FloatActivations.tanh(x) - Math.tanh(x)));
    }
    assertTrue(tanhError < 5e-7, "tanh error " + tanhError);
    assertTrue(sigmoidError < 5e-7, "sigmoid error " + sigmoidError);
  }
}
