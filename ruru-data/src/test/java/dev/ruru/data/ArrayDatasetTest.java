package dev.ruru.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import org.junit.jupiter.api.Test;

class ArrayDatasetTest {
  /** Five examples of shape [2, 3]; example i holds the values 100·i + 0..5, label i % 3. */
  static ArrayDataset fiveExamples() {
    float[] values = new float[5 * 6];
    long[] labels = new long[5];
    for (int i = 0; i < 5; i++) {
      for (int k = 0; k < 6; k++) {
        values[i * 6 + k] = 100 * i + k;
      }
      labels[i] = i % 3;
    }
    return new ArrayDataset(NDArray.of(values, 5, 2, 3), NDArray.of(labels, 5));
  }

  @Test
  void batchGathersRowsInTheOrderAsked() {
    Batch batch = fiveExamples().batch(new int[] {4, 0, 4});
    assertEquals(Shape.of(3, 2, 3), batch.features().shape());
    assertArrayEquals(new float[] {400, 401, 402, 403, 404, 405, 0, 1, 2, 3, 4, 5, 400, 401, 402, 403, 404, 405},
        batch.features().toFloatArray());
    assertArrayEquals(new long[] {1, 0, 1}, batch.labels().toLongArray());
    assertEquals(3, batch.size());
  }

  @Test
  void exampleDropsTheBatchDimension() {
    Batch example = fiveExamples().example(2);
    assertEquals(Shape.of(2, 3), example.features().shape());
    assertEquals(Shape.of(), example.labels().shape());
    assertEquals(2, example.labels().item());
    assertEquals(205, example.features().getDouble(1, 2));
  }

  @Test
  void subsetOwnsCopiesOfTheChosenRows() {
    ArrayDataset subset = fiveExamples().subset(new int[] {3, 1});
    assertEquals(2, subset.size());
    assertArrayEquals(new long[] {0, 1}, subset.labels().toLongArray());
    assertEquals(300, subset.features().getDouble(0, 0, 0));
    assertEquals(3, fiveExamples().classCount());
  }

  @Test
  void int32LabelsAreWidenedToInt64() {
    ArrayDataset data = new ArrayDataset(NDArray.zeros(Shape.of(2, 4)), NDArray.of(new int[] {1, 0}, 2));
    assertEquals(DType.INT64, data.labels().dtype());
  }

  @Test
  void countsThatDifferAreRefusedWithBothShapes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ArrayDataset(NDArray.zeros(Shape.of(3, 4)), NDArray.of(new long[] {0, 1}, 2)));
    assertEquals("ArrayDataset: 3 feature rows but 2 labels (shapes [3, 4] and [2])", e.getMessage());
  }

  @Test
  void floatLabelsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ArrayDataset(NDArray.zeros(Shape.of(2, 4)), NDArray.zeros(Shape.of(2))));
    assertEquals("ArrayDataset: labels must be a 1-d integer array, got shape [2] of float32", e.getMessage());
  }

  @Test
  void indexOutsideTheDatasetNamesIndexAndSize() {
    IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> fiveExamples().batch(new int[] {0, 5}));
    assertEquals("ArrayDataset.batch: index 5 at position 1 is outside [0, 5)", e.getMessage());
  }
}
