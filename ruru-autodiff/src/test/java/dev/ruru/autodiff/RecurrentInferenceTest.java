package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The LSTM's inference path ({@link RecurrentInference}, taken under {@link Autodiff#noGrad}) against the
 * fused kernel that training runs (the same call while recording): output, final h and final c, on
 * awkward shapes (one row, one unit, one step, an odd batch wider than a vector), in both directions,
 * with the projection's storage in each order the kernel reads in place.
 */
class RecurrentInferenceTest {
  /** The projection's axes (B, T, W) in the order its storage holds them: batch-first, time-major, and W·xᵀ's two. */
  private static final int[][] STORAGE_ORDERS = {{0, 1, 2}, {1, 0, 2}, {2, 1, 0}, {2, 0, 1}};

  @Test
  void inferenceGivesTheKernelsValuesOnAwkwardShapes() {
    int[][] shapes = {{1, 1, 1}, {1, 7, 16}, {3, 4, 5}, {65, 3, 16}, {2, 1, 3}};
    for (int[] shape : shapes) {
      for (boolean reverse : new boolean[] {false, true}) {
        for (int[] storage : STORAGE_ORDERS) {
          compare(shape[0], shape[1], shape[2], reverse, storage);
        }
      }
    }
  }

  private static void compare(int batch, int steps, int hidden, boolean reverse, int[] storage) {
    SplittableRandom rng = new SplittableRandom(batch * 1000 + steps * 100 + hidden);
    int width = 4 * hidden;
    int[] dims = {batch, steps, width};
    int[] back = new int[3];
    for (int k = 0; k < 3; k++) {
      back[storage[k]] = k;
    }
    NDArray p = NDArray.randn(Shape.of(dims[storage[0]], dims[storage[1]], dims[storage[2]]), rng).permute(back);
    Tensor[] in = {Tensor.constant(p.mul(2).astype(DType.FLOAT32)), Tensor.constant(NDArray.randn(Shape.of(width, hidden), rng).mul(0.7).astype(DType.FLOAT32)),
        Tensor.constant(NDArray.randn(Shape.of(width), rng).mul(0.3).astype(DType.FLOAT32)),
        Tensor.constant(NDArray.randn(Shape.of(batch, hidden), rng).mul(0.5).astype(DType.FLOAT32)),
        Tensor.constant(NDArray.randn(Shape.of(batch, hidden), rng).mul(0.5).astype(DType.FLOAT32))};
    Recurrence.Result kernel = Recurrence.run(RecurrentCell.LSTM, in[0], in[1], in[2], in[3], in[4], null, reverse);
    Recurrence.Result inferred = Autodiff.noGrad(() -> Recurrence.run(RecurrentCell.LSTM, in[0], in[1], in[2], in[3], in[4], null, reverse));
    String where = "batch " + batch + ", steps " + steps + ", hidden " + hidden + (reverse ? ", reverse" : "") + ", storage " + java.util.Arrays.toString(storage);
    assertClose(kernel.output().value(), inferred.output().value(), "output, " + where);
    assertClose(kernel.hidden().value(), inferred.hidden().value(), "final h, " + where);
    assertClose(kernel.cell().value(), inferred.cell().value(), "final c, " + where);
  }

  private static void assertClose(NDArray expected, NDArray actual, String what) {
    assertTrue(actual.shape().equals(expected.shape()) && actual.allClose(expected, 1e-5, 1e-6),
        what + ": the inference path gives\n" + actual + "\nthe kernel\n" + expected);
  }
}
