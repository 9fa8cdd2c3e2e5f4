package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DTypeTest {
  @Test
  void promotionMatchesNumpyResultType() {
    assertEquals(DType.FLOAT64, DType.promote(DType.INT32, DType.FLOAT32));
    assertEquals(DType.FLOAT64, DType.promote(DType.INT64, DType.FLOAT32));
    assertEquals(DType.INT64, DType.promote(DType.INT32, DType.INT64));
    assertEquals(DType.FLOAT64, DType.promote(DType.FLOAT32, DType.FLOAT64));
    assertEquals(DType.FLOAT32, DType.promote(DType.BOOL, DType.FLOAT32));
    assertEquals(DType.INT32, DType.promote(DType.INT32, DType.INT32));
  }

  @Test
  void javaScalarsAreWeakLikeNumpy2() {
    NDArray ints = NDArray.of(new int[] {1, 2, 3});
    assertEquals(DType.INT32, ints.add(1).dtype());
    assertEquals(DType.FLOAT64, ints.add(0.5).dtype());
    assertEquals(DType.FLOAT32, NDArray.ones(Shape.of(2)).mul(3.25).dtype());
    assertArrayEquals(new double[] {1.5, 2.5, 3.5}, ints.add(0.5).toDoubleArray());
  }

  @Test
  void integerDivisionIsTrueDivisionAndIntegerArithmeticStaysExact() {
    NDArray a = NDArray.of(new long[] {7, -7, 9_007_199_254_740_993L});
    NDArray b = NDArray.of(new long[] {2, 2, 1});
    assertEquals(DType.FLOAT64, a.div(b).dtype());
    assertArrayEquals(new double[] {3.5, -3.5}, a.div(b).index(":2").toDoubleArray());
    // 2^53 + 1 is not a double; int64 addition must not pass through floating point
    assertEquals(9_007_199_254_740_994L, a.add(b).getLong(2));
    assertEquals(DType.INT64, NDArray.of(new int[] {1}).add(NDArray.of(new long[] {1})).dtype());
  }

  @Test
  void astypeTruncatesTowardZeroAndMapsNonZeroToTrue() {
    NDArray x = NDArray.of(new double[] {-1.7, -0.2, 0, 2.9});
    assertArrayEquals(new int[] {-1, 0, 0, 2}, x.astype(DType.INT32).toIntArray());
    assertArrayEquals(new long[] {1, 1, 0, 1}, x.astype(DType.BOOL).toLongArray());
    assertEquals(x, x.astype(DType.FLOAT64));
  }

  @Test
  void integersToNegativePowersAreRefused() {
    NDArray x = NDArray.of(new int[] {2, 3});
    assertArrayEquals(new int[] {8, 27}, x.pow(3).toIntArray());
    var error = assertThrows(IllegalArgumentException.class, () -> x.pow(-1));
    assertEquals("pow: integers to negative integer powers are not allowed (exponent -1)", error.getMessage());
  }

  @Test
  void unknownNumpyNamesAreRejected() {
    assertEquals(DType.FLOAT32, DType.fromNumpyName("float32"));
    var error = assertThrows(IllegalArgumentException.class, () -> DType.fromNumpyName("complex64"));
    assertEquals("unknown dtype 'complex64'; expected one of bool, int32, int64, float32, float64", error.getMessage());
  }
}
