package dev.ruru.array.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both axpy implementations against {@link Math#fma} element by element, on runs at offsets inside
 * larger arrays whose other elements hold a sentinel that must survive. The pure-Java one must give
 * those bits exactly; OpenBLAS's kernel does on processors with FMA (every x86-64 machine here), and
 * is allowed one unit in the last place elsewhere, where its generic kernel rounds twice.
 */
class AxpyTest {
  private static final float SENTINEL = 12345f;
  /** Odd lengths around the kernels' vector widths (8, 16) and a row of W1 (784). */
  private static final int[] LENGTHS = {0, 1, 7, 16, 33, 784};

  static Stream<Axpy> axpys() {
    return Stream.of(OpenBlasGemm.load(), new JavaGemm(1));
  }

  @ParameterizedTest
  @MethodSource("axpys")
  void saxpyIsOneFusedMultiplyAddPerElementWithinItsRun(Axpy axpy) {
    SplittableRandom rng = new SplittableRandom(7);
    for (int n : LENGTHS) {
      float[] x = new float[n + 9];
      float[] y = new float[n + 5];
      Arrays.fill(x, SENTINEL);
      Arrays.fill(y, SENTINEL);
      for (int i = 0; i < n; i++) {
        x[3 + i] = (float) rng.nextDouble(-2, 2);
        y[2 + i] = (float) rng.nextDouble(-2, 2);
      }
      float alpha = -0.3f;
      float[] expected = y.clone();
      for (int i = 0; i < n; i++) {
        expected[2 + i] = Math.fma(alpha, x[3 + i], y[2 + i]);
      }
      float[] xBefore = x.clone();
      axpy.saxpy(n, alpha, x, 3, y, 2);
      assertArrayEquals(xBefore, x, "x is only read");
      for (int i = 0; i < y.length; i++) {
        boolean inRun = i >= 2 && i < 2 + n;
        float tolerance = axpy instanceof JavaGemm || !inRun ? 0 : Math.ulp(expected[i]);
        assertEquals(expected[i], y[i], tolerance, axpy + ", n " + n + ", element " + i);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("axpys")
  void daxpyIsOneFusedMultiplyAddPerElementWithinItsRun(Axpy axpy) {
    SplittableRandom rng = new SplittableRandom(8);
    for (int n : LENGTHS) {
      double[] x = new double[n + 4];
      double[] y = new double[n + 6];
      Arrays.fill(x, SENTINEL);
      Arrays.fill(y, SENTINEL);
      for (int i = 0; i < n; i++) {
        x[1 + i] = rng.nextDouble(-2, 2);
        y[5 + i] = rng.nextDouble(-2, 2);
      }
      double alpha = 0.7;
      double[] expected = y.clone();
      for (int i = 0; i < n; i++) {
        expected[5 + i] = Math.fma(alpha, x[1 + i], y[5 + i]);
      }
      axpy.daxpy(n, alpha, x, 1, y, 5);
      for (int i = 0; i < y.length; i++) {
        boolean inRun = i >= 5 && i < 5 + n;
        double tolerance = axpy instanceof JavaGemm || !inRun ? 0 : Math.ulp(expected[i]);
        assertEquals(expected[i], y[i], tolerance, axpy + ", n " + n + ", element " + i);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("axpys")
  void runsOutsideTheirArraysAreRefusedBeforeAnythingIsWritten(Axpy axpy) {
    float[] x = new float[10];
    float[] y = new float[8];
    Arrays.fill(y, SENTINEL);
    assertEquals("saxpy: y[5, 9) is outside its array of length 8",
        assertThrows(IllegalArgumentException.class, () -> axpy.saxpy(4, 1f, x, 0, y, 5)).getMessage());
    assertEquals("saxpy: x[-1, 3) is outside its array of length 10",
        assertThrows(IllegalArgumentException.class, () -> axpy.saxpy(4, 1f, x, -1, y, 0)).getMessage());
    assertEquals("saxpy: n must not be negative; got -1",
        assertThrows(IllegalArgumentException.class, () -> axpy.saxpy(-1, 1f, x, 0, y, 0)).getMessage());
    assertEquals("daxpy: x[8, 11) is outside its array of length 10",
        assertThrows(IllegalArgumentException.class, () -> axpy.daxpy(3, 1, new double[10], 8, new double[3], 0)).getMessage());
    assertTrue(allSentinel(y), "nothing was written");
  }

  private static boolean allSentinel(float[] values) {
    for (float v : values) {
      if (v != SENTINEL) {
        return false;
      }
    }
    return true;
  }
}
