package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fused binary cross-entropy: hand values, the plain formula as its oracle in both dtypes, and its error (gradients: PrimitiveGradientTest). */
class BinaryCrossEntropyTest {
  @Test
  void handComputedValuesIncludingLogitsThatWouldOverflow() {
    NDArray logits = NDArray.of(new double[] {0, 2, -100, 100, -1}, 5);
    NDArray targets = NDArray.of(new double[] {1, 0, 1, 1, 0.25}, 5);
    double[] loss = BinaryCrossEntropy.withLogits(Tensor.constant(logits), targets).value().toDoubleArray();
    assertEquals(Math.log(2), loss[0], 1e-15);
    assertEquals(2 + Math.log(1 + Math.exp(-2)), loss[1], 1e-15);
    assertEquals(100, loss[2], 1e-12);
    assertEquals(0, loss[3], 1e-40);
    // −[¼·log σ(−1) + ¾·log(1 − σ(−1))]
    double s = 1 / (1 + Math.exp(1));
    assertEquals(-(0.25 * Math.log(s) + 0.75 * Math.log(1 - s)), loss[4], 1e-15);
  }

  @Test
  void matchesThePlainFormulaAndItsGradientInBothDtypes() {
    SplittableRandom rng = new SplittableRandom(4);
    NDArray x = NDArray.normal(Shape.of(16, 30), 0, 4, DType.FLOAT64, rng);
    NDArray y = NDArray.uniform(Shape.of(16, 30), 0, 1, DType.FLOAT64, rng);
    NDArray sigmoid = NDArray.ones(x.shape(), DType.FLOAT64).div(x.neg().exp().add(1.0));
    NDArray expected = y.mul(sigmoid.log()).add(y.neg().add(1.0).mul(sigmoid.neg().add(1.0).log())).neg();
    for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      Tensor logits = Tensor.variable(x.astype(dtype));
      Tensor loss = BinaryCrossEntropy.withLogits(logits, y);
      assertEquals(dtype, loss.dtype());
      double tolerance = dtype == DType.FLOAT64 ? 1e-12 : 1e-5;
      assertTrue(expected.allClose(loss.value().astype(DType.FLOAT64), tolerance, tolerance), dtype + ": values differ");
      NDArray gradient = Autodiff.grad(t -> BinaryCrossEntropy.withLogits(t[0], y).sum(), x.astype(dtype))[0];
      assertTrue(sigmoid.sub(y).allClose(gradient.astype(DType.FLOAT64), tolerance, tolerance), dtype + ": gradient is not σ(x) − y");
    }
  }

  @Test
  void backwardFromTheForwardSigmoidMatchesTheSlopeKernelOnViewsAndRowBroadcasts() {
    SplittableRandom rng = new SplittableRandom(9);
    for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      // Logits far out on both sides (σ saturates), a transposed view, and a per-row gradient broadcast along the row, as sum(1) sends back.
      NDArray x = NDArray.normal(Shape.of(7, 5), 0, 12, DType.FLOAT64, rng).astype(dtype).transpose();
      NDArray y = NDArray.uniform(Shape.of(5, 7), 0, 1, DType.FLOAT64, rng).astype(dtype);
      NDArray rowGradient = NDArray.normal(Shape.of(5, 1), 0, 1, DType.FLOAT64, rng).astype(dtype).broadcastTo(Shape.of(5, 7));
      NDArray[] fromForward = Autodiff.vjp(t -> BinaryCrossEntropy.withLogits(t[0], y), new NDArray[] {x}, rowGradient);
      NDArray expected = BinaryCrossEntropy.mulSigmoidResidual(rowGradient, x, y);
      double tolerance = dtype == DType.FLOAT64 ? 1e-15 : 1e-6;
      assertTrue(expected.allClose(fromForward[0], tolerance, tolerance), dtype + ": " + fromForward[0] + " vs " + expected);
    }
  }

  @Test
  void rowSumsMatchTheElementwiseLossSummedOnAwkwardShapes() {
    SplittableRandom rng = new SplittableRandom(11);
    // One column, one row, no rows, rows longer than the factors folded per logarithm, and a transposed view.
    int[][] shapes = {{4, 1}, {1, 7}, {0, 5}, {3, 2 * BinaryCrossEntropy.FACTORS_PER_LOG + 37}, {6, 9}};
    for (int[] shape : shapes) {
      for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
        NDArray x = NDArray.normal(Shape.of(shape[1], shape[0]), 0, 6, DType.FLOAT64, rng).astype(dtype).transpose();
        NDArray y = NDArray.uniform(Shape.of(shape), 0, 1, DType.FLOAT64, rng);
        NDArray expected = BinaryCrossEntropy.withLogits(Tensor.constant(x.astype(DType.FLOAT64)), y).value().sum(1);
        NDArray actual = BinaryCrossEntropy.withLogitsSummed(Tensor.constant(x), y).value();
        assertEquals(dtype, actual.dtype());
        double tolerance = dtype == DType.FLOAT64 ? 1e-12 : 1e-6;
        assertTrue(expected.allClose(actual.astype(DType.FLOAT64), tolerance, tolerance), dtype + " " + java.util.Arrays.toString(shape)
            + ": " + actual + " vs " + expected);
      }
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BinaryCrossEntropy.withLogitsSummed(Tensor.constant(NDArray.zeros(Shape.of(2, 3, 4))), NDArray.zeros(Shape.of(2, 3, 4))));
    assertEquals("binaryCrossEntropyWithLogits: row sums need logits [n, m], got [2, 3, 4]; reshape to rows first", e.getMessage());
  }

  @Test
  void targetsOfAnotherShapeAreRefused() {
    Tensor logits = Tensor.constant(NDArray.zeros(Shape.of(2, 3)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BinaryCrossEntropy.withLogits(logits, NDArray.zeros(Shape.of(3, 2))));
    assertEquals("binaryCrossEntropyWithLogits: targets have shape [3, 2] but the logits have shape [2, 3]; give one target per logit",
        e.getMessage());
  }
}
