package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * concatenate, stack, split, splitAt and pad: hand-computed results, aliasing (joins copy, splits
 * are views) and error messages. Values against NumPy are in NumpyReferenceTest.
 */
class JoiningTest {
  private static NDArray matrix(int rows, int columns, int start) {
    return NDArray.arange(start, start + rows * columns, 1, DType.FLOAT32).reshape(rows, columns);
  }

  @Test
  void concatenateJoinsInOrderAndCopies() {
    NDArray a = matrix(1, 2, 0);
    NDArray b = matrix(2, 2, 10);
    NDArray joined = NDArray.concatenate(List.of(a, b), 0);
    assertEquals(NDArray.of(new float[] {0, 1, 10, 11, 12, 13}, 3, 2), joined);
    assertFalse(joined.sharesStorageWith(a));
    assertEquals(NDArray.of(new float[] {0, 1, 0, 1}, 1, 4), NDArray.concatenate(List.of(a, a), -1));
  }

  @Test
  void concatenatePromotesDtypes() {
    NDArray ints = NDArray.of(new int[] {1, 2}, 2);
    NDArray floats = NDArray.of(new float[] {0.5f}, 1);
    NDArray joined = NDArray.concatenate(List.of(ints, floats), 0);
    assertEquals(NDArray.of(new double[] {1, 2, 0.5}, 3), joined);
  }

  @Test
  void concatenateMismatchNamesBothShapesAndTheAxis() {
    NDArray a = matrix(2, 3, 0);
    assertEquals("concatenate: array 1 has shape [2, 4] but array 0 has [2, 3]; all dimensions except axis 0 must match"
            + " (dimension 1 is 4 vs 3)",
        assertThrows(ShapeMismatchException.class, () -> NDArray.concatenate(List.of(a, matrix(2, 4, 0)), 0)).getMessage());
    assertEquals("concatenate: array 1 has shape [3] (rank 1) but array 0 has [2, 3] (rank 2); ranks must match",
        assertThrows(ShapeMismatchException.class, () -> NDArray.concatenate(List.of(a, NDArray.zeros(Shape.of(3))), 0)).getMessage());
    assertEquals("concatenate: axis 2 is out of bounds for an array of rank 2",
        assertThrows(IndexOutOfBoundsException.class, () -> NDArray.concatenate(List.of(a, a), 2)).getMessage());
    assertEquals("concatenate: needs at least one array, got none",
        assertThrows(IllegalArgumentException.class, () -> NDArray.concatenate(List.of(), 0)).getMessage());
    assertEquals("concatenate: zero-dimensional arrays cannot be concatenated; array 0 has shape []",
        assertThrows(IllegalArgumentException.class, () -> NDArray.concatenate(List.of(NDArray.scalar(1, DType.FLOAT32)), 0))
            .getMessage());
  }

  @Test
  void stackAddsAnAxisAtTheGivenPosition() {
    NDArray a = NDArray.of(new float[] {1, 2}, 2);
    NDArray b = NDArray.of(new float[] {3, 4}, 2);
    assertEquals(NDArray.of(new float[] {1, 2, 3, 4}, 2, 2), NDArray.stack(List.of(a, b), 0));
    assertEquals(NDArray.of(new float[] {1, 3, 2, 4}, 2, 2), NDArray.stack(List.of(a, b), -1));
    assertEquals("stack: array 1 has shape [3] but array 0 has [2]; all arrays must have the same shape",
        assertThrows(ShapeMismatchException.class, () -> NDArray.stack(List.of(a, NDArray.zeros(Shape.of(3))), 0)).getMessage());
    assertEquals("stack: axis 2 is out of bounds for an array of rank 2",
        assertThrows(IndexOutOfBoundsException.class, () -> NDArray.stack(List.of(a, b), 2)).getMessage());
  }

  @Test
  void splitGivesEqualViews() {
    NDArray x = matrix(6, 2, 0);
    List<NDArray> parts = x.split(3, 0);
    assertEquals(3, parts.size());
    for (int k = 0; k < 3; k++) {
      assertTrue(parts.get(k).sharesStorageWith(x));
      assertEquals(matrix(2, 2, 4 * k), parts.get(k));
    }
  }

  @Test
  void splitRefusesUnequalDivisionLikeNumpy() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> matrix(5, 2, 0).split(3, 0));
    assertEquals("split: array split does not result in an equal division; axis 0 has size 5, which 3 sections do not divide",
        error.getMessage());
    assertEquals("split: sections must be positive, got 0",
        assertThrows(IllegalArgumentException.class, () -> matrix(5, 2, 0).split(0, 0)).getMessage());
  }

  @Test
  void splitAtFollowsPythonSliceBounds() {
    NDArray x = NDArray.arange(6);
    List<NDArray> parts = x.splitAt(new int[] {2, -1, 10}, 0);
    assertEquals(4, parts.size());
    assertArrayEquals(new long[] {0, 1}, parts.get(0).toLongArray());
    assertArrayEquals(new long[] {2, 3, 4}, parts.get(1).toLongArray());
    assertArrayEquals(new long[] {5}, parts.get(2).toLongArray());
    assertEquals(Shape.of(0), parts.get(3).shape());
    assertEquals(Shape.of(0), x.splitAt(new int[] {4, 1}, 0).get(1).shape(), "a bound below the previous one gives an empty piece");
  }

  @Test
  void padSurroundsWithTheValue() {
    NDArray x = NDArray.of(new int[] {1, 2, 3, 4}, 2, 2);
    NDArray padded = x.pad(new int[][] {{1, 0}, {0, 2}}, 9);
    assertEquals(NDArray.of(new int[] {9, 9, 9, 9, 1, 2, 9, 9, 3, 4, 9, 9}, 3, 4), padded);
    assertEquals(x, x.pad(new int[][] {{0, 0}, {0, 0}}, 0));
  }

  @Test
  void padRejectsBadWidths() {
    NDArray x = NDArray.zeros(Shape.of(2, 2));
    assertEquals("pad: expected {before, after} widths for each of 2 axes, got 1 for shape [2, 2]",
        assertThrows(IllegalArgumentException.class, () -> x.pad(new int[][] {{1, 1}}, 0)).getMessage());
    assertEquals("pad: widths for axis 1 must be two non-negative integers {before, after}, got [0, -1]",
        assertThrows(IllegalArgumentException.class, () -> x.pad(new int[][] {{1, 1}, {0, -1}}, 0)).getMessage());
  }
}
