package dev.ruru.array.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ruru.array.blas.Gemm.Transpose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both GEMM implementations against a naive triple loop in double: every transpose combination,
 * odd sizes (1, 7, 33, 130, and some beyond the Java kernel's panel of 128 × 512), offsets, leading
 * dimensions wider than the rows, α and β. The elements of each array outside the matrices hold a
 * sentinel that must survive.
 */
class GemmTest {
  private static final float SENTINEL = 12345f;

  /** (m, n, k): odd sizes, degenerate 1s, and k/n past one panel of the Java kernel. */
  private static final int[][] SIZES = {
      {1, 1, 1}, {7, 33, 1}, {33, 7, 130}, {130, 130, 33}, {1, 130, 7}, {130, 1, 130}, {33, 33, 33}, {7, 1, 7}, {3, 600, 300},
  };

  static Stream<Gemm> gemms() {
    return Stream.of(OpenBlasGemm.load(), new JavaGemm(1), new JavaGemm(2));
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    gemms().forEach(gemm -> {
      for (Transpose transA : Transpose.values()) {
        for (Transpose transB : Transpose.values()) {
          for (int[] size : SIZES) {
            cases.add(Arguments.of(gemm, transA, transB, size[0], size[1], size[2]));
          }
        }
      }
    });
    return cases.stream();
  }

  /** A stored [rows, columns] matrix at an offset with a wider leading dimension, sentinels around it. */
  private record Stored(double[] values, int offset, int ld, int rows, int columns) {
    static Stored random(int rows, int columns, SplittableRandom rng) {
      int offset = 5;
      int ld = columns + 3;
      double[] values = new double[offset + rows * ld + 4];
      Arrays.fill(values, SENTINEL);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          values[offset + r * ld + c] = rng.nextDouble(-1, 1);
        }
      }
      return new Stored(values, offset, ld, rows, columns);
    }

    /** Element (i, j) of op(this). */
    double op(Transpose transpose, int i, int j) {
      return transpose == Transpose.NO ? values[offset + i * ld + j] : values[offset + j * ld + i];
    }

    boolean inside(int index) {
      int relative = index - offset;
      return relative >= 0 && relative / ld < rows && relative % ld < columns;
    }

    float[] floats() {
      float[] out = new float[values.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) values[i];
      }
      return out;
    }
  }

  private static Stored stored(Transpose transpose, int rows, int columns, SplittableRandom rng) {
    return transpose == Transpose.NO ? Stored.random(rows, columns, rng) : Stored.random(columns, rows, rng);
  }

  @ParameterizedTest(name = "{0} {1}{2} m={3} n={4} k={5}")
  @MethodSource("cases")
  void sgemmMatchesNaiveProductForEveryTransposeAndLayout(Gemm gemm, Transpose transA, Transpose transB, int m, int n, int k) {
    SplittableRandom rng = new SplittableRandom(m * 1000L + n * 10L + k);
    Stored a = stored(transA, m, k, rng);
    Stored b = stored(transB, k, n, rng);
    Stored c = Stored.random(m, n, rng);
    float alpha = 0.75f;
    float beta = -1.5f;
    float[] result = c.floats();
    gemm.sgemm(transA, transB, m, n, k, alpha, a.floats(), a.offset, a.ld, b.floats(), b.offset, b.ld, beta, result, c.offset, c.ld);
    double[] actual = new double[result.length];
    for (int i = 0; i < result.length; i++) {
      actual[i] = result[i];
    }
    assertMatches(a, b, c, transA, transB, alpha, beta, actual, 1.2e-7);
  }

  @ParameterizedTest(name = "{0} {1}{2} m={3} n={4} k={5}")
  @MethodSource("cases")
  void dgemmMatchesNaiveProductForEveryTransposeAndLayout(Gemm gemm, Transpose transA, Transpose transB, int m, int n, int k) {
    SplittableRandom rng = new SplittableRandom(m * 1000L + n * 10L + k + 1);
    Stored a = stored(transA, m, k, rng);
    Stored b = stored(transB, k, n, rng);
    Stored c = Stored.random(m, n, rng);
    double[] actual = c.values.clone();
    gemm.dgemm(transA, transB, m, n, k, -0.5, a.values, a.offset, a.ld, b.values, b.offset, b.ld, 2.0, actual, c.offset, c.ld);
    assertMatches(a, b, c, transA, transB, -0.5, 2.0, actual, 2.3e-16);
  }

  /**
   * Every element of C within (k + 2)·ε·(|α|·Σ|a||b| + |β·c|) of the double reference, the classic
   * bound for a sum of k products; every element outside C unchanged.
   */
  private static void assertMatches(Stored a, Stored b, Stored c, Transpose transA, Transpose transB,
                                    double alpha, double beta, double[] actual, double epsilon) {
    int m = c.rows;
    int n = c.columns;
    int k = transA == Transpose.NO ? a.columns : a.rows;
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        double magnitude = 0;
        for (int p = 0; p < k; p++) {
          double product = a.op(transA, i, p) * b.op(transB, p, j);
          sum += product;
          magnitude += Math.abs(product);
        }
        double old = c.values[c.offset + i * c.ld + j];
        double expected = alpha * sum + beta * old;
        double tolerance = (k + 2) * epsilon * (Math.abs(alpha) * magnitude + Math.abs(beta * old)) + 1e-300;
        double got = actual[c.offset + i * c.ld + j];
        if (!(Math.abs(got - expected) <= tolerance)) {
          fail("C[" + i + ", " + j + "]: expected " + expected + ", got " + got + " (tolerance " + tolerance + ")");
        }
      }
    }
    for (int index = 0; index < actual.length; index++) {
      if (!c.inside(index)) {
        assertEquals(SENTINEL, actual[index], "element " + index + " outside C was written");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("gemms")
  void betaZeroIgnoresNaNsInC(Gemm gemm) {
    float[] a = {1, 2, 3, 4};
    float[] b = {5, 6, 7, 8};
    float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
    gemm.sgemm(Transpose.NO, Transpose.NO, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
    assertArrayEquals(new float[] {19, 22, 43, 50}, c);
  }

  @ParameterizedTest
  @MethodSource("gemms")
  void zeroDepthScalesCByBeta(Gemm gemm) {
    double[] c = {1, 2, 3, 4, 5, 6};
    gemm.dgemm(Transpose.NO, Transpose.NO, 2, 3, 0, 1.0, new double[0], 0, 1, new double[0], 0, 3, 3.0, c, 0, 3);
    assertArrayEquals(new double[] {3, 6, 9, 12, 15, 18}, c);
  }

  @ParameterizedTest
  @MethodSource("gemms")
  void emptyOutputTouchesNothing(Gemm gemm) {
    float[] c = {7};
    gemm.sgemm(Transpose.NO, Transpose.NO, 0, 1, 3, 1f, new float[0], 0, 3, new float[3], 0, 1, 0f, c, 0, 1);
    gemm.sgemm(Transpose.NO, Transpose.NO, 1, 0, 3, 1f, new float[3], 0, 3, new float[0], 0, 1, 0f, c, 0, 1);
    assertArrayEquals(new float[] {7}, c);
  }

  @ParameterizedTest
  @MethodSource("gemms")
  void refusesArraysTooShortForTheirMatrices(Gemm gemm) {
    float[] a = new float[6];
    float[] c = new float[4];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> gemm.sgemm(Transpose.NO, Transpose.NO, 2, 2, 3, 1f, a, 0, 3, new float[5], 0, 2, 0f, c, 0, 2));
    assertEquals("sgemm: B [3, 2] with leading dimension 2 from offset 0 needs 6 elements; its array has 5", e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("gemms")
  void refusesLeadingDimensionShorterThanARow(Gemm gemm) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> gemm.dgemm(Transpose.YES, Transpose.NO, 2, 2, 3, 1, new double[6], 0, 1, new double[6], 0, 2, 0, new double[4], 0, 2));
    assertEquals("dgemm: leading dimension of A must be at least max(1, 2) for a stored [3, 2] matrix; got lda 1", e.getMessage());
  }

  @ParameterizedTest
  @MethodSource("gemms")
  void refusesNegativeDimensions(Gemm gemm) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> gemm.sgemm(Transpose.NO, Transpose.NO, -1, 2, 3, 1f, new float[6], 0, 3, new float[6], 0, 2, 0f, new float[4], 0, 2));
    assertEquals("sgemm: dimensions must not be negative; got m -1, n 2, k 3", e.getMessage());
  }

  @Test
  void javaKernelGivesIdenticalBitsOnAnyThreadCount() {
    SplittableRandom rng = new SplittableRandom(7);
    int m = 96;
    int n = 70;
    int k = 150;
    float[] a = new float[m * k];
    float[] b = new float[k * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (float) rng.nextDouble(-1, 1);
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (float) rng.nextDouble(-1, 1);
    }
    float[] one = new float[m * n];
    float[] three = new float[m * n];
    new JavaGemm(1).sgemm(Transpose.NO, Transpose.YES, m, n, k, 1f, a, 0, k, b, 0, k, 0f, one, 0, n);
    new JavaGemm(3).sgemm(Transpose.NO, Transpose.YES, m, n, k, 1f, a, 0, k, b, 0, k, 0f, three, 0, n);
    assertArrayEquals(one, three);
  }

  @Test
  void openBlasThreadCountCanBeSetAndRead() {
    OpenBlasGemm gemm = OpenBlasGemm.load();
    int before = gemm.threads();
    try {
      gemm.setThreads(1);
      assertEquals(1, gemm.threads());
      gemm.setThreads(2);
      assertEquals(2, gemm.threads());
    } finally {
      gemm.setThreads(before);
    }
    assertTrue(gemm.name().startsWith("OpenBLAS 0."), gemm.name());
    assertThrows(IllegalArgumentException.class, () -> gemm.setThreads(0));
  }
}
