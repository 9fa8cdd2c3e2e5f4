package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * NumPy's broadcasting rules: results against naive loops over the broadcast index, broadcast views
 * (stride 0, shared storage) and the exact error text of a clash. The NumPy fixtures
 * (NumpyReferenceTest, "broadcast_*") cover the same rules against NumPy itself.
 */
class BroadcastingTest {
  private static NDArray random(int... shape) {
    return NDArray.randn(Shape.of(shape), new SplittableRandom(Layout.size(shape) * 31L + shape.length));
  }

  @Test
  void threeByOnePlusOneByFourMatchesNaiveLoop() {
    NDArray a = random(3, 1);
    NDArray b = random(1, 4);
    NDArray sum = a.add(b);
    assertEquals(Shape.of(3, 4), sum.shape());
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals((float) a.getDouble(i, 0) + (float) b.getDouble(0, j), sum.getDouble(i, j), 0, "at [" + i + ", " + j + "]");
      }
    }
  }

  @Test
  void rankExtensionPrependsAxesOfExtentOne() {
    NDArray a = random(4, 1, 3);
    NDArray b = random(5, 1);
    NDArray product = a.mul(b);
    assertEquals(Shape.of(4, 5, 3), product.shape());
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 5; j++) {
        for (int k = 0; k < 3; k++) {
          float expected = (float) a.getDouble(i, 0, k) * (float) b.getDouble(j, 0);
          assertEquals(expected, product.getDouble(i, j, k), 0, "at [" + i + ", " + j + ", " + k + "]");
        }
      }
    }
  }

  @Test
  void emptyAxisBroadcastsWithOneButNotWithTwo() {
    assertEquals(Shape.of(0, 3), NDArray.zeros(Shape.of(0, 3)).add(random(1, 3)).shape());
    assertEquals(Shape.of(0, 3), NDArray.zeros(Shape.of(0, 1)).add(random(3)).shape());
    ShapeMismatchException error = assertThrows(ShapeMismatchException.class, () -> NDArray.zeros(Shape.of(0)).add(random(2)));
    assertEquals("add: cannot broadcast [0] with [2]: dimension 0 is 0 vs 2 and neither is 1", error.getMessage());
  }

  @Test
  void scalarArraysBroadcastToAnyShape() {
    NDArray scalar = NDArray.scalar(2, DType.FLOAT32);
    NDArray x = random(2, 3);
    assertEquals(Shape.of(2, 3), x.mul(scalar).shape());
    assertEquals(Shape.of(2, 3), scalar.sub(x).shape());
    assertEquals(Shape.of(), scalar.add(scalar).shape());
    assertEquals(-x.getDouble(1, 2) + 2, scalar.sub(x).getDouble(1, 2), 1e-6);
  }

  @Test
  void clashNamesTheOperationBothShapesAndTheDimension() {
    NDArray a = NDArray.zeros(Shape.of(2, 3));
    NDArray b = NDArray.zeros(Shape.of(4, 3));
    assertEquals("add: cannot broadcast [2, 3] with [4, 3]: dimension 0 is 2 vs 4 and neither is 1",
        assertThrows(ShapeMismatchException.class, () -> a.add(b)).getMessage());
    assertEquals("mul: cannot broadcast [2, 3] with [2, 4]: dimension 1 is 3 vs 4 and neither is 1",
        assertThrows(ShapeMismatchException.class, () -> a.mul(NDArray.zeros(Shape.of(2, 4)))).getMessage());
    assertEquals("lt: cannot broadcast [2, 3] with [4, 3]: dimension 0 is 2 vs 4 and neither is 1",
        assertThrows(ShapeMismatchException.class, () -> a.lt(b)).getMessage());
  }

  @Test
  void clashInARankExtendedOperandCountsDimensionsOfTheResult() {
    ShapeMismatchException error = assertThrows(ShapeMismatchException.class,
        () -> NDArray.zeros(Shape.of(5, 2, 3)).sub(NDArray.zeros(Shape.of(4, 3))));
    assertEquals("sub: cannot broadcast [5, 2, 3] with [4, 3]: dimension 1 is 2 vs 4 and neither is 1", error.getMessage());
  }

  @Test
  void broadcastToIsAViewWithZeroStrides() {
    NDArray column = random(3, 1);
    NDArray wide = column.broadcastTo(Shape.of(2, 3, 4));
    assertTrue(wide.sharesStorageWith(column));
    assertArrayEquals(new int[] {0, 1, 0}, wide.strides());
    for (int i = 0; i < 2; i++) {
      for (int k = 0; k < 4; k++) {
        assertEquals(column.getDouble(2, 0), wide.getDouble(i, 2, k), 0);
      }
    }
  }

  @Test
  void broadcastToRefusesShrinkingAnAxis() {
    ShapeMismatchException error = assertThrows(ShapeMismatchException.class, () -> random(2, 3).broadcastTo(Shape.of(4, 3)));
    assertEquals("broadcastTo: cannot broadcast [2, 3] to [4, 3]: dimension 0 is 2 vs 4 and the first is not 1", error.getMessage());
  }

  @Test
  void inPlaceTargetDoesNotGrow() {
    NDArray target = NDArray.zeros(Shape.of(1, 3));
    ShapeMismatchException error = assertThrows(ShapeMismatchException.class, () -> target.addInPlace(NDArray.zeros(Shape.of(2, 3))));
    assertTrue(error.getMessage().startsWith("addInPlace: cannot broadcast [2, 3] to [1, 3]"), error.getMessage());
  }

  @Test
  void addScaledInPlaceIsTheSameBitsAsAddingTheScaledArray() {
    // An optimiser's step: θ + (−lr)·g in one pass must equal θ + g.mul(−lr), in both float types,
    // for a contiguous operand, a transposed (strided) one, and a broadcast row.
    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      NDArray theta = random(40, 50).astype(dtype);
      for (NDArray other : new NDArray[] {random(40, 50), random(50, 40).transpose(), random(50)}) {
        NDArray g = other.astype(dtype);
        NDArray expected = theta.add(g.mul(-0.37));
        NDArray updated = theta.copy().addScaledInPlace(g, -0.37);
        assertEquals(dtype, updated.dtype());
        assertTrue(updated.equals(expected), dtype + " " + g.shape());
      }
    }
  }

  @Test
  void addScaledInPlaceRefusesIntegerTargetsAndGrowing() {
    IllegalArgumentException integer = assertThrows(IllegalArgumentException.class,
        () -> NDArray.zeros(Shape.of(3), DType.INT32).addScaledInPlace(NDArray.ones(Shape.of(3)), 0.5));
    assertEquals("addScaledInPlace: expected a float32 or float64 array to update, got int32", integer.getMessage());
    ShapeMismatchException shape = assertThrows(ShapeMismatchException.class,
        () -> NDArray.zeros(Shape.of(1, 3)).addScaledInPlace(NDArray.zeros(Shape.of(2, 3)), 1));
    assertTrue(shape.getMessage().startsWith("addScaledInPlace: cannot broadcast [2, 3] to [1, 3]"), shape.getMessage());
  }

  @Test
  void whereBroadcastsAllThreeOperands() {
    NDArray condition = NDArray.of(new float[] {1, 0, 1}, 3, 1).gt(0.5);
    NDArray yes = random(4);
    NDArray no = NDArray.scalar(-1, DType.FLOAT32);
    NDArray picked = NDArray.where(condition, yes, no);
    assertEquals(Shape.of(3, 4), picked.shape());
    for (int j = 0; j < 4; j++) {
      assertEquals(yes.getDouble(j), picked.getDouble(0, j), 0);
      assertEquals(-1, picked.getDouble(1, j), 0);
      assertEquals(yes.getDouble(j), picked.getDouble(2, j), 0);
    }
  }
}
