package dev.ruru.array.blas;

import dev.ruru.array.Parallel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * {@link Gemm} (and {@link Axpy}) in plain Java: the fallback where OpenBLAS cannot load, and a readable
 * account of how a fast GEMM is organised.
 *
 * <p>The loops follow the classic blocked scheme (Goto's, as in BLIS). op(B) is copied block by block
 * into a <em>panel</em> of 128 rows × 512 columns that stays in the L2 cache, whatever B's layout or
 * transpose; then for every row i of C, {@code C[i, j] += Σ_p α·op(A)[i, p] · panel[p, j]}, taking
 * four values of p per pass over the row, so each load and store of C serves four multiply-adds. The
 * row is accumulated in a small private array (in L1) and written back once per panel. The inner loop
 * over j is simple enough for the JIT to compile to SIMD instructions: about 15–30 GFLOPS per core
 * where OpenBLAS reaches 70–100. Rows of C are split into contiguous ranges, one per thread; each row
 * is computed by one thread in a fixed order, so the result does not depend on the thread count.
 */
public final class JavaGemm implements Gemm, Axpy {
  /** Rows of op(B) per panel. */
  private static final int DEPTH = 128;
  /** Columns of op(B) per panel: 128 × 512 floats are 256 KiB, within L2. */
  private static final int WIDTH = 512;
  /** Below this many multiply-adds (m·n·k) a call stays on one thread: forking costs more than it saves. */
  private static final long MIN_PARALLEL_WORK = 1L << 18;

  private volatile int threads;

  /** A kernel using {@link Parallel#threads()} threads. */
  public JavaGemm() {
    this(Parallel.threads());
  }

  /** A kernel using {@code threads} threads (at least 1). */
  public JavaGemm(int threads) {
    setThreads(threads);
  }

  @Override
  public void setThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("JavaGemm.setThreads: expected a positive thread count, got " + threads);
    }
    this.threads = threads;
  }

  @Override
  public int threads() {
    return threads;
  }

  @Override
  public String name() {
    return "pure Java (blocked)";
  }

  @Override
  public String toString() {
    return name();
  }

  @Override
  public void sgemm(Transpose transA, Transpose transB, int m, int n, int k,
                    float alpha, float[] a, int aOffset, int lda,
                    float[] b, int bOffset, int ldb,
                    float beta, float[] c, int cOffset, int ldc) {
    GemmArguments.check("sgemm", transA, transB, m, n, k, a.length, aOffset, lda, b.length, bOffset, ldb, c.length, cOffset, ldc);
    if (m == 0 || n == 0) {
      return;
    }
    FloatKernels.scale(m, n, beta, c, cOffset, ldc);
    if (k == 0 || alpha == 0) {
      return;
    }
    // Element (i, p) of op(A) lies at aOffset + i·aRowStep + p·aDepthStep.
    int aRowStep = transA == Transpose.NO ? lda : 1;
    int aDepthStep = transA == Transpose.NO ? 1 : lda;
    forEachRowRange(m, (long) m * n * k, (from, to) -> FloatKernels.rows(from, to, n, k, alpha,
        a, aOffset, aRowStep, aDepthStep, transB, b, bOffset, ldb, c, cOffset, ldc));
  }

  @Override
  public void dgemm(Transpose transA, Transpose transB, int m, int n, int k,
                    double alpha, double[] a, int aOffset, int lda,
                    double[] b, int bOffset, int ldb,
                    double beta, double[] c, int cOffset, int ldc) {
    GemmArguments.check("dgemm", transA, transB, m, n, k, a.length, aOffset, lda, b.length, bOffset, ldb, c.length, cOffset, ldc);
    if (m == 0 || n == 0) {
      return;
    }
    DoubleKernels.scale(m, n, beta, c, cOffset, ldc);
    if (k == 0 || alpha == 0) {
      return;
    }
    int aRowStep = transA == Transpose.NO ? lda : 1;
    int aDepthStep = transA == Transpose.NO ? 1 : lda;
    forEachRowRange(m, (long) m * n * k, (from, to) -> DoubleKernels.rows(from, to, n, k, alpha,
        a, aOffset, aRowStep, aDepthStep, transB, b, bOffset, ldb, c, cOffset, ldc));
  }

  /** Scalar where the runs share an array (HotSpot cannot prove them apart), but the same bits as BLAS's FMA kernels. */
  @Override
  public void saxpy(int n, float alpha, float[] x, int xOffset, float[] y, int yOffset) {
    Axpy.check("saxpy", n, x.length, xOffset, y.length, yOffset);
    for (int i = 0; i < n; i++) {
      y[yOffset + i] = Math.fma(alpha, x[xOffset + i], y[yOffset + i]);
    }
  }

  @Override
  public void daxpy(int n, double alpha, double[] x, int xOffset, double[] y, int yOffset) {
    Axpy.check("daxpy", n, x.length, xOffset, y.length, yOffset);
    for (int i = 0; i < n; i++) {
      y[yOffset + i] = Math.fma(alpha, x[xOffset + i], y[yOffset + i]);
    }
  }

  /** Work on the rows {@code [from, to)} of C. */
  @FunctionalInterface
  private interface RowRange {
    void run(int from, int to);
  }

  /** Runs {@code body} over {@code [0, rows)}, split into one contiguous range per thread when the work is large. */
  private void forEachRowRange(int rows, long work, RowRange body) {
    int workers = Math.min(threads, rows);
    if (workers <= 1 || work < MIN_PARALLEL_WORK) {
      body.run(0, rows);
      return;
    }
    List<ForkJoinTask<?>> tasks = new ArrayList<>(workers - 1);
    for (int w = 1; w < workers; w++) {
      int from = (int) ((long) rows * w / workers);
      int to = (int) ((long) rows * (w + 1) / workers);
      tasks.add(ForkJoinPool.commonPool().submit(() -> body.run(from, to)));
    }
    body.run(0, rows / workers);
    for (ForkJoinTask<?> task : tasks) {
      task.join();
    }
  }

  /** The float32 loops. {@code DoubleKernels} is the same code for float64. */
  private static final class FloatKernels {
    private FloatKernels() {}

    /** C ← β·C over the [m, n] block; β = 0 writes zeros without reading C, as BLAS does. */
    static void scale(int m, int n, float beta, float[] c, int cOffset, int ldc) {
      for (int i = 0; i < m; i++) {
        int row = cOffset + i * ldc;
        if (beta == 0) {
          Arrays.fill(c, row, row + n, 0f);
        } else if (beta != 1) {
          for (int j = 0; j < n; j++) {
            c[row + j] *= beta;
          }
        }
      }
    }

    /**
     * C[i, :] += α·op(A)[i, :]·op(B) for rows i in [from, to), panel by panel. Each row of C is
     * accumulated in {@code row}, a private array indexed from 0 like the panel's rows: with no
     * offsets in the inner loop the JIT can prove the store cannot overlap the loads and vectorises
     * it (with offsets into arrays of one type it does not, and runs 5–10× slower).
     */
    static void rows(int from, int to, int n, int k, float alpha,
                     float[] a, int aOffset, int aRowStep, int aDepthStep,
                     Transpose transB, float[] b, int bOffset, int ldb, float[] c, int cOffset, int ldc) {
      float[][] panel = new float[Math.min(DEPTH, k)][Math.min(WIDTH, n)];
      float[] row = new float[Math.min(WIDTH, n)];
      for (int j0 = 0; j0 < n; j0 += WIDTH) {
        int width = Math.min(WIDTH, n - j0);
        for (int p0 = 0; p0 < k; p0 += DEPTH) {
          int depth = Math.min(DEPTH, k - p0);
          pack(transB, b, bOffset, ldb, p0, depth, j0, width, panel);
          for (int i = from; i < to; i++) {
            int cStart = cOffset + i * ldc + j0;
            System.arraycopy(c, cStart, row, 0, width);
            accumulateRow(alpha, a, aOffset + i * aRowStep + p0 * aDepthStep, aDepthStep, panel, depth, width, row);
            System.arraycopy(row, 0, c, cStart, width);
          }
        }
      }
    }

    /** panel[p][j] = op(B)[p0 + p, j0 + j] for p < depth, j < width. */
    static void pack(Transpose transB, float[] b, int bOffset, int ldb, int p0, int depth, int j0, int width, float[][] panel) {
      if (transB == Transpose.NO) {
        for (int p = 0; p < depth; p++) {
          System.arraycopy(b, bOffset + (p0 + p) * ldb + j0, panel[p], 0, width);
        }
      } else {
        // op(B)[p, j] = B[j, p]: read B's rows (contiguous in p) and scatter them down the panel's columns.
        for (int j = 0; j < width; j++) {
          int source = bOffset + (j0 + j) * ldb + p0;
          for (int p = 0; p < depth; p++) {
            panel[p][j] = b[source + p];
          }
        }
      }
    }

    /** row[j] += Σ_p α·a[aStart + p·aStep]·panel[p][j] for j < width: four panel rows per pass over the row. */
    static void accumulateRow(float alpha, float[] a, int aStart, int aStep, float[][] panel, int depth, int width, float[] row) {
      int p = 0;
      for (; p + 4 <= depth; p += 4) {
        int ap = aStart + p * aStep;
        float a0 = alpha * a[ap];
        float a1 = alpha * a[ap + aStep];
        float a2 = alpha * a[ap + 2 * aStep];
        float a3 = alpha * a[ap + 3 * aStep];
        float[] b0 = panel[p];
        float[] b1 = panel[p + 1];
        float[] b2 = panel[p + 2];
        float[] b3 = panel[p + 3];
        for (int j = 0; j < width; j++) {
          row[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
      }
      for (; p < depth; p++) {
        float ap = alpha * a[aStart + p * aStep];
        float[] b0 = panel[p];
        for (int j = 0; j < width; j++) {
          row[j] += ap * b0[j];
        }
      }
    }
  }

  /** The float64 loops: {@code FloatKernels} with doubles. */
  private static final class DoubleKernels {
    private DoubleKernels() {}

    /** C ← β·C over the [m, n] block; β = 0 writes zeros without reading C, as BLAS does. */
    static void scale(int m, int n, double beta, double[] c, int cOffset, int ldc) {
      for (int i = 0; i < m; i++) {
        int row = cOffset + i * ldc;
        if (beta == 0) {
          Arrays.fill(c, row, row + n, 0.0);
        } else if (beta != 1) {
          for (int j = 0; j < n; j++) {
            c[row + j] *= beta;
          }
        }
      }
    }

    /**
     * C[i, :] += α·op(A)[i, :]·op(B) for rows i in [from, to), panel by panel. Each row of C is
     * accumulated in {@code row}, a private array indexed from 0 like the panel's rows: with no
     * offsets in the inner loop the JIT can prove the store cannot overlap the loads and vectorises
     * it (with offsets into arrays of one type it does not, and runs 5–10× slower).
     */
    static void rows(int from, int to, int n, int k, double alpha,
                     double[] a, int aOffset, int aRowStep, int aDepthStep,
                     Transpose transB, double[] b, int bOffset, int ldb, double[] c, int cOffset, int ldc) {
      double[][] panel = new double[Math.min(DEPTH, k)][Math.min(WIDTH, n)];
      double[] row = new double[Math.min(WIDTH, n)];
      for (int j0 = 0; j0 < n; j0 += WIDTH) {
        int width = Math.min(WIDTH, n - j0);
        for (int p0 = 0; p0 < k; p0 += DEPTH) {
          int depth = Math.min(DEPTH, k - p0);
          pack(transB, b, bOffset, ldb, p0, depth, j0, width, panel);
          for (int i = from; i < to; i++) {
            int cStart = cOffset + i * ldc + j0;
            System.arraycopy(c, cStart, row, 0, width);
            accumulateRow(alpha, a, aOffset + i * aRowStep + p0 * aDepthStep, aDepthStep, panel, depth, width, row);
            System.arraycopy(row, 0, c, cStart, width);
          }
        }
      }
    }

    /** panel[p][j] = op(B)[p0 + p, j0 + j] for p < depth, j < width. */
    static void pack(Transpose transB, double[] b, int bOffset, int ldb, int p0, int depth, int j0, int width, double[][] panel) {
      if (transB == Transpose.NO) {
        for (int p = 0; p < depth; p++) {
          System.arraycopy(b, bOffset + (p0 + p) * ldb + j0, panel[p], 0, width);
        }
      } else {
        // op(B)[p, j] = B[j, p]: read B's rows (contiguous in p) and scatter them down the panel's columns.
        for (int j = 0; j < width; j++) {
          int source = bOffset + (j0 + j) * ldb + p0;
          for (int p = 0; p < depth; p++) {
            panel[p][j] = b[source + p];
          }
        }
      }
    }

    /** row[j] += Σ_p α·a[aStart + p·aStep]·panel[p][j] for j < width: four panel rows per pass over the row. */
    static void accumulateRow(double alpha, double[] a, int aStart, int aStep, double[][] panel, int depth, int width, double[] row) {
      int p = 0;
      for (; p + 4 <= depth; p += 4) {
        int ap = aStart + p * aStep;
        double a0 = alpha * a[ap];
        double a1 = alpha * a[ap + aStep];
        double a2 = alpha * a[ap + 2 * aStep];
        double a3 = alpha * a[ap + 3 * aStep];
        double[] b0 = panel[p];
        double[] b1 = panel[p + 1];
        double[] b2 = panel[p + 2];
        double[] b3 = panel[p + 3];
        for (int j = 0; j < width; j++) {
          row[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j] + a3 * b3[j];
        }
      }
      for (; p < depth; p++) {
        double ap = alpha * a[aStart + p * aStep];
        double[] b0 = panel[p];
        for (int j = 0; j < width; j++) {
          row[j] += ap * b0[j];
        }
      }
    }
  }
}
