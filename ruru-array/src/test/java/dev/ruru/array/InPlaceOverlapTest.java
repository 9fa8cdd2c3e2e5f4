package dev.ruru.array;

import static dev.ruru.array.ArrayAssert.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * In-place updates whose source shares memory with the target read every source element as it was
 * before any is written, as NumPy guarantees ({@code x[1:] -= x[:-1]}, {@code a += a.T}); the expected
 * values are NumPy's. Sources that do not overlap the target are read where they lie, without a copy.
 */
class InPlaceOverlapTest {
  /** x = arange(5) as int64, float32 and float64; {@code update(x[1:], x[:-1])}; x afterwards. */
  private static void assertShiftedUpdate(BiConsumer<NDArray, NDArray> update, long[] expected) {
    for (DType dtype : new DType[] {DType.INT64, DType.FLOAT32, DType.FLOAT64}) {
      NDArray x = NDArray.arange(5).astype(dtype);
      update.accept(x.slice(0, 1, 5, 1), x.slice(0, 0, 4, 1));
      assertArrayEquals(dtype + " x[1:] op= x[:-1]", NDArray.of(expected, 5).astype(dtype), x);
    }
  }

  @Test
  void arithmeticUpdatesReadAShiftedSourceAsItWas() {
    assertShiftedUpdate(NDArray::subInPlace, new long[] {0, 1, 1, 1, 1});
    assertShiftedUpdate(NDArray::addInPlace, new long[] {0, 1, 3, 5, 7});
    assertShiftedUpdate(NDArray::mulInPlace, new long[] {0, 0, 2, 6, 12});
    assertShiftedUpdate(NDArray::assignInPlace, new long[] {0, 0, 1, 2, 3});
    assertShiftedUpdate(NDArray::mulHeavisideInPlace, new long[] {0, 0, 2, 3, 4});
  }

  @Test
  void floatingUpdatesReadAShiftedSourceAsItWas() {
    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      NDArray x = NDArray.arange(5).astype(dtype);
      x.slice(0, 1, 5, 1).addScaledInPlace(x.slice(0, 0, 4, 1), 2);
      assertArrayEquals(dtype + " addScaledInPlace", NDArray.of(new double[] {0, 1, 4, 7, 10}, 5).astype(dtype), x);
      NDArray y = NDArray.arange(1, 6, 1, dtype);
      y.slice(0, 1, 5, 1).divInPlace(y.slice(0, 0, 4, 1));
      assertArrayEquals(dtype + " divInPlace", NDArray.of(new double[] {1, 2, 1.5, 4 / 3.0, 1.25}, 5).astype(dtype), y);
    }
  }

  @Test
  void addingTheTransposeReadsTheOriginal() {
    NDArray a = NDArray.of(new long[] {1, 2, 3, 4}, 2, 2);
    a.addInPlace(a.transpose());
    assertArrayEquals("a += a.T", NDArray.of(new long[] {2, 5, 5, 8}, 2, 2), a);
    NDArray f = NDArray.of(new float[] {1, 2, 3, 4}, 2, 2);
    f.addScaledInPlace(f.transpose(), 1);
    assertArrayEquals("a += 1·a.T", NDArray.of(new float[] {2, 5, 5, 8}, 2, 2), f);
    NDArray s = NDArray.of(new double[] {1, 2, 3, 4}, 2, 2);
    s.assignInPlace(s.transpose());
    assertArrayEquals("a[:] = a.T", NDArray.of(new double[] {1, 3, 2, 4}, 2, 2), s);
  }

  @Test
  void aBroadcastRowOfTheTargetIsReadAsItWas() {
    NDArray x = NDArray.arange(1, 7, 1, DType.FLOAT64).reshape(3, 2);
    x.addInPlace(x.index("0"));        // x += x[0]: every row adds the original first row
    assertArrayEquals("x += x[0]", NDArray.of(new double[] {2, 4, 4, 6, 6, 8}, 3, 2), x);
  }

  @Test
  void theThreeOperandFormReadsOperandsThatOverlapTheOutputAsTheyWere() {
    NDArray x = NDArray.arange(5);
    x.slice(0, 1, 5, 1).addInPlace(x.slice(0, 0, 4, 1), NDArray.scalar(10, DType.INT64));   // np.add(x[:-1], 10, out=x[1:])
    assertArrayEquals("np.add(x[:-1], 10, out=x[1:])", NDArray.of(new long[] {0, 10, 11, 12, 13}, 5), x);
    NDArray y = NDArray.arange(5);
    y.addInPlace(y, y.index("::-1"));
    assertArrayEquals("np.add(y, y[::-1], out=y)", NDArray.of(new long[] {4, 4, 4, 4, 4}, 5), y);
  }

  @Test
  void theSameElementsOrSeparateMemoryAreNotCopied() {
    NDArray x = NDArray.arange(6).astype(DType.FLOAT64);
    x.addInPlace(x);
    assertArrayEquals("x += x", NDArray.of(new double[] {0, 2, 4, 6, 8, 10}, 6), x);
    NDArray halves = NDArray.arange(6).astype(DType.FLOAT64);
    halves.slice(0, 3, 6, 1).subInPlace(halves.slice(0, 0, 3, 1));
    assertArrayEquals("x[3:] -= x[:3]", NDArray.of(new double[] {0, 1, 2, 3, 3, 3}, 6), halves);
    assertFalse(Layout.mayOverlap(halves.slice(0, 3, 6, 1), halves.slice(0, 0, 3, 1)));
    assertTrue(Layout.mayOverlap(halves.slice(0, 2, 6, 1), halves.slice(0, 0, 3, 1)));
    assertFalse(Layout.mayOverlap(halves, halves.copy()));
    assertFalse(Layout.mayOverlap(halves.slice(0, 0, 0, 1), halves));
  }
}
