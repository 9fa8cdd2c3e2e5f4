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

  /** NumPy: reducing a non-empty axis of [2, 0] gives [0]; reducing the empty axis of [0, 3] gives the identity. */
  @Test
  void reductionsWhoseKeptAxesAreEmptyGiveEmptyArrays() {
    NDArray x = NDArray.zeros(Shape.of(2, 0));
    NDArray[] results = {x.sum(0), x.prod(new int[] {0}, Dims.DROP), x.mean(0), x.max(0), x.min(0), x.argmax(0), x.argmin(0),
        x.var(new int[] {0}, Dims.DROP, 0), x.std(new int[] {0}, Dims.DROP, 1), x.logsumexp(0)};
    for (NDArray result : results) {
      assertEquals(Shape.of(0), result.shape(), result.describe());
    }
    assertEquals(Shape.of(1, 0), x.max(0, Dims.KEEP).shape());
    assertEquals(Shape.of(1, 0), x.logsumexp(new int[] {0}, Dims.KEEP).shape());
    assertEquals(Shape.of(0, 4), NDArray.zeros(Shape.of(3, 0, 4), DType.INT32).sum(0).shape());
    assertEquals(DType.INT64, NDArray.zeros(Shape.of(3, 0), DType.INT32).sum(0).dtype());
  }

  @Test
  void reducingAnEmptyAxisGivesTheIdentityNanOrAnError() {
    NDArray x = NDArray.zeros(Shape.of(0, 2), DType.FLOAT64);
    assertEquals(NDArray.zeros(Shape.of(2), DType.FLOAT64), x.sum(0));
    assertEquals(NDArray.ones(Shape.of(2), DType.FLOAT64), x.prod(new int[] {0}, Dims.DROP));
    assertEquals(NDArray.full(Shape.of(2), Double.NaN, DType.FLOAT64), x.mean(0));
    assertEquals(NDArray.full(Shape.of(2), Double.NaN, DType.FLOAT64), x.var(new int[] {0}, Dims.DROP, 0));
    assertEquals(NDArray.full(Shape.of(1, 2), Double.NEGATIVE_INFINITY, DType.FLOAT64), x.logsumexp(new int[] {0}, Dims.KEEP));
    assertEquals(NDArray.scalar(Double.NEGATIVE_INFINITY, DType.FLOAT64), NDArray.zeros(Shape.of(0), DType.FLOAT64).logsumexp(0));
    assertEquals("max: zero-size array to reduction operation max which has no identity; axes (0) of shape [0, 2]",
        assertThrows(IllegalArgumentException.class, () -> x.max(0)).getMessage());
    // NumPy refuses even when there is nothing to return: np.zeros((0, 0)).max(0)
    assertEquals("min: zero-size array to reduction operation min which has no identity; axes (0) of shape [0, 0]",
        assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(Shape.of(0, 0)).min(0)).getMessage());
  }

  /** NumPy divides by max(n − ddof, 0): a positive sum of squares gives inf, a zero one NaN. */
  @Test
  void varianceWithAsManyDegreesOfFreedomAsElementsIsInfiniteOrNan() {
    NDArray two = NDArray.of(new double[] {1, 3}, 2);
    assertEquals(Double.POSITIVE_INFINITY, two.var(new int[] {0}, Dims.DROP, 3).item());
    assertEquals(Double.POSITIVE_INFINITY, two.var(new int[] {0}, Dims.DROP, 2).item());
    assertEquals(Double.POSITIVE_INFINITY, two.std(new int[] {0}, Dims.DROP, 5).item());
    assertEquals(Double.NaN, NDArray.of(new double[] {1}, 1).var(new int[] {0}, Dims.DROP, 2).item());
    assertEquals(Double.NaN, NDArray.of(new float[] {1}, 1).std(new int[] {0}, Dims.DROP, 1).item());
    assertEquals(2.0, two.var(new int[] {0}, Dims.DROP, 1).item());
  }
}
