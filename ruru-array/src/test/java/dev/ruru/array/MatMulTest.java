package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ruru.array.MatMul.BlasLayout;
import dev.ruru.array.blas.Gemm.Transpose;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * matmul, dot and outer with NumPy's semantics, against hand-computed values and a naive reference
 * that reads every operand element by element through its strides.
 */
class MatMulTest {

  private static NDArray random(DType dtype, long seed, int... shape) {
    return NDArray.uniform(Shape.of(shape), -1, 1, dtype, new SplittableRandom(seed));
  }

  /** {@code out[batch..., i, j] = Σ_p a[batch..., i, p]·b[batch..., p, j]} by loops over already broadcast 2+-D operands. */
  private static double[] naiveMatmul(NDArray a, NDArray b, int[] batch) {
    int m = a.dim(-2);
    int k = a.dim(-1);
    int n = b.dim(-1);
    NDArray left = a.broadcastTo(Shape.of(concat(batch, m, k)));
    NDArray right = b.broadcastTo(Shape.of(concat(batch, k, n)));
    int count = Layout.size(batch);
    double[] out = new double[count * m * n];
    int[] index = new int[batch.length];
    for (int entry = 0; entry < count; entry++) {
      int rest = entry;
      for (int axis = batch.length - 1; axis >= 0; axis--) {
        index[axis] = rest % batch[axis];
        rest /= batch[axis];
      }
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          double sum = 0;
          for (int p = 0; p < k; p++) {
            sum += left.getDouble(concat(index, i, p)) * right.getDouble(concat(index, p, j));
          }
          out[(entry * m + i) * n + j] = sum;
        }
      }
    }
    return out;
  }

  private static int[] concat(int[] head, int x, int y) {
    int[] out = Arrays.copyOf(head, head.length + 2);
    out[head.length] = x;
    out[head.length + 1] = y;
    return out;
  }

  private static void assertClose(double[] expected, NDArray actual, double tolerance) {
    double[] values = actual.toDoubleArray();
    assertEquals(expected.length, values.length, "number of elements");
    for (int i = 0; i < values.length; i++) {
      if (!(Math.abs(values[i] - expected[i]) <= tolerance * (1 + Math.abs(expected[i])))) {
        fail("element " + i + ": expected " + expected[i] + ", got " + values[i]);
      }
    }
  }

  /**
   * Mid-sized products with several threads are computed as one block of rows (or of columns, when
   * those are more) per thread, each on single-threaded BLAS: the blocks must land where they belong
   * for every transpose combination, and repeat bit for bit at the same thread count.
   */
  @Test
  void productsSplitAcrossThreadsMatchTheReferenceAndRepeat() {
    int threads = Parallel.threads();
    try {
      // [m, k]·[k, n] with m·n·k between 2²¹ and 2²⁶: one with more rows, one with more columns
      for (int[] mkn : new int[][] {{200, 150, 90}, {70, 160, 260}}) {
        int m = mkn[0], k = mkn[1], n = mkn[2];
        NDArray a = random(DType.FLOAT32, 11, m, k);
        NDArray b = random(DType.FLOAT32, 12, k, n);
        NDArray aT = random(DType.FLOAT32, 13, k, m).transpose();
        NDArray bT = random(DType.FLOAT32, 14, n, k).transpose();
        for (NDArray[] pair : new NDArray[][] {{a, b}, {aT, b}, {a, bT}, {aT, bT}}) {
          Parallel.setThreads(2);
          NDArray split = pair[0].matmul(pair[1]);
          assertEquals(split, pair[0].matmul(pair[1]), "[" + m + ", " + k + "]·[" + k + ", " + n + "] twice on 2 threads");
          assertClose(naiveMatmul(pair[0], pair[1], new int[0]), split, 1e-5);
          Parallel.setThreads(1);
          assertClose(naiveMatmul(pair[0], pair[1], new int[0]), pair[0].matmul(pair[1]), 1e-5);
        }
      }
    } finally {
      Parallel.setThreads(threads);
    }
  }

  @Test
  void multipliesTwoMatricesByHand() {
    NDArray a = NDArray.of(new float[] {1, 2, 3, 4}, 2, 2);
    NDArray b = NDArray.of(new float[] {5, 6, 7, 8}, 2, 2);
    assertEquals(NDArray.of(new float[] {19, 22, 43, 50}, 2, 2), a.matmul(b));
  }

  @Test
  void vectorTimesVectorIsAZeroDimensionalInnerProduct() {
    NDArray product = NDArray.of(new float[] {1, 2, 3}, 3).matmul(NDArray.of(new float[] {4, 5, 6}, 3));
    assertEquals(Shape.of(), product.shape());
    assertEquals(32.0, product.item());
  }

  @Test
  void vectorOperandsArePromotedAndTheAddedAxisRemoved() {
    NDArray matrix = NDArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    NDArray row = NDArray.of(new float[] {1, 0, -1}, 3);
    NDArray column = NDArray.of(new float[] {2, 1}, 2);
    assertEquals(NDArray.of(new float[] {-2, -2}, 2), matrix.matmul(row));
    assertEquals(NDArray.of(new float[] {6, 9, 12}, 3), column.matmul(matrix));
    NDArray stack = random(DType.FLOAT32, 1, 4, 2, 3);
    assertEquals(Shape.of(4, 2), stack.matmul(row).shape());
    assertEquals(Shape.of(4, 3), column.matmul(stack).shape());
    assertClose(naiveMatmul(stack, row.reshape(3, 1), new int[] {4}), stack.matmul(row), 1e-6);
  }

  @Test
  void batchAxesBroadcast() {
    NDArray a = random(DType.FLOAT32, 2, 2, 1, 3, 4);
    NDArray b = random(DType.FLOAT32, 3, 5, 4, 2);
    NDArray product = a.matmul(b);
    assertEquals(Shape.of(2, 5, 3, 2), product.shape());
    assertClose(naiveMatmul(a, b, new int[] {2, 5}), product, 1e-6);
  }

  @Test
  void stackTimesOneMatrixIsOneLargeProductWithTheSameValues() {
    NDArray a = random(DType.FLOAT32, 4, 3, 5, 7);
    NDArray w = random(DType.FLOAT32, 5, 7, 6);
    assertClose(naiveMatmul(a, w, new int[] {3}), a.matmul(w), 1e-6);
    NDArray transposedStack = random(DType.FLOAT32, 6, 3, 7, 5).swapAxes(1, 2);
    assertClose(naiveMatmul(transposedStack, w, new int[] {3}), transposedStack.matmul(w), 1e-6);
    NDArray everyOtherRow = random(DType.FLOAT32, 7, 3, 10, 7).slice(1, 0, 10, 2);
    assertClose(naiveMatmul(everyOtherRow, w, new int[] {3}), everyOtherRow.matmul(w), 1e-6);
  }

  @Test
  void transposedViewsGoToBlasAsFlagsWithoutCopies() {
    NDArray a = random(DType.FLOAT32, 8, 6, 4).transpose();
    NDArray b = random(DType.FLOAT32, 9, 5, 6).transpose();
    assertEquals(new BlasLayout(Transpose.YES, 4), MatMul.blasLayout(4, 6, a.strides()[0], a.strides()[1]));
    assertEquals(new BlasLayout(Transpose.YES, 6), MatMul.blasLayout(6, 5, b.strides()[0], b.strides()[1]));
    assertClose(naiveMatmul(a, b, new int[0]), a.matmul(b), 1e-6);
  }

  @Test
  void layoutReadsRowsOrColumnsAndRefusesEverythingElse() {
    assertEquals(new BlasLayout(Transpose.NO, 10), MatMul.blasLayout(3, 4, 10, 1), "rows of a wider matrix");
    assertEquals(new BlasLayout(Transpose.YES, 3), MatMul.blasLayout(3, 4, 1, 3), "a transposed [4, 3]");
    assertEquals(new BlasLayout(Transpose.NO, 4), MatMul.blasLayout(1, 4, 0, 1), "one row: its stride is irrelevant");
    assertEquals(new BlasLayout(Transpose.YES, 2), MatMul.blasLayout(1, 4, 0, 2), "one row with a step: a transposed column");
    assertNull(MatMul.blasLayout(3, 4, 8, 2), "a step along both axes");
    assertNull(MatMul.blasLayout(3, 4, 0, 1), "a broadcast row");
    assertNull(MatMul.blasLayout(3, 4, -4, 1), "reversed rows");
  }

  @Test
  void stridedAndBroadcastOperandsAreCopiedAndStillCorrect() {
    NDArray stepped = random(DType.FLOAT32, 10, 6, 8).index("::-1, ::2");
    NDArray broadcast = NDArray.of(new float[] {1, 2, 3, 4}, 4, 1).broadcastTo(Shape.of(4, 3));
    assertEquals(Shape.of(6, 4), stepped.shape());
    assertClose(naiveMatmul(stepped, broadcast, new int[0]), stepped.matmul(broadcast), 1e-6);
  }

  @Test
  void float64UsesDoublePrecision() {
    NDArray a = random(DType.FLOAT64, 11, 33, 17);
    NDArray b = random(DType.FLOAT64, 12, 17, 9).transpose().contiguous().transpose();
    NDArray product = a.matmul(b);
    assertEquals(DType.FLOAT64, product.dtype());
    assertClose(naiveMatmul(a, b, new int[0]), product, 1e-14);
  }

  @Test
  void mixedDtypesPromoteAsNumPy() {
    NDArray ints = NDArray.of(new int[] {1, 2, 3, 4}, 2, 2);
    NDArray floats = NDArray.of(new float[] {0.5f, 0, 0, 0.25f}, 2, 2);
    NDArray product = ints.matmul(floats);
    assertEquals(DType.FLOAT64, product.dtype());
    assertEquals(NDArray.of(new double[] {0.5, 0.5, 1.5, 1.0}, 2, 2), product);
  }

  @Test
  void integerProductsAreExact() {
    NDArray a = NDArray.of(new long[] {1L << 40, 3, -7, 1}, 2, 2);
    NDArray b = NDArray.of(new long[] {3, 1, 1, (1L << 50) + 1}, 2, 2);
    NDArray product = a.matmul(b);
    assertEquals(DType.INT64, product.dtype());
    assertArrayEquals(new long[] {3L * (1L << 40) + 3, (1L << 40) + 3 * ((1L << 50) + 1), -20, -7 + (1L << 50) + 1}, product.toLongArray());
    NDArray int32 = NDArray.of(new int[] {1, 2, 3, 4, 5, 6}, 2, 3).matmul(NDArray.of(new int[] {1, 0, -1}, 3));
    assertEquals(NDArray.of(new int[] {-2, -2}, 2), int32);
  }

  @Test
  void int32ProductsWrapAroundAsNumPys() {
    NDArray big = NDArray.of(new int[] {1 << 30, 1 << 30}, 2);
    assertEquals(Integer.MIN_VALUE, (int) big.matmul(NDArray.of(new int[] {1, 1}, 2)).getLong());
  }

  @Test
  void boolProductIsTrueWhereSomeTermIsTrue() {
    NDArray a = NDArray.of(new int[] {1, 0, 0, 0}, 2, 2).ne(NDArray.scalar(0, DType.INT32));
    NDArray b = NDArray.of(new int[] {1, 1, 0, 1}, 2, 2).ne(NDArray.scalar(0, DType.INT32));
    NDArray product = a.matmul(b);
    assertEquals(DType.BOOL, product.dtype());
    assertArrayEquals(new long[] {1, 1, 0, 0}, product.toLongArray());
  }

  @Test
  void zeroSizedDimensionsGiveEmptyOrZeroResults() {
    assertEquals(Shape.of(0, 4), NDArray.zeros(Shape.of(0, 3)).matmul(NDArray.zeros(Shape.of(3, 4))).shape());
    assertEquals(NDArray.zeros(Shape.of(2, 3)), NDArray.ones(Shape.of(2, 0)).matmul(NDArray.ones(Shape.of(0, 3))));
    assertEquals(Shape.of(0, 2, 5), NDArray.zeros(Shape.of(0, 2, 3)).matmul(NDArray.zeros(Shape.of(3, 5))).shape());
    assertEquals(NDArray.zeros(Shape.of(2)), NDArray.ones(Shape.of(2, 0)).matmul(NDArray.ones(Shape.of(0))));
  }

  @Test
  void misalignedShapesNameBothShapes() {
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
        () -> NDArray.zeros(Shape.of(100, 20)).matmul(NDArray.zeros(Shape.of(30, 40))));
    assertEquals("matmul: shapes [100, 20] and [30, 40] do not align (20 != 30)", e.getMessage());
  }

  @Test
  void batchAxesThatDoNotBroadcastNameBothShapes() {
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
        () -> NDArray.zeros(Shape.of(2, 3, 4)).matmul(NDArray.zeros(Shape.of(5, 4, 6))));
    assertEquals("matmul: batch dimensions of [2, 3, 4] and [5, 4, 6] do not broadcast ([2] vs [5])", e.getMessage());
  }

  @Test
  void scalarsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NDArray.zeros(Shape.of(3)).matmul(NDArray.scalar(2, DType.FLOAT32)));
    assertEquals("matmul: operand 1 has shape [] but needs at least 1 dimension; use mul for scalars", e.getMessage());
  }

  @Test
  void dotOfVectorsIsTheInnerProductAndOfStacksSumsOverTheLastAndSecondToLastAxes() {
    assertEquals(32.0, NDArray.of(new double[] {1, 2, 3}, 3).dot(NDArray.of(new double[] {4, 5, 6}, 3)).item());
    NDArray a = random(DType.FLOAT64, 13, 2, 3, 4);
    NDArray b = random(DType.FLOAT64, 14, 5, 4, 6);
    NDArray product = a.dot(b);
    assertEquals(Shape.of(2, 3, 5, 6), product.shape());
    for (int[] at : new int[][] {{0, 0, 0, 0}, {1, 2, 4, 5}, {1, 0, 3, 2}}) {
      double expected = 0;
      for (int p = 0; p < 4; p++) {
        expected += a.getDouble(at[0], at[1], p) * b.getDouble(at[2], p, at[3]);
      }
      assertEquals(expected, product.getDouble(at), 1e-14);
    }
    ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> a.dot(random(DType.FLOAT64, 15, 5, 3, 6)));
    assertEquals("dot: shapes [2, 3, 4] and [5, 3, 6] do not align (4 != 3)", e.getMessage());
  }

  @Test
  void dotWithAScalarMultiplies() {
    assertEquals(NDArray.of(new float[] {2, 4}, 2), NDArray.of(new float[] {1, 2}, 2).dot(NDArray.scalar(2, DType.FLOAT32)));
  }

  @Test
  void outerFlattensBothOperands() {
    NDArray product = NDArray.of(new float[] {1, 2, 3}, 3).outer(NDArray.of(new float[] {1, -1, 2, 0}, 2, 2));
    assertEquals(NDArray.of(new float[] {1, -1, 2, 0, 2, -2, 4, 0, 3, -3, 6, 0}, 3, 4), product);
  }

  @Test
  void matmulIntoAnArrayGivesTheSameBitsAsAFreshResult() {
    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT64}) {
      NDArray a = random(DType.FLOAT64, 11, 3, 6, 5).astype(dtype);
      NDArray b = random(DType.FLOAT64, 12, 4, 5).astype(dtype).transpose();
      NDArray g = random(DType.FLOAT64, 13, 7, 4).astype(dtype);
      // A batched product, a transposed operand, and a vector: each into an array that held other values.
      NDArray stacked = NDArray.full(Shape.of(3, 6, 4), 9, dtype);
      assertSame(stacked, a.matmul(b, stacked));
      assertEquals(a.matmul(b), stacked);
      NDArray weightGradient = NDArray.full(Shape.of(4, 5), 9, dtype);
      assertEquals(g.transpose().matmul(a.reshape(3 * 6, 5).slice(0, 0, 7, 1)), g.transpose().matmul(a.reshape(3 * 6, 5).slice(0, 0, 7, 1), weightGradient));
      NDArray vector = NDArray.full(Shape.of(7), 9, dtype);
      assertEquals(g.matmul(b.slice(0, 0, 4, 1).sum(1)), g.matmul(b.slice(0, 0, 4, 1).sum(1), vector));
    }
    // An empty inner axis leaves zeros, as a fresh result would.
    NDArray out = NDArray.full(Shape.of(2, 3), 9, DType.FLOAT32);
    assertEquals(NDArray.zeros(Shape.of(2, 3)), NDArray.zeros(Shape.of(2, 0)).matmul(NDArray.zeros(Shape.of(0, 3)), out));
  }

  @Test
  void matmulIntoRefusesAnArrayThatCannotTakeTheResult() {
    NDArray a = random(DType.FLOAT32, 1, 2, 3);
    NDArray b = random(DType.FLOAT32, 2, 3, 4);
    ShapeMismatchException shape = assertThrows(ShapeMismatchException.class, () -> a.matmul(b, NDArray.zeros(Shape.of(4, 2))));
    assertEquals("matmul: the result is float32 [2, 4] but the output array is float32 [4, 2]", shape.getMessage());
    ShapeMismatchException dtype = assertThrows(ShapeMismatchException.class, () -> a.matmul(b, NDArray.zeros(Shape.of(2, 4), DType.FLOAT64)));
    assertEquals("matmul: the result is float32 [2, 4] but the output array is float64 [2, 4]", dtype.getMessage());
    IllegalArgumentException strided = assertThrows(IllegalArgumentException.class, () -> a.matmul(b, NDArray.zeros(Shape.of(4, 2)).transpose()));
    assertEquals("matmul: the output array must be C-contiguous, got strides [1, 2]", strided.getMessage());
    NDArray square = random(DType.FLOAT32, 3, 3, 3);
    IllegalArgumentException shared = assertThrows(IllegalArgumentException.class, () -> square.matmul(square.transpose(), square));
    assertEquals("matmul: the output array shares memory with an operand", shared.getMessage());
  }
}
