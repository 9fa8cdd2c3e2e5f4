package dev.ruru.array;

import static dev.ruru.array.ArrayAssert.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * In-place updates as NumPy does them: a source that shares memory with the target is read as it was
 * before any element is written ({@code x[1:] -= x[:-1]}, {@code a += a.T}), and a source of a wider
 * type is combined in that type and rounded once into the target. The expected values are NumPy's.
 * Sources that do not overlap the target are read where they lie, without a copy.
 */
class InPlaceTest {
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

  /**
   * 1 + (2^-24 + 2^-50) is just above the midpoint between 1 and the next float32: rounded once (NumPy) it
   * is 1 + 2^-23; rounding the operand to float32 first gives 1 + 2^-24, a tie, and then 1.
   */
  @Test
  void aWiderSourceIsAddedInItsTypeAndRoundedOnce() {
    double above = 0x1p-24 + 0x1p-50;
    float expected = 1 + 0x1p-23f;
    NDArray target = NDArray.ones(Shape.of(2));
    target.addInPlace(NDArray.of(new double[] {above, above}, 2));
    assertArrayEquals("float32 += float64", NDArray.of(new float[] {expected, expected}, 2), target);
    NDArray into = NDArray.zeros(Shape.of(1));
    into.addInPlace(NDArray.ones(Shape.of(1), DType.FLOAT64), NDArray.of(new double[] {above}, 1));
    assertArrayEquals("np.add(float64, float64, out=float32)", NDArray.of(new float[] {expected}, 1), into);
    NDArray scaled = NDArray.ones(Shape.of(1));
    scaled.addScaledInPlace(NDArray.of(new double[] {above / 2}, 1), 2);
    assertArrayEquals("float32 += 2·float64", NDArray.of(new float[] {expected}, 1), scaled);
  }

  /** NumPy's {@code t += 0.1 * s} with float32 s multiplies in float32 (0.1 is a weak scalar), then adds in float64. */
  @Test
  void aScaledNarrowerSourceIsScaledInItsOwnType() {
    NDArray target = NDArray.zeros(Shape.of(1), DType.FLOAT64);
    target.addScaledInPlace(NDArray.of(new float[] {3}, 1), 0.1);
    assertArrayEquals("float64 += 0.1·float32", NDArray.of(new double[] {(double) (0.1f * 3f)}, 1), target);
    NDArray ints = NDArray.of(new int[] {Integer.MAX_VALUE}, 1);
    ints.addInPlace(NDArray.of(new long[] {1L << 32}, 1));   // computed in int64, wrapped into int32: unchanged
    assertArrayEquals("int32 += int64", NDArray.of(new int[] {Integer.MAX_VALUE}, 1), ints);
  }
}
