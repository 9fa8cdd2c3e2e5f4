package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LayoutTest {
  @Test
  void cAndFStridesMakeTheLastOrFirstAxisContiguous() {
    assertArrayEquals(new int[] {12, 4, 1}, Layout.strides(new int[] {2, 3, 4}, Order.C));
    assertArrayEquals(new int[] {1, 2, 6}, Layout.strides(new int[] {2, 3, 4}, Order.F));
    NDArray f = NDArray.zeros(Shape.of(2, 3), DType.FLOAT32, Order.F);
    assertTrue(f.isContiguous(Order.F));
    assertFalse(f.isContiguous(Order.C));
    assertTrue(f.transpose().isContiguous(Order.C));
  }

  @Test
  void axesOfExtentOneDoNotBreakContiguity() {
    NDArray column = NDArray.zeros(Shape.of(5, 1));
    assertTrue(column.isContiguous(Order.C));
    assertTrue(column.isContiguous(Order.F));
    assertTrue(NDArray.zeros(Shape.of(0, 3)).slice(1, 0, 3, 2).isContiguous());
  }

  @Test
  void reshapeOfContiguousArrayIsAView() {
    NDArray a = NDArray.arange(24).reshape(2, 3, 4);
    NDArray b = a.reshape(6, -1);
    assertTrue(b.sharesStorageWith(a));
    assertEquals(Shape.of(6, 4), b.shape());
    assertEquals(23, b.getLong(5, 3));
  }

  @Test
  void reshapeOfTransposeCopiesButSplittingAnAxisOfAViewDoesNot() {
    NDArray a = NDArray.arange(12).reshape(3, 4);
    NDArray flat = a.transpose().reshape(-1);
    assertFalse(flat.sharesStorageWith(a));
    assertArrayEquals(new long[] {0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11}, flat.toLongArray());
    // a[:, ::2] has strides [4, 2]; splitting axis 0 keeps it a view
    NDArray stepped = a.index(":, ::2").reshape(3, 1, 2);
    assertTrue(stepped.sharesStorageWith(a));
    assertArrayEquals(new long[] {0, 2, 4, 6, 8, 10}, stepped.toLongArray());
    assertNull(Layout.reshapeStrides(new int[] {3, 2}, new int[] {5, 2}, new int[] {6}));
  }

  @Test
  void reshapeRejectsAWrongSizeNamingBothShapes() {
    NDArray a = NDArray.arange(6);
    var error = assertThrows(ShapeMismatchException.class, () -> a.reshape(4, 2));
    assertEquals("reshape: cannot reshape array of size 6 (shape [6]) into shape [4, 2]", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> a.reshape(-1, -1));
  }

  @Test
  void broadcastToUsesStrideZeroAndRefusesIncompatibleShapes() {
    NDArray row = NDArray.arange(3);
    NDArray grid = row.broadcastTo(Shape.of(4, 3));
    assertArrayEquals(new int[] {0, 1}, grid.strides());
    assertTrue(grid.sharesStorageWith(row));
    var error = assertThrows(ShapeMismatchException.class, () -> row.broadcastTo(Shape.of(3, 2)));
    assertEquals("broadcastTo: cannot broadcast [3] to [3, 2]: dimension 1 is 3 vs 2 and the first is not 1", error.getMessage());
  }

  @Test
  void broadcastShapesFollowNumpy() {
    assertArrayEquals(new int[] {4, 5, 3}, Layout.broadcastShapes("add", new int[] {4, 1, 3}, new int[] {5, 1}));
    assertArrayEquals(new int[] {0, 3}, Layout.broadcastShapes("add", new int[] {0, 3}, new int[] {3}));
    var error = assertThrows(ShapeMismatchException.class, () -> Layout.broadcastShapes("add", new int[] {2, 3}, new int[] {4, 3}));
    assertEquals("add: cannot broadcast [2, 3] with [4, 3]: dimension 0 is 2 vs 4 and neither is 1", error.getMessage());
  }

  @Test
  void negativeStepSlicesReadBackwards() {
    NDArray a = NDArray.arange(10);
    assertArrayEquals(new long[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, a.index("::-1").toLongArray());
    assertArrayEquals(new long[] {8, 5, 2}, a.index("-2::-3").toLongArray());
    assertArrayEquals(new long[] {9, 7, 5, 3, 1}, a.slice(0, -1, -11, -2).toLongArray());
    assertArrayEquals(new long[] {}, a.index("5:2").toLongArray());
    assertArrayEquals(new long[] {2, 3}, a.slice(0, 2, 100, 1).index(":2").toLongArray());
  }

  @Test
  void indexStringSupportsIntegersEllipsisAndNewAxes() {
    NDArray a = NDArray.arange(24).reshape(2, 3, 4);
    assertEquals(Shape.of(3), a.index("1, :, -1").shape());
    assertArrayEquals(new long[] {15, 19, 23}, a.index("1, :, -1").toLongArray());
    assertEquals(Shape.of(2, 3), a.index("..., 0").shape());
    assertEquals(Shape.of(1, 2, 3, 4), a.index("None, ...").shape());
    var error = assertThrows(IndexOutOfBoundsException.class, () -> a.index("2"));
    assertEquals("index: index 2 is out of bounds for axis 0 with size 2", error.getMessage());
  }

  @Test
  void diagonalIsAViewSteppingRowsPlusColumns() {
    NDArray m = NDArray.arange(12).reshape(3, 4);
    NDArray d = m.diagonal();
    assertTrue(d.sharesStorageWith(m));
    assertArrayEquals(new long[] {0, 5, 10}, d.toLongArray());
    assertArrayEquals(new int[] {5}, d.strides());
  }

  @Test
  void contiguousCopiesOnlyWhenNeeded() {
    NDArray a = NDArray.arange(6).reshape(2, 3);
    assertTrue(a.contiguous() == a);
    NDArray t = a.transpose();
    NDArray c = t.contiguous();
    assertNotSame(t, c);
    assertTrue(c.isContiguous());
    assertArrayEquals(new long[] {0, 3, 1, 4, 2, 5}, c.toLongArray());
    NDArray f = a.copy(Order.F);
    assertTrue(f.isContiguous(Order.F));
    assertEquals(a, f);
  }

  @Test
  void squeezeAndUnsqueezeAddAndRemoveUnitAxes() {
    NDArray a = NDArray.zeros(Shape.of(1, 3, 1));
    assertEquals(Shape.of(3), a.squeeze().shape());
    assertEquals(Shape.of(3, 1), a.squeeze(0).shape());
    assertEquals(Shape.of(1, 3, 1, 1), a.unsqueeze(-1).shape());
    var error = assertThrows(ShapeMismatchException.class, () -> a.squeeze(1));
    assertEquals("squeeze: axis 1 of shape [1, 3, 1] has extent 3, expected 1", error.getMessage());
  }
}
