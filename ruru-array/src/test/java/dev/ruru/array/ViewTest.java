package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Views share storage and cost no copy; reshape copies exactly when the strides cannot express the
 * new shape; errors name the operation and the offending axis or shape. Values of views are checked
 * against NumPy in NumpyReferenceTest; here the point is aliasing and layout.
 */
class ViewTest {
  /** [[[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]], [[12, ...]]]: element value = its C-order position. */
  private static NDArray cube() {
    return NDArray.arange(24).reshape(2, 3, 4).astype(DType.FLOAT32);
  }

  @Test
  void movementOperationsShareStorage() {
    NDArray x = cube();
    List<NDArray> views = List.of(x.transpose(), x.permute(1, 2, 0), x.swapAxes(0, 2), x.slice(2, 3, 0, -2),
        x.index("1, ::-1, None"), x.reshape(6, 4), x.unsqueeze(0), x.unsqueeze(0).squeeze(), x.index("0:1").squeeze(0),
        x.diagonal(), x.broadcastTo(Shape.of(5, 2, 3, 4)), x.split(2, 0).get(1), x.splitAt(new int[] {1}, 2).get(1));
    for (NDArray view : views) {
      assertTrue(view.sharesStorageWith(x), "not a view: " + view.describe());
    }
  }

  @Test
  void viewsSeeLaterInPlaceWritesToTheirBase() {
    NDArray x = cube();
    NDArray reversed = x.index("::-1, :, ::-1");
    x.setInPlace(-5, 1, 2, 3);
    assertEquals(-5, reversed.getDouble(0, 2, 0), 0);
  }

  @Test
  void reshapeOfContiguousArrayIsAView() {
    NDArray x = cube();
    NDArray reshaped = x.reshape(4, -1);
    assertTrue(reshaped.sharesStorageWith(x));
    assertEquals(Shape.of(4, 6), reshaped.shape());
    assertEquals(23, reshaped.getDouble(3, 5), 0);
  }

  @Test
  void reshapeOfTransposedArrayCopiesInLogicalOrder() {
    NDArray transposed = cube().transpose();
    NDArray flat = transposed.reshape(-1);
    assertFalse(flat.sharesStorageWith(transposed), "reshape of a transposed array must copy: " + flat.describe());
    // transposed[i, j, k] = cube[k, j, i] = 12k + 4j + i; flattened in C order of the transposed shape [4, 3, 2].
    for (int i = 0, n = 0; i < 4; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 2; k++, n++) {
          assertEquals(12 * k + 4 * j + i, flat.getDouble(n), 0, "flat element " + n);
        }
      }
    }
  }

  @Test
  void reshapeCopyDoesNotAliasTheSource() {
    NDArray x = cube();
    NDArray strided = x.index(":, ::2, :");
    NDArray copy = strided.reshape(16);
    assertFalse(copy.sharesStorageWith(x));
    x.setInPlace(100, 0, 0, 0);
    assertEquals(0, copy.getDouble(0), 0);
    assertEquals(100, strided.getDouble(0, 0, 0), 0);
  }

  @Test
  void reshapeOfStridedViewStaysAViewWhenStridesAllow() {
    NDArray rows = cube().index(":, 1:, :");
    NDArray reshaped = rows.reshape(2, 2, 2, 2);
    assertTrue(reshaped.sharesStorageWith(rows), "splitting a contiguous axis of a slice needs no copy: " + reshaped.describe());
    assertEquals(rows.getDouble(1, 1, 3), reshaped.getDouble(1, 1, 1, 1), 0);
  }

  @Test
  void contiguousCopiesOnlyWhenNeeded() {
    NDArray x = cube();
    assertSame(x, x.contiguous());
    NDArray transposed = x.transpose();
    NDArray compact = transposed.contiguous();
    assertFalse(compact.sharesStorageWith(x));
    assertTrue(compact.isContiguous());
    assertEquals(transposed, compact);
  }

  @Test
  void fortranCopyHasColumnMajorStrides() {
    NDArray f = cube().copy(Order.F);
    assertArrayEquals(new int[] {1, 2, 6}, f.strides());
    assertTrue(f.isContiguous(Order.F));
    assertFalse(f.isContiguous());
    assertEquals(cube(), f);
    assertTrue(f.transpose().isContiguous(), "the transpose of an F-ordered array is C-ordered");
  }

  @Test
  void negativeStepSliceWalksBackwards() {
    NDArray x = NDArray.arange(10);
    NDArray back = x.slice(0, 8, 1, -3);
    assertArrayEquals(new long[] {8, 5, 2}, back.toLongArray());
    assertArrayEquals(new int[] {-3}, back.strides());
  }

  @Test
  void reshapeErrorNamesSizeAndShapes() {
    ShapeMismatchException error = assertThrows(ShapeMismatchException.class, () -> cube().reshape(5, 5));
    assertEquals("reshape: cannot reshape array of size 24 (shape [2, 3, 4]) into shape [5, 5]", error.getMessage());
  }

  /** With a 0 among the other extents any -1 fits an empty array, so NumPy refuses to choose; Ruru gave shape [0, -1]. */
  @Test
  void reshapeRefusesToInferAnExtentBesideAZero() {
    NDArray empty = NDArray.zeros(Shape.of(2, 0));
    ShapeMismatchException error = assertThrows(ShapeMismatchException.class, () -> empty.reshape(0, -1));
    assertEquals("reshape: cannot reshape array of size 0 (shape [2, 0]) into shape [0, -1]; the extent -1 stands for is "
        + "ambiguous beside a 0", error.getMessage());
    assertEquals(Shape.of(0, 5), empty.reshape(-1, 5).shape());
  }

  @Test
  void badAxesNameTheOperationAndTheRank() {
    NDArray x = cube();
    assertEquals("slice: axis 3 is out of bounds for an array of rank 3",
        assertThrows(IndexOutOfBoundsException.class, () -> x.slice(3, 0, 1, 1)).getMessage());
    assertEquals("permute: axis 1 repeated in [1, 1, 0]",
        assertThrows(IllegalArgumentException.class, () -> x.permute(1, 1, 0)).getMessage());
    assertEquals("squeeze: axis 0 of shape [2, 3, 4] has extent 2, expected 1",
        assertThrows(ShapeMismatchException.class, () -> x.squeeze(0)).getMessage());
    assertEquals("unsqueeze: axis 5 is out of bounds for an array of rank 4",
        assertThrows(IndexOutOfBoundsException.class, () -> x.unsqueeze(5)).getMessage());
  }

  @Test
  void indexOutOfBoundsNamesAxisAndSize() {
    NDArray x = cube();
    assertEquals("getDouble: index 3 is out of bounds for axis 1 with size 3",
        assertThrows(IndexOutOfBoundsException.class, () -> x.getDouble(0, 3, 0)).getMessage());
    assertEquals("getDouble: index -3 is out of bounds for axis 0 with size 2",
        assertThrows(IndexOutOfBoundsException.class, () -> x.getDouble(-3, 0, 0)).getMessage());
    assertEquals("index: index 5 is out of bounds for axis 0 with size 2",
        assertThrows(IndexOutOfBoundsException.class, () -> x.index("5")).getMessage());
    assertEquals(23, x.getDouble(-1, -1, -1), 0);
  }

  @Test
  void diagonalStepsByRowPlusColumnStride() {
    NDArray matrix = NDArray.arange(12).reshape(3, 4);
    NDArray diagonal = matrix.diagonal();
    assertArrayEquals(new long[] {0, 5, 10}, diagonal.toLongArray());
    assertArrayEquals(new int[] {5}, diagonal.strides());
    assertArrayEquals(new long[] {0, 5, 10}, matrix.transpose().diagonal().toLongArray());
  }
}
