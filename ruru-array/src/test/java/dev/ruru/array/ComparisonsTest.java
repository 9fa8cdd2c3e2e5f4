package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** equals/hashCode (value equality across layouts) and allClose with NumPy's rules. */
class ComparisonsTest {
  @Test
  void equalValuesInDifferentLayoutsAreEqualWithEqualHashes() {
    NDArray x = NDArray.randn(Shape.of(5, 7), new SplittableRandom(3));
    NDArray[] sameValues = {x.copy(), x.copy(Order.F), x.transpose().copy().transpose(), x.index("::-1").copy().index("::-1")};
    for (NDArray y : sameValues) {
      assertEquals(x, y, y.describe());
      assertEquals(x.hashCode(), y.hashCode(), y.describe());
    }
  }

  @Test
  void dtypeShapeAndEveryElementCount() {
    NDArray x = NDArray.of(new float[] {1, 2, 3, 4}, 2, 2);
    assertNotEquals(x, x.astype(DType.FLOAT64), "dtype differs");
    assertNotEquals(x, x.reshape(4), "shape differs");
    assertNotEquals(x, NDArray.of(new float[] {1, 2, 3, 5}, 2, 2), "last element differs");
    assertNotEquals(x, x.transpose(), "same shape, elements in other places");
    assertNotEquals(x, "not an array");
  }

  @Test
  void nanEqualsNanSoEveryArrayEqualsItself() {
    NDArray x = NDArray.of(new double[] {Double.NaN, 1}, 2);
    assertEquals(x, x);
    assertEquals(x, x.copy());
    assertEquals(x.hashCode(), NDArray.of(new double[] {Double.longBitsToDouble(0x7ff8000000000123L), 1}, 2).hashCode());
  }

  @Test
  void negativeZeroEqualsZeroWithTheSameHash() {
    NDArray negative = NDArray.of(new float[] {-0f}, 1);
    NDArray positive = NDArray.of(new float[] {0f}, 1);
    assertEquals(positive, negative);
    assertEquals(positive.hashCode(), negative.hashCode());
  }

  @Test
  void largeIntegersCompareExactly() {
    NDArray a = NDArray.of(new long[] {(1L << 53) + 1}, 1);
    NDArray b = NDArray.of(new long[] {1L << 53}, 1);
    assertNotEquals(a, b, "these differ although they round to the same double");
  }

  @Test
  void allCloseUsesToleranceRelativeToTheSecondOperand() {
    NDArray a = NDArray.of(new double[] {100.5}, 1);
    NDArray b = NDArray.of(new double[] {100}, 1);
    assertTrue(a.allClose(b, 0.005, 0));
    assertFalse(b.allClose(a, 0.00497, 0), "|a - b| = 0.5 > 0.00497 * 100.5");
    assertTrue(a.allClose(b, 0, 0.5));
    assertFalse(a.allClose(b), "NumPy's defaults rtol 1e-5, atol 1e-8");
  }

  @Test
  void allCloseBroadcasts() {
    NDArray rows = NDArray.of(new float[] {1, 2, 1, 2}, 2, 2);
    assertTrue(rows.allClose(NDArray.of(new float[] {1, 2}, 2)));
    assertTrue(NDArray.full(Shape.of(3, 1), 5, DType.INT32).allClose(NDArray.scalar(5, DType.FLOAT64)));
  }

  @Test
  void nanIsNeverCloseAndInfinityOnlyToItself() {
    NDArray nan = NDArray.of(new double[] {Double.NaN}, 1);
    NDArray inf = NDArray.of(new double[] {Double.POSITIVE_INFINITY}, 1);
    assertFalse(nan.allClose(nan));
    assertTrue(inf.allClose(inf));
    assertFalse(inf.allClose(inf.neg()));
    assertFalse(inf.allClose(NDArray.of(new double[] {1e308}, 1), 1, 1));
  }

  @Test
  void allCloseShapeClashNamesTheOperationAndBothShapes() {
    ShapeMismatchException error = assertThrows(ShapeMismatchException.class,
        () -> NDArray.zeros(Shape.of(2, 3)).allClose(NDArray.zeros(Shape.of(4, 3))));
    assertEquals("allClose: cannot broadcast [2, 3] with [4, 3]: dimension 0 is 2 vs 4 and neither is 1", error.getMessage());
    assertEquals("allClose: tolerances must be non-negative, got rtol -1.0 and atol 0.0",
        assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(Shape.of(1)).allClose(NDArray.zeros(Shape.of(1)), -1, 0))
            .getMessage());
  }
}
