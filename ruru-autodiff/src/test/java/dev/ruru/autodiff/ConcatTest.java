package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The concat primitive against its composite (each piece zero-padded to the full extent, then added). */
class ConcatTest {
  private static Tensor composite(List<Tensor> tensors, int axis) {
    int total = tensors.stream().mapToInt(t -> t.shape().dim(axis)).sum();
    Tensor result = null;
    int before = 0;
    for (Tensor t : tensors) {
      int[][] widths = new int[t.rank()][2];
      widths[axis] = new int[] {before, total - before - t.shape().dim(axis)};
      before += t.shape().dim(axis);
      result = result == null ? t.pad(widths) : result.add(t.pad(widths));
    }
    return result;
  }

  @Test
  void matchesPaddedSumsInValueGradientAndTangent() {
    SplittableRandom rng = new SplittableRandom(3);
    NDArray[] x = {NDArray.randn(Shape.of(2, 1, 3), rng).astype(DType.FLOAT64), NDArray.randn(Shape.of(2, 4, 3), rng).astype(DType.FLOAT64),
        NDArray.randn(Shape.of(2, 2, 3), rng).astype(DType.FLOAT64)};
    NDArray weights = NDArray.linspace(-2, 3, 2 * 7 * 3, DType.FLOAT64).reshape(2, 7, 3);
    TensorFunction fused = t -> Tensor.concat(List.of(t), 1).mul(Tensor.constant(weights)).sum();
    TensorFunction oracle = t -> composite(List.of(t), 1).mul(Tensor.constant(weights)).sum();
    assertEquals(oracle.apply(constants(x)).item(), fused.apply(constants(x)).item(), 1e-12);
    NDArray[] g = Autodiff.grad(fused, x), expected = Autodiff.grad(oracle, x);
    for (int i = 0; i < x.length; i++) {
      assertTrue(g[i].allClose(expected[i], 0, 1e-12), "gradient " + i);
    }
    assertTrue(GradCheck.check(fused, x).passes());
  }

  @Test
  void promotesDtypesAndRefusesMismatchedRanks() {
    Tensor a = Tensor.constant(NDArray.ones(Shape.of(2, 2), DType.FLOAT32));
    Tensor b = Tensor.constant(NDArray.ones(Shape.of(1, 2), DType.FLOAT64));
    assertEquals(DType.FLOAT64, Tensor.concat(List.of(a, b), 0).dtype());
    Tensor c = Tensor.constant(NDArray.ones(Shape.of(2), DType.FLOAT32));
    String message = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Tensor.concat(List.of(a, c), 0))
        .getMessage();
    assertEquals("concat: tensor 1 has shape [2]; expected rank 2 and an axis in [-2, 2), got 0", message);
  }

  private static Tensor[] constants(NDArray[] x) {
    List<Tensor> out = new ArrayList<>();
    for (NDArray a : x) {
      out.add(Tensor.constant(a));
    }
    return out.toArray(Tensor[]::new);
  }
}
