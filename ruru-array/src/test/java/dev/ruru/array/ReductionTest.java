package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Reductions on inputs larger than the NumPy fixtures (so the parallel and blocked paths run) against
 * naive loops, keepdims shapes, and the error messages for bad axes and empty inputs.
 */
class ReductionTest {
  @Test
  void sumAndMaxOverEachAxisOfALargeStridedViewMatchNaiveLoops() {
    NDArray base = NDArray.normal(Shape.of(600, 500), 0, 1, DType.FLOAT64, new SplittableRandom(5));
    NDArray x = base.transpose().index("::-1, ::2");  // [500, 300], no axis contiguous
    for (int axis = 0; axis < 2; axis++) {
      NDArray sums = x.sum(axis);
      NDArray maxima = x.max(axis);
      int kept = x.dim(1 - axis);
      for (int i = 0; i < kept; i++) {
        double sum = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < x.dim(axis); j++) {
          double value = axis == 0 ? x.getDouble(j, i) : x.getDouble(i, j);
          sum += value;
          max = Math.max(max, value);
        }
        assertEquals(sum, sums.getDouble(i), 1e-9, "sum over axis " + axis + " at " + i);
        assertEquals(max, maxima.getDouble(i), 0, "max over axis " + axis + " at " + i);
      }
    }
  }

  @Test
  void keepdimsLeavesReducedAxesWithExtentOne() {
    NDArray x = NDArray.zeros(Shape.of(2, 3, 4));
    assertEquals(Shape.of(2, 1, 4), x.sum(1, Dims.KEEP).shape());
    assertEquals(Shape.of(1, 3, 1), x.mean(new int[] {0, -1}, Dims.KEEP).shape());
    assertEquals(Shape.of(3), x.max(new int[] {0, 2}, Dims.DROP).shape());
    assertEquals(Shape.of(2, 3, 1), x.argmax(2, Dims.KEEP).shape());
    assertEquals(Shape.of(), x.sum().shape());
  }

  @Test
  void meanOfRowsCentresThem() {
    NDArray x = NDArray.of(new float[] {1, 2, 3, 10, 20, 30}, 2, 3);
    NDArray centred = x.sub(x.mean(1, Dims.KEEP));
    assertEquals(NDArray.of(new float[] {-1, 0, 1, -10, 0, 10}, 2, 3), centred);
  }

  @Test
  void badAxesNameTheOperation() {
    NDArray x = NDArray.zeros(Shape.of(2, 3));
    assertEquals("sum: axis 2 is out of bounds for an array of rank 2",
        assertThrows(IndexOutOfBoundsException.class, () -> x.sum(2)).getMessage());
    assertEquals("mean: axis -3 is out of bounds for an array of rank 2",
        assertThrows(IndexOutOfBoundsException.class, () -> x.mean(-3)).getMessage());
    assertEquals("sum: axis -2 repeated in [0, -2]",
        assertThrows(IllegalArgumentException.class, () -> x.sum(new int[] {0, -2}, Dims.KEEP)).getMessage());
    assertEquals("argmax: axis 2 is out of bounds for an array of rank 2",
        assertThrows(IndexOutOfBoundsException.class, () -> x.argmax(2)).getMessage());
  }

  @Test
  void emptyInputsHaveNoMaximumButSumToZero() {
    NDArray empty = NDArray.zeros(Shape.of(0, 3));
    assertEquals(NDArray.zeros(Shape.of(3)), empty.sum(0));
    assertEquals(NDArray.ones(Shape.of(3)), empty.prod(new int[] {0}, Dims.DROP));
    assertThrows(IllegalArgumentException.class, () -> empty.max(0));
    assertThrows(IllegalArgumentException.class, () -> empty.argmax(0));
  }
}
