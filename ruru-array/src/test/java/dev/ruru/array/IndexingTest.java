package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * take, gather, scatterAdd and oneHot against naive loops and hand-computed values, on strided inputs
 * and larger sizes than the NumPy fixtures, plus every error message.
 */
class IndexingTest {
  private static NDArray random(int... shape) {
    return NDArray.randn(Shape.of(shape), new SplittableRandom(7 + Layout.size(shape)));
  }

  @Test
  void takeAlongAxisZeroIsAnEmbeddingLookup() {
    NDArray table = random(50, 8);
    NDArray tokens = NDArray.of(new long[] {3, 49, 0, 3, -1, 7}, 2, 3);
    NDArray rows = table.take(tokens, 0);
    assertEquals(Shape.of(2, 3, 8), rows.shape());
    long[] flat = tokens.toLongArray();
    for (int t = 0; t < flat.length; t++) {
      int row = (int) (flat[t] < 0 ? flat[t] + 50 : flat[t]);
      for (int j = 0; j < 8; j++) {
        assertEquals(table.getDouble(row, j), rows.getDouble(t / 3, t % 3, j), 0, "token " + t + " column " + j);
      }
    }
  }

  @Test
  void takeAlongMiddleAxisOfAReversedView() {
    NDArray x = random(3, 5, 2).index("::-1, :, ::-1");
    NDArray picked = x.take(NDArray.of(new int[] {4, 0}, 2), 1);
    assertEquals(Shape.of(3, 2, 2), picked.shape());
    for (int i = 0; i < 3; i++) {
      for (int k = 0; k < 2; k++) {
        assertEquals(x.getDouble(i, 4, k), picked.getDouble(i, 0, k), 0);
        assertEquals(x.getDouble(i, 0, k), picked.getDouble(i, 1, k), 0);
      }
    }
  }

  /** NumPy: np.take(np.zeros((3, 0)), [1], axis=0) has shape (1, 0); nothing is read or written. */
  @Test
  void indexingZeroSizeArraysGivesZeroSizeResults() {
    NDArray empty = NDArray.zeros(Shape.of(3, 0));
    assertEquals(Shape.of(1, 0), empty.take(NDArray.of(new int[] {1}, 1), 0).shape());
    assertEquals(Shape.of(2, 2, 0), empty.take(NDArray.of(new long[] {2, -3, 0, 1}, 2, 2), 0).shape());
    assertEquals(Shape.of(0, 3), empty.transpose().take(NDArray.of(new int[] {0, 1, 2}, 3), 1).shape());
    assertEquals(Shape.of(0, 0), empty.take(NDArray.zeros(Shape.of(0), DType.INT64), 0).shape());
    assertEquals(Shape.of(2, 0), NDArray.zeros(Shape.of(2, 0)).takeInPlace(empty, NDArray.of(new int[] {0, 2}, 2), 0).shape());
    assertEquals(Shape.of(1, 0), empty.gather(0, NDArray.zeros(Shape.of(1, 0), DType.INT64)).shape());
    assertEquals(Shape.of(3, 0), empty.scatterAdd(0, NDArray.zeros(Shape.of(1, 0), DType.INT64), NDArray.zeros(Shape.of(1, 0))).shape());
    // np.add.at(np.zeros((3, 0)), [1, 2], np.zeros((2, 0))): rows of no elements, nothing to add
    assertEquals(empty, empty.copy().indexAddInPlace(0, NDArray.of(new int[] {1, 2}, 2), NDArray.zeros(Shape.of(2, 0)), 1));
    NDArray columns = NDArray.zeros(Shape.of(0, 3), DType.FLOAT64);
    assertEquals(columns, columns.copy().indexAddInPlace(1, NDArray.of(new int[] {2}, 1), NDArray.zeros(Shape.of(0, 1), DType.FLOAT64), 2));
    assertEquals("take: index 0 is out of bounds for axis 1 with size 0",
        assertThrows(IndexOutOfBoundsException.class, () -> empty.take(NDArray.of(new int[] {0}, 1), 1)).getMessage());
  }

  /** NumPy checks indices once per position before the axis: with a 0 there, it refuses none; elsewhere it does. */
  @Test
  void takeBehindAnEmptyAxisAcceptsAnyIndex() {
    NDArray rows = NDArray.zeros(Shape.of(0, 3), DType.INT32);
    assertEquals(Shape.of(0, 1), rows.take(NDArray.of(new int[] {-4}, 1), 1).shape());
    assertEquals(Shape.of(0, 4, 2), NDArray.zeros(Shape.of(0, 0)).take(NDArray.zeros(Shape.of(4, 2), DType.INT64), 1).shape());
    assertEquals(Shape.of(0, 1), NDArray.zeros(Shape.of(0, 1)).takeInPlace(rows.astype(DType.FLOAT32), NDArray.of(new int[] {7}, 1), 1)
        .shape());
    assertThrows(IllegalArgumentException.class, () -> rows.take(NDArray.zeros(Shape.of(1)), 1));   // float indices, still
    NDArray columns = NDArray.zeros(Shape.of(3, 0));   // np.take(np.zeros((3, 0)), [7], axis=0) refuses
    assertEquals("take: index 7 is out of bounds for axis 0 with size 3",
        assertThrows(IndexOutOfBoundsException.class, () -> columns.take(NDArray.of(new int[] {7}, 1), 0)).getMessage());
  }

  @Test
  void takeRejectsOutOfRangeAndNonIntegerIndices() {
    NDArray x = random(4, 3);
    assertEquals("take: index 3 is out of bounds for axis 1 with size 3",
        assertThrows(IndexOutOfBoundsException.class, () -> x.take(NDArray.of(new long[] {0, 3}, 2), 1)).getMessage());
    assertEquals("take: index -5 is out of bounds for axis 0 with size 4",
        assertThrows(IndexOutOfBoundsException.class, () -> x.take(NDArray.of(new int[] {-5}, 1), 0)).getMessage());
    assertEquals("take: indices must be int32 or int64, got float32",
        assertThrows(IllegalArgumentException.class, () -> x.take(NDArray.of(new float[] {0}, 1), 0)).getMessage());
    assertEquals("take: axis 2 is out of bounds for an array of rank 2",
        assertThrows(IndexOutOfBoundsException.class, () -> x.take(NDArray.of(new int[] {0}, 1), 2)).getMessage());
  }

  @Test
  void takeInPlaceFillsAReusedBufferAsTakeWould() {
    NDArray x = random(20, 7);
    NDArray indices = NDArray.of(new int[] {19, 3, 3, -1, 0}, 5);
    NDArray buffer = NDArray.full(Shape.of(8, 7), 99, DType.FLOAT32);
    NDArray rows = buffer.slice(0, 2, 7, 1).takeInPlace(x, indices, 0);
    assertEquals(x.take(indices, 0), rows);
    assertEquals(NDArray.full(Shape.of(2, 7), 99, DType.FLOAT32), buffer.slice(0, 0, 2, 1), "rows before the view are untouched");
    assertEquals(NDArray.full(Shape.of(1, 7), 99, DType.FLOAT32), buffer.slice(0, 7, 8, 1), "rows after the view are untouched");
    // A strided output (the transpose of a buffer) and a strided source take the general path.
    NDArray every2nd = x.index(":, ::2");
    NDArray picks = NDArray.of(new long[] {1, 0, 1}, 3);
    NDArray columns = NDArray.zeros(Shape.of(3, 20)).transpose().takeInPlace(every2nd, picks, 1);
    assertEquals(every2nd.take(picks, 1), columns);
  }

  @Test
  void takeInPlaceRejectsAnOutputOfAnotherShapeOrDtype() {
    NDArray x = random(4, 3);
    NDArray indices = NDArray.of(new int[] {0, 2}, 2);
    assertEquals("takeInPlace: the result is float32 [2, 3] but the output array is float32 [3, 3]",
        assertThrows(ShapeMismatchException.class, () -> NDArray.zeros(Shape.of(3, 3)).takeInPlace(x, indices, 0)).getMessage());
    assertEquals("takeInPlace: the result is float32 [2, 3] but the output array is float64 [2, 3]",
        assertThrows(ShapeMismatchException.class, () -> NDArray.zeros(Shape.of(2, 3), DType.FLOAT64).takeInPlace(x, indices, 0))
            .getMessage());
  }

  @Test
  void indexAddInPlaceAccumulatesRowsInOrderAsANaiveLoop() {
    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      NDArray target = random(6, 5).astype(dtype);
      NDArray expected = target.copy();
      NDArray source = random(6, 5).astype(dtype);
      long[] indices = {5, 0, 5, 2, 0, 5};   // rows met again after others: each target sums in order
      double alpha = -0.3;                  // not a power of two, so a multiply-add rounded twice differs
      for (int k = 0; k < indices.length; k++) {
        for (int j = 0; j < 5; j++) {
          double t = expected.getDouble((int) indices[k], j);
          double value = dtype == DType.FLOAT32
              ? Math.fma((float) alpha, (float) source.getDouble(k, j), (float) t)
              : Math.fma(alpha, source.getDouble(k, j), t);
          expected.setInPlace(value, (int) indices[k], j);
        }
      }
      assertEquals(expected, target.copy().indexAddInPlace(0, NDArray.of(indices, 6), source, alpha), dtype.toString());
      // The same rows strided (a transposed view) take the slow path, with the same bits.
      NDArray strided = target.transpose().copy().transpose();
      assertEquals(expected, strided.indexAddInPlace(0, NDArray.of(indices, 6), source.transpose().copy().transpose(), alpha),
          dtype + " strided");
    }
  }

  @Test
  void indexAddInPlaceReadsASourceThatSharesTheTargetAsItWasBefore() {
    NDArray target = NDArray.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
    // Row 0 into row 1, then row 1 (as it was: 3, 4) into row 2.
    target.indexAddInPlace(0, NDArray.of(new int[] {1, 2}, 2), target.slice(0, 0, 2, 1), 1);
    assertEquals(NDArray.of(new float[] {1, 2, 4, 6, 8, 10}, 3, 2), target);
  }

  @Test
  void indexAddInPlaceAlongAnotherAxisAndIntoAView() {
    NDArray target = NDArray.zeros(Shape.of(3, 4), DType.FLOAT64);
    NDArray source = NDArray.of(new double[] {1, 2, 3, 4, 5, 6}, 3, 2);
    target.slice(0, 0, 3, 1).indexAddInPlace(1, NDArray.of(new int[] {3, 3}, 2), source, 2);
    assertEquals(NDArray.of(new double[] {0, 0, 0, 6, 0, 0, 0, 14, 0, 0, 0, 22}, 3, 4), target);
  }

  @Test
  void indexAddInPlaceNamesWhatIsWrong() {
    NDArray target = NDArray.zeros(Shape.of(3, 2));
    assertEquals("indexAddInPlace: expected 1-D indices, got shape [1, 1]",
        assertThrows(ShapeMismatchException.class,
            () -> target.indexAddInPlace(0, NDArray.zeros(Shape.of(1, 1), DType.INT64), NDArray.zeros(Shape.of(1, 2)), 1)).getMessage());
    assertEquals("indexAddInPlace: expected source [2, 2] for target [3, 2] and 2 indices along axis 0, got [2, 3]",
        assertThrows(ShapeMismatchException.class,
            () -> target.indexAddInPlace(0, NDArray.of(new int[] {0, 1}, 2), NDArray.zeros(Shape.of(2, 3)), 1)).getMessage());
    assertEquals("indexAddInPlace: source dtype float64 differs from the target's float32; convert it with astype first",
        assertThrows(IllegalArgumentException.class,
            () -> target.indexAddInPlace(0, NDArray.of(new int[] {0}, 1), NDArray.zeros(Shape.of(1, 2), DType.FLOAT64), 1)).getMessage());
    NDArray counts = NDArray.zeros(Shape.of(3), DType.INT64);
    assertEquals("indexAddInPlace: alpha must be 1 for int64 targets, got 2.0",
        assertThrows(IllegalArgumentException.class,
            () -> counts.indexAddInPlace(0, NDArray.of(new int[] {0}, 1), NDArray.of(new long[] {1}, 1), 2)).getMessage());
    assertEquals(NDArray.of(new long[] {0, 0, 8}, 3),
        counts.indexAddInPlace(0, NDArray.of(new int[] {2, 2}, 2), NDArray.of(new long[] {5, 3}, 2), 1));
    assertEquals("indexAddInPlace: index 3 is out of bounds for axis 0 with size 3",
        assertThrows(IndexOutOfBoundsException.class,
            () -> target.indexAddInPlace(0, NDArray.of(new int[] {3}, 1), NDArray.zeros(Shape.of(1, 2)), 1)).getMessage());
    assertEquals("indexAddInPlace: cannot write into a broadcast view (axis 0 of shape [3, 2] has stride 0); make a copy first",
        assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(Shape.of(1, 2)).broadcastTo(Shape.of(3, 2))
            .indexAddInPlace(0, NDArray.of(new int[] {0}, 1), NDArray.zeros(Shape.of(1, 2)), 1)).getMessage());
  }

  @Test
  void gatherPicksOneElementPerPosition() {
    // Cross-entropy's "logit of the true class": gather along axis 1 with one label per row.
    NDArray logits = NDArray.of(new float[][] {{0.1f, 0.7f, 0.2f}, {0.5f, 0.3f, 0.2f}});
    NDArray labels = NDArray.of(new long[] {1, 0}, 2, 1);
    assertEquals(NDArray.of(new float[] {0.7f, 0.5f}, 2, 1), logits.gather(1, labels));
  }

  @Test
  void gatherMatchesNaiveLoopOnStridedInput() {
    NDArray x = random(6, 7, 5).transpose();  // [5, 7, 6], strided
    SplittableRandom rng = new SplittableRandom(11);
    long[] picks = new long[4 * 3 * 6];
    for (int k = 0; k < picks.length; k++) {
      picks[k] = rng.nextInt(7);
    }
    NDArray index = NDArray.of(picks, 4, 3, 6);
    NDArray out = x.gather(1, index);
    assertEquals(Shape.of(4, 3, 6), out.shape());
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 3; j++) {
        for (int k = 0; k < 6; k++) {
          int pick = (int) index.getLong(i, j, k);
          assertEquals(x.getDouble(i, pick, k), out.getDouble(i, j, k), 0, "at [" + i + ", " + j + ", " + k + "]");
        }
      }
    }
  }

  @Test
  void gatherRejectsMismatchedIndexShapes() {
    NDArray x = random(3, 4);
    assertEquals("gather: index [3] has rank 1 but the input [3, 4] has rank 2; they must match",
        assertThrows(ShapeMismatchException.class, () -> x.gather(1, NDArray.of(new long[] {0, 1, 2}, 3))).getMessage());
    assertEquals("gather: index [4, 1] is larger than the input [3, 4] at axis 0 (4 > 3)",
        assertThrows(ShapeMismatchException.class, () -> x.gather(1, NDArray.zeros(Shape.of(4, 1), DType.INT64))).getMessage());
    assertEquals("gather: index 4 is out of bounds for axis 1 with size 4",
        assertThrows(IndexOutOfBoundsException.class, () -> x.gather(1, NDArray.of(new long[] {0, 4, 0}, 3, 1))).getMessage());
  }

  @Test
  void scatterAddAccumulatesRepeatsAndLeavesTheInputAlone() {
    NDArray base = NDArray.of(new double[] {1, 1, 1, 1}, 4);
    NDArray index = NDArray.of(new long[] {2, 0, 2, 2}, 4);
    NDArray source = NDArray.of(new double[] {10, 20, 30, 40}, 4);
    NDArray out = base.scatterAdd(0, index, source);
    assertEquals(NDArray.of(new double[] {21, 1, 81, 1}, 4), out);
    assertEquals(NDArray.of(new double[] {1, 1, 1, 1}, 4), base);
  }

  @Test
  void scatterAddUndoesGather() {
    // scatterAdd is gather's adjoint: <gather(x), g> = <x, scatterAdd(0, index, g)> for any x, g.
    NDArray x = random(5, 3).astype(DType.FLOAT64);
    NDArray index = NDArray.of(new long[] {4, 0, 1, 4, 4, 2, 0, 0, 3, 1, 1, 1}, 4, 3);
    NDArray g = random(4, 3).astype(DType.FLOAT64);
    double left = x.gather(0, index).mul(g).sum().item();
    double right = x.mul(NDArray.zeros(Shape.of(5, 3), DType.FLOAT64).scatterAdd(0, index, g)).sum().item();
    assertEquals(left, right, 1e-12);
  }

  @Test
  void scatterAddChecksDtypeAndSourceShape() {
    NDArray base = NDArray.zeros(Shape.of(3, 2));
    NDArray index = NDArray.zeros(Shape.of(2, 2), DType.INT64);
    assertEquals("scatterAdd: source dtype float64 differs from the input's float32; convert it with astype first",
        assertThrows(IllegalArgumentException.class, () -> base.scatterAdd(0, index, NDArray.zeros(Shape.of(2, 2), DType.FLOAT64)))
            .getMessage());
    assertEquals("scatterAdd: index [2, 2] is larger than the source [1, 2] at axis 0 (2 > 1)",
        assertThrows(ShapeMismatchException.class, () -> base.scatterAdd(0, index, NDArray.zeros(Shape.of(1, 2)))).getMessage());
  }

  @Test
  void oneHotOfLabelsOfAnyShape() {
    NDArray labels = NDArray.of(new int[] {2, 0, 1, 2}, 2, 2);
    NDArray encoded = NDArray.oneHot(labels, 3, DType.FLOAT32);
    assertEquals(Shape.of(2, 2, 3), encoded.shape());
    assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1}, encoded.toFloatArray());
    assertEquals(DType.BOOL, NDArray.oneHot(labels, 3, DType.BOOL).dtype());
  }

  @Test
  void oneHotNamesTheBadLabelAndWhereItIs() {
    NDArray labels = NDArray.of(new long[] {0, 1, 2, 5}, 2, 2);
    assertEquals("oneHot: label 5 at position [1, 1] is outside [0, 4)",
        assertThrows(IllegalArgumentException.class, () -> NDArray.oneHot(labels, 4, DType.FLOAT32)).getMessage());
    assertEquals("oneHot: label -1 at position [0] is outside [0, 4)",
        assertThrows(IllegalArgumentException.class, () -> NDArray.oneHot(NDArray.of(new int[] {-1}, 1), 4, DType.FLOAT32))
            .getMessage());
    assertEquals("oneHot: labels must be int32 or int64, got float32",
        assertThrows(IllegalArgumentException.class, () -> NDArray.oneHot(NDArray.zeros(Shape.of(2)), 4, DType.FLOAT32)).getMessage());
    assertEquals("oneHot: classes must be positive, got 0",
        assertThrows(IllegalArgumentException.class, () -> NDArray.oneHot(labels, 0, DType.FLOAT32)).getMessage());
  }
}
