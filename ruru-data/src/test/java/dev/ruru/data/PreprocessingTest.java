package dev.ruru.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import org.junit.jupiter.api.Test;

class PreprocessingTest {
  @Test
  void pixelsAreScaledToTheUnitInterval() {
    NDArray scaled = Preprocessing.scaleToUnit(NDArray.of(new int[] {0, 51, 255}, 3));
    assertEquals(DType.FLOAT32, scaled.dtype());
    assertArrayEquals(new float[] {0f, 0.2f, 1f}, scaled.toFloatArray(), 1e-7f);
  }

  @Test
  void flattenTurnsEachExampleIntoARow() {
    NDArray images = NDArray.arange(24).reshape(2, 3, 4);
    NDArray flat = Preprocessing.flatten(images);
    assertEquals(Shape.of(2, 12), flat.shape());
    assertEquals(13, flat.getDouble(1, 1));
    assertEquals(Shape.of(0, 12), Preprocessing.flatten(NDArray.zeros(Shape.of(0, 3, 4))).shape());
  }

  @Test
  void flattenAppliesToBatches() {
    Batch batch = new Batch(NDArray.zeros(Shape.of(5, 28, 28)), NDArray.of(new long[5], 5));
    assertEquals(Shape.of(5, 784), Preprocessing.flatten(batch).features().shape());
  }

  @Test
  void oneHotGivesFloatRows() {
    NDArray rows = Preprocessing.oneHot(NDArray.of(new long[] {2, 0}, 2), 3);
    assertEquals(DType.FLOAT32, rows.dtype());
    assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, rows.toFloatArray());
  }
}
