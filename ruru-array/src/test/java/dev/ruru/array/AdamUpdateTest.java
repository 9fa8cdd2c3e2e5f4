package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The one-pass Adam step against the whole-array composition it replaces (the oracle), bit for bit. */
class AdamUpdateTest {
  private static final AdamUpdate.Coefficients[] STEPS = {
      new AdamUpdate.Coefficients(0.9, 0.999, 1e-3 / (1 - 0.9), Math.sqrt(1 - 0.999), 1e-8),
      new AdamUpdate.Coefficients(0.9, 0.999, 1e-3 / (1 - 0.81), Math.sqrt(1 - 0.999 * 0.999), 1e-8),
      new AdamUpdate.Coefficients(0.8, 0.99, 0.3, 0.7, 1e-3)};

  /** Three steps of the composition: m·β₁ + (1 − β₁)·g, v·β₂ + g²·(1 − β₂), θ + (−step)·m / (√v / c₂ + ε). */
  private static NDArray[] composed(NDArray parameter, NDArray[] gradients) {
    NDArray p = parameter.copy();
    NDArray m = NDArray.zeros(Shape.of(p.shape().dims()), p.dtype());
    NDArray v = NDArray.zeros(Shape.of(p.shape().dims()), p.dtype());
    for (int t = 0; t < STEPS.length; t++) {
      AdamUpdate.Coefficients c = STEPS[t];
      NDArray g = gradients[t];
      m.mulInPlace(c.beta1()).addScaledInPlace(g, 1 - c.beta1());
      v.mulInPlace(c.beta2()).addInPlace(g.mul(g).mulInPlace(1 - c.beta2()));
      p.addScaledInPlace(m.div(v.sqrt().div(c.correction2()).addInPlace(c.epsilon())), -c.stepSize());
    }
    return new NDArray[] {p, m, v};
  }

  private static NDArray[] fused(NDArray parameter, NDArray[] gradients) {
    NDArray p = parameter.copy();
    NDArray m = NDArray.zeros(Shape.of(p.shape().dims()), p.dtype());
    NDArray v = NDArray.zeros(Shape.of(p.shape().dims()), p.dtype());
    for (int t = 0; t < STEPS.length; t++) {
      AdamUpdate.applyInPlace(p, gradients[t], m, v, STEPS[t]);
    }
    return new NDArray[] {p, m, v};
  }

  @ParameterizedTest(name = "{0} {1}x{2}, {3} threads")
  @CsvSource({"FLOAT32, 0, 3, 1", "FLOAT32, 1, 1, 1", "FLOAT32, 7, 13, 1", "FLOAT32, 401, 197, 2", "FLOAT64, 1, 1, 1",
      "FLOAT64, 5, 3, 1", "FLOAT64, 333, 101, 2"})
  void givesTheCompositionsBits(DType dtype, int rows, int columns, int threads) {
    SplittableRandom rng = new SplittableRandom(7 + rows);
    Shape shape = Shape.of(rows, columns);
    NDArray parameter = NDArray.randn(shape, rng).astype(dtype);
    // Gradients over many orders of magnitude, zeros among them, so that ε and the square root matter.
    NDArray[] gradients = new NDArray[STEPS.length];
    for (int t = 0; t < STEPS.length; t++) {
      gradients[t] = NDArray.randn(shape, rng).mul(NDArray.randn(shape, rng).mul(4).exp()).astype(dtype);
    }
    int before = Parallel.threads();
    try {
      Parallel.setThreads(threads);
      NDArray[] expected = composed(parameter, gradients);
      NDArray[] actual = fused(parameter, gradients);
      String[] names = {"parameter", "first moment", "second moment"};
      for (int i = 0; i < names.length; i++) {
        assertEquals(expected[i], actual[i], names[i] + " differs from the composed update");
      }
    } finally {
      Parallel.setThreads(before);
    }
  }

  @Test
  void fitsOnlyWholeArraysOfOneDtypeAndShape() {
    NDArray p = NDArray.zeros(Shape.of(4, 6));
    NDArray g = NDArray.ones(Shape.of(4, 6));
    assertTrue(AdamUpdate.fits(p, g, p.copy(), p.copy()));
    assertFalse(AdamUpdate.fits(p, g.transpose().copy().transpose(), p.copy(), p.copy()), "a transposed gradient");
    assertFalse(AdamUpdate.fits(p, g.astype(DType.FLOAT64), p.copy(), p.copy()), "a float64 gradient");
    assertFalse(AdamUpdate.fits(p, NDArray.ones(Shape.of(1, 6)).broadcastTo(Shape.of(4, 6)), p.copy(), p.copy()), "a broadcast gradient");
    assertFalse(AdamUpdate.fits(p, g, p, p.copy()), "the parameter as its own moment");
    assertFalse(AdamUpdate.fits(p.astype(DType.INT32), g.astype(DType.INT32), p.astype(DType.INT32), p.astype(DType.INT32)), "integers");
  }

  @Test
  void refusesAViewWithAMessage() {
    NDArray p = NDArray.zeros(Shape.of(4, 6));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> AdamUpdate.applyInPlace(p, NDArray.ones(Shape.of(4, 6)).transpose().copy().transpose(), p.copy(), p.copy(), STEPS[0]));
    assertTrue(error.getMessage().startsWith("AdamUpdate: expected four whole C-contiguous float arrays"), error.getMessage());
  }
}
