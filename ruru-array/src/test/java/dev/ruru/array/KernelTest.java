package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kernels against naive scalar references, on arrays large enough to take the parallel and
 * vectorised paths and on strided views that take the general ones.
 */
class KernelTest {
  private final int threadsBefore = Parallel.threads();

  @AfterEach
  void restoreThreads() {
    Parallel.setThreads(threadsBefore);
  }

  /** Reference: element [i, j] of a 2-D array read through its strides, one at a time. */
  private static double at(NDArray a, int i, int j) {
    return a.getDouble(i, j);
  }

  @Test
  void binaryOpsOnLargeStridedAndBroadcastOperandsMatchScalarLoops() {
    NDArray x = NDArray.randn(Shape.of(700, 600), new SplittableRandom(1));
    NDArray y = NDArray.randn(Shape.of(600, 700), new SplittableRandom(2)).transpose();
    NDArray row = NDArray.randn(Shape.of(600), new SplittableRandom(3));
    NDArray column = NDArray.randn(Shape.of(700, 1), new SplittableRandom(4));
    NDArray reversed = x.index("::-1, ::-1");
    NDArray[] results = {x.add(y), x.sub(row), reversed.mul(column), x.div(y), x.maximum(y), x.minimum(row)};
    for (int i = 0; i < 700; i += 7) {
      for (int j = 0; j < 600; j += 5) {
        float a = (float) at(x, i, j);
        float b = (float) at(y, i, j);
        float r = (float) row.getDouble(j);
        float c = (float) column.getDouble(i, 0);
        assertEquals(a + b, at(results[0], i, j), 0, "add at " + i + "," + j);
        assertEquals(a - r, at(results[1], i, j), 0, "sub at " + i + "," + j);
        assertEquals((float) at(reversed, i, j) * c, at(results[2], i, j), 0, "mul at " + i + "," + j);
        assertEquals(a / b, at(results[3], i, j), 0, "div at " + i + "," + j);
        assertEquals(Math.max(a, b), at(results[4], i, j), 0, "maximum at " + i + "," + j);
        assertEquals(Math.min(a, r), at(results[5], i, j), 0, "minimum at " + i + "," + j);
      }
    }
  }

  /**
   * Rows whose operands lie at other offsets than the output are copied into the output row first
   * (Elementwise.Realigned): the operand order must survive it for sub and div, in both float types,
   * for a broadcast row on either side, a scalar beside a view at an offset, and an existing output.
   */
  @Test
  void rowsAtOtherOffsetsThanTheOutputKeepTheirOperandOrder() {
    for (DType type : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      NDArray x = NDArray.randn(Shape.of(40, 300), new SplittableRandom(6)).astype(type);
      NDArray row = NDArray.randn(Shape.of(300), new SplittableRandom(7)).astype(type);
      NDArray inner = x.index("1:, 2:");
      NDArray into = NDArray.zeros(Shape.of(40, 300)).astype(type);
      NDArray[] results = {x.sub(row), row.sub(x), row.div(x), inner.sub(2.0), into.addInPlace(row, x)};
      for (int i = 0; i < 39; i += 3) {
        for (int j = 0; j < 298; j += 7) {
          double a = at(x, i, j);
          double r = row.getDouble(j);
          double v = at(inner, i, j);
          boolean single = type == DType.FLOAT32;
          assertEquals(single ? (float) a - (float) r : a - r, at(results[0], i, j), 0, type + " x - row at " + i + "," + j);
          assertEquals(single ? (float) r - (float) a : r - a, at(results[1], i, j), 0, type + " row - x at " + i + "," + j);
          assertEquals(single ? (float) r / (float) a : r / a, at(results[2], i, j), 0, type + " row / x at " + i + "," + j);
          assertEquals(single ? (float) v - 2f : v - 2, at(results[3], i, j), 0, type + " view - 2 at " + i + "," + j);
          assertEquals(single ? (float) r + (float) a : r + a, at(results[4], i, j), 0, type + " row + x into at " + i + "," + j);
        }
      }
    }
  }

  @Test
  void unaryOpsMatchJavaMath() {
    NDArray x = NDArray.uniform(Shape.of(3, 1000), 0.1, 4, DType.FLOAT64, new SplittableRandom(5)).index(":, ::3");
    double[] in = x.toDoubleArray();
    double[][] out = {
      x.exp().toDoubleArray(), x.log().toDoubleArray(), x.sqrt().toDoubleArray(), x.tanh().toDoubleArray(),
      x.sigmoid().toDoubleArray(), x.neg().relu().toDoubleArray(), x.sin().toDoubleArray(), x.neg().abs().toDoubleArray()
    };
    for (int i = 0; i < in.length; i++) {
      assertEquals(Math.exp(in[i]), out[0][i], 0);
      assertEquals(Math.log(in[i]), out[1][i], 0);
      assertEquals(Math.sqrt(in[i]), out[2][i], 0);
      assertEquals(Math.tanh(in[i]), out[3][i], 0);
      assertEquals(1 / (1 + Math.exp(-in[i])), out[4][i], 0);
      assertEquals(0, out[5][i], 0);
      assertEquals(Math.sin(in[i]), out[6][i], 0);
      assertEquals(in[i], out[7][i], 0);
    }
    assertArrayEquals(new float[] {0, 0, 2}, NDArray.of(new float[] {-3, 0, 2}).relu().toFloatArray());
    assertEquals(0.0f, NDArray.of(new float[] {-1000}).sigmoid().toFloatArray()[0]);
    assertArrayEquals(new double[] {-1, 0, 1}, NDArray.of(new double[] {-2, 0, 5}).sign().toDoubleArray());
  }

  /** 2^53 + 1 has no double: integer neg, abs, sign and relu must not pass through one. */
  @Test
  void integerUnaryOpsStayExact() {
    long big = (1L << 53) + 1;
    NDArray longs = NDArray.of(new long[] {big, -big, Long.MIN_VALUE, Long.MAX_VALUE, 0}, 5);
    assertArrayEquals(new long[] {-big, big, Long.MIN_VALUE, -Long.MAX_VALUE, 0}, longs.neg().toLongArray());
    assertArrayEquals(new long[] {big, big, Long.MIN_VALUE, Long.MAX_VALUE, 0}, longs.abs().toLongArray());   // NumPy wraps too
    assertArrayEquals(new long[] {big, 0, 0, Long.MAX_VALUE, 0}, longs.relu().toLongArray());
    assertArrayEquals(new long[] {1, -1, -1, 1, 0}, longs.sign().toLongArray());
    NDArray ints = NDArray.of(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, -7}, 3);
    assertArrayEquals(new int[] {Integer.MIN_VALUE, -Integer.MAX_VALUE, 7}, ints.neg().toIntArray());
    assertArrayEquals(new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 7}, ints.abs().toIntArray());
    assertArrayEquals(new int[] {0, Integer.MAX_VALUE, 0}, ints.relu().toIntArray());
    assertEquals(DType.INT32, ints.neg().dtype());
  }

  @Test
  void fullSumIsIdenticalForEveryThreadCountAndCloseToADoubleSum() {
    NDArray x = NDArray.rand(Shape.of(3_000_001), new SplittableRandom(6));
    double reference = 0;
    for (float v : x.toFloatArray()) {
      reference += v;
    }
    Parallel.setThreads(1);
    double one = x.sum().item();
    Parallel.setThreads(2);
    double two = x.sum().item();
    Parallel.setThreads(3);
    double three = x.sum().item();
    assertEquals(one, two, 0);
    assertEquals(one, three, 0);
    assertEquals(reference, one, reference * 1e-6);
  }

  @Test
  void reductionsOverEveryAxisSetMatchNestedLoops() {
    NDArray x = NDArray.randn(Shape.of(4, 5, 6), new SplittableRandom(7)).astype(DType.FLOAT64);
    int[][] axesSets = {{0}, {1}, {2}, {0, 1}, {1, 2}, {0, 2}, {0, 1, 2}, {-1}};
    for (int[] axes : axesSets) {
      boolean[] picked = Reductions.picked("test", x, axes);
      NDArray sum = x.sum(axes, Dims.KEEP);
      NDArray max = x.max(axes, Dims.KEEP);
      NDArray min = x.min(axes, Dims.KEEP);
      double[] expectedSum = new double[sum.size()];
      double[] expectedMax = new double[sum.size()];
      double[] expectedMin = new double[sum.size()];
      java.util.Arrays.fill(expectedMax, Double.NEGATIVE_INFINITY);
      java.util.Arrays.fill(expectedMin, Double.POSITIVE_INFINITY);
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 5; j++) {
          for (int k = 0; k < 6; k++) {
            int o = ((picked[0] ? 0 : i) * (picked[1] ? 1 : 5) + (picked[1] ? 0 : j)) * (picked[2] ? 1 : 6) + (picked[2] ? 0 : k);
            double v = x.getDouble(i, j, k);
            expectedSum[o] += v;
            expectedMax[o] = Math.max(expectedMax[o], v);
            expectedMin[o] = Math.min(expectedMin[o], v);
          }
        }
      }
      String label = java.util.Arrays.toString(axes);
      assertArrayEquals(expectedSum, sum.toDoubleArray(), 1e-12, "sum over " + label);
      assertArrayEquals(expectedMax, max.toDoubleArray(), 0, "max over " + label);
      assertArrayEquals(expectedMin, min.toDoubleArray(), 0, "min over " + label);
    }
  }

  @Test
  void largeLeadingAxisReductionMatchesColumnLoops() {
    NDArray x = NDArray.randn(Shape.of(600, 300), new SplittableRandom(8));
    NDArray sums = x.sum(0);
    NDArray maxima = x.max(0, Dims.KEEP);
    for (int j = 0; j < 300; j++) {
      double s = 0;
      double m = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < 600; i++) {
        s += x.getDouble(i, j);
        m = Math.max(m, x.getDouble(i, j));
      }
      assertEquals(s, sums.getDouble(j), 1e-4, "column " + j);
      assertEquals(m, maxima.getDouble(0, j), 0, "column " + j);
    }
  }

  @Test
  void emptyReductionsHaveIdentitiesOrErrors() {
    NDArray empty = NDArray.zeros(Shape.of(0, 3));
    assertArrayEquals(new float[] {0, 0, 0}, empty.sum(0).toFloatArray());
    assertArrayEquals(new float[] {1, 1, 1}, empty.prod(new int[] {0}, Dims.DROP).toFloatArray());
    var error = assertThrows(IllegalArgumentException.class, () -> empty.max(0));
    assertEquals("max: zero-size array to reduction operation max which has no identity; axes (0) of shape [0, 3]", error.getMessage());
    assertEquals(Shape.of(0), empty.max(1).shape());
  }

  @Test
  void argmaxTakesTheFirstOfTiesAndNaN() {
    NDArray x = NDArray.of(new double[] {1, 3, 3, 0, Double.NaN, 5}, 2, 3);
    assertArrayEquals(new long[] {1, 1}, x.argmax(1).toLongArray());
    assertArrayEquals(new long[] {0, 1}, x.argmin(1).toLongArray());
    assertEquals(4, x.argmax().item());
    assertArrayEquals(new long[] {0, 1, 1}, x.argmax(0).toLongArray());
  }

  @Test
  void argmaxAndArgminScanStridedViewsAsANaiveLoop() {
    // Scores laid out [classes, batch] and reduced over the classes, a stepped slice of them, and a
    // transposed float64 copy: the runs are strided and are scanned where they lie.
    NDArray scores = NDArray.randn(Shape.of(10, 30), new SplittableRandom(3)).astype(DType.FLOAT32);
    scores.setInPlace(Float.NaN, 4, 7);
    for (NDArray x : new NDArray[] {scores, scores.index("::3, 1::2"), scores.astype(DType.FLOAT64).transpose()}) {
      for (int axis = 0; axis < 2; axis++) {
        long[] max = x.argmax(axis).toLongArray();
        long[] min = x.argmin(axis).toLongArray();
        for (int k = 0; k < x.dim(1 - axis); k++) {
          NDArray line = axis == 0 ? x.slice(1, k, k + 1, 1).reshape(-1) : x.slice(0, k, k + 1, 1).reshape(-1);
          assertEquals(naiveArg(line, true), max[k], "argmax along axis " + axis + " at " + k + " of " + x.shape());
          assertEquals(naiveArg(line, false), min[k], "argmin along axis " + axis + " at " + k + " of " + x.shape());
        }
      }
    }
    NDArray cube = NDArray.randn(Shape.of(3, 4, 5), new SplittableRandom(4)).permute(2, 0, 1);
    NDArray picked = cube.argmax(1);
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j < 4; j++) {
        assertEquals(naiveArg(cube.slice(0, i, i + 1, 1).slice(2, j, j + 1, 1).reshape(-1), true), picked.getLong(i, j));
      }
    }
  }

  /** The first index of the extreme, the first NaN winning, by a plain loop over getDouble. */
  private static long naiveArg(NDArray vector, boolean max) {
    int best = 0;
    for (int i = 1; i < vector.dim(0) && !Double.isNaN(vector.getDouble(best)); i++) {
      double v = vector.getDouble(i);
      if (Double.isNaN(v) || (max ? v > vector.getDouble(best) : v < vector.getDouble(best))) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void meanVarStdAndLogsumexpAreStable() {
    NDArray x = NDArray.of(new double[] {1, 2, 3, 4, 1000, 1000}, 3, 2);
    assertArrayEquals(new double[] {1004 / 3.0, 1006 / 3.0}, x.mean(0).toDoubleArray(), 1e-12);
    assertEquals(2.9166666666666665, NDArray.arange(6).var().item(), 1e-15);
    assertEquals(Math.sqrt(3.5), NDArray.arange(6).std(new int[] {0}, Dims.DROP, 1).item(), 1e-15);
    NDArray lse = x.logsumexp(1);
    assertEquals(1000 + Math.log(2), lse.getDouble(2), 1e-12);
    assertEquals(2 + Math.log1p(Math.exp(-1)), lse.getDouble(0), 1e-12);
    NDArray infinite = NDArray.of(new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY});
    assertEquals(Double.NEGATIVE_INFINITY, infinite.logsumexp(0).item());
  }

  @Test
  void inPlaceOpsWriteThroughViewsAndRefuseBroadcastTargets() {
    NDArray x = NDArray.zeros(Shape.of(3, 4), DType.FLOAT64);
    x.index(":, 1::2").addInPlace(NDArray.of(new double[] {1, 2}));
    assertArrayEquals(new double[] {0, 1, 0, 2, 0, 1, 0, 2, 0, 1, 0, 2}, x.toDoubleArray());
    x.mulInPlace(2).addInPlace(0.5);
    assertEquals(4.5, x.getDouble(2, 3));
    NDArray out = NDArray.zeros(Shape.of(3, 4));
    out.addInPlace(NDArray.ones(Shape.of(3, 1)), NDArray.ones(Shape.of(4)));
    assertEquals(24, out.sum().item());
    var error = assertThrows(IllegalArgumentException.class, () -> NDArray.zeros(Shape.of(4)).broadcastTo(Shape.of(2, 4)).addInPlace(1));
    assertTrue(error.getMessage().startsWith("addInPlace: cannot write into a broadcast view"), error.getMessage());
    var cast = assertThrows(IllegalArgumentException.class, () -> NDArray.of(new int[] {1}).addInPlace(NDArray.of(new double[] {0.5})));
    assertEquals("addInPlace: cannot store a float64 result in a int32 array", cast.getMessage());
  }

  @Test
  void mulHeavisideInPlaceEqualsTheOpThatMakesANewArray() {
    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      NDArray a = NDArray.of(new double[] {1.5, -2, 3, Double.POSITIVE_INFINITY, 4, 5}).astype(dtype);
      NDArray mask = NDArray.of(new double[] {-1, 0, -0.0, 0, 1e-30, Double.NaN}).astype(dtype);
      NDArray expected = a.mulHeaviside(mask);
      assertEquals(expected, a.copy().mulHeavisideInPlace(mask));
      assertEquals(0.0, expected.getDouble(2));
      assertEquals(4.0, expected.getDouble(4), "a tiny positive step is a full 1");
      assertTrue(Double.isNaN(expected.getDouble(3)) && Double.isNaN(expected.getDouble(5)), "0·∞ and NaN steps are NaN, as in NumPy");
    }
  }

  @Test
  void comparisonsAndWhereMakeAndUseMasks() {
    NDArray x = NDArray.of(new float[] {-1, 0, 2, Float.NaN});
    NDArray mask = x.gt(0);
    assertEquals(DType.BOOL, mask.dtype());
    assertArrayEquals(new long[] {0, 0, 1, 0}, mask.toLongArray());
    assertArrayEquals(new long[] {1, 1, 1, 1}, x.ne(NDArray.of(new float[] {5})).toLongArray());
    NDArray picked = NDArray.where(mask, x, NDArray.scalar(-7, DType.FLOAT64));
    assertEquals(DType.FLOAT64, picked.dtype());
    assertArrayEquals(new double[] {-7, -7, 2, -7}, picked.toDoubleArray());
    assertArrayEquals(new float[] {-0.5f, 0, 0.5f}, NDArray.of(new float[] {-3, 0, 9}).clip(-0.5, 0.5).toFloatArray());
  }

  @Test
  void randomArraysRepeatForTheSameSeedWhateverTheThreadCount() {
    Parallel.setThreads(1);
    NDArray a = NDArray.randn(Shape.of(1000), new SplittableRandom(42));
    Parallel.setThreads(2);
    NDArray b = NDArray.randn(Shape.of(1000), new SplittableRandom(42));
    assertArrayEquals(a.toFloatArray(), b.toFloatArray());
    NDArray u = NDArray.uniform(Shape.of(10_000), -2, 3, DType.FLOAT64, new SplittableRandom(1));
    assertTrue(u.min().item() >= -2 && u.max().item() < 3);
    // 10,000 samples of width 5: the standard error of the mean is 0.0144; allow five of them
    assertEquals(0.5, u.mean().item(), 0.072);
    assertEquals(1, NDArray.randn(Shape.of(20_000), new SplittableRandom(3)).std().item(), 0.02);
  }

  @Test
  void wrapTakesTheArrayWithoutCopyingAndOfCopies() {
    float[] values = {1, 2, 3, 4, 5, 6};
    NDArray wrapped = NDArray.wrap(values, 2, 3);
    NDArray copied = NDArray.of(values, 2, 3);
    values[5] = 60;
    assertEquals(60, wrapped.getDouble(1, 2));
    assertEquals(6, copied.getDouble(1, 2));
    var error = assertThrows(ShapeMismatchException.class, () -> NDArray.wrap(new double[5], 2, 3));
    assertEquals("of: 5 values do not fill shape [2, 3] (6 elements)", error.getMessage());
    var negative = assertThrows(IllegalArgumentException.class, () -> NDArray.wrap(new double[0], -1, 0));
    assertEquals("of: negative dimension in shape [-1, 0]", negative.getMessage());
  }

  @Test
  void rangesAndIdentity() {
    assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, NDArray.linspace(0, 1, 5, DType.FLOAT64).toDoubleArray());
    assertArrayEquals(new float[] {5, 3, 1}, NDArray.arange(5, 0, -2, DType.FLOAT32).toFloatArray());
    assertEquals(3, NDArray.eye(3).sum().item());
    assertEquals(1, NDArray.eye(3).getDouble(2, 2));
    var error = assertThrows(ShapeMismatchException.class, () -> NDArray.of(new float[6], 4, 2));
    assertEquals("of: 6 values do not fill shape [4, 2] (8 elements)", error.getMessage());
  }
}
