package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import org.junit.jupiter.api.Test;

class ArrayBasicsTest {
  @Test
  void theTourComputesWhatNumPyWould() {
    ArrayBasics.Tour tour = ArrayBasics.run();
    assertArrayEquals(new float[] {11, 22, 33, 44}, tour.sum().toFloatArray());
    // np.arange(6).reshape(2, 3) - its row means [1, 4]: each row becomes [-1, 0, 1].
    assertArrayEquals(new float[] {-1, 0, 1, -1, 0, 1}, tour.centred().toFloatArray());
    assertArrayEquals(new int[] {100, 40}, tour.product().shape().dims());
    assertTrue(tour.product().equals(NDArray.full(dev.ruru.array.Shape.of(100, 40), 20, dev.ruru.array.DType.FLOAT32)), "each entry sums 20 ones");
    assertTrue(tour.transposeSharesMemory());
    assertTrue(tour.columnMajorAfterCopy());
    assertArrayEquals(new int[] {4, 1}, tour.strides());
    ArrayBasics.main(new String[0]);
  }
}
