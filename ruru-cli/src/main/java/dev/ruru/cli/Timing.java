package dev.ruru.cli;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * How a benchmark is timed, the same way as the NumPy reference scripts in {@code shared/anchors}
 * ({@code sgemm.py}, {@code elementwise.py}) so that the figures compare as ratios: a few warm-up
 * calls, then {@code samples} timed samples of {@code callsPerSample} back-to-back calls each; the
 * result is the median time per call.
 *
 * <p>One difference, on purpose: besides the scripts' warm-up calls, warm-up goes on until
 * {@link #MIN_WARMUP_NANOS} has passed, because Java compiles its kernels while they run and NumPy's
 * are compiled already. Warm-up time is never measured.
 *
 * @param warmups calls before timing starts (at least)
 * @param callsPerSample back-to-back calls per timed sample (many for small, fast calls)
 * @param samples timed samples; their median is reported
 */
record Timing(int warmups, int callsPerSample, int samples) {
  /**
   * Enough for the JIT to compile the kernels at their top tier, and for OpenBLAS's threads to be up:
   * with 0.3 s the first GEMM size measured 61 GFLOPS and the same size measured again later 78.
   */
  static final long MIN_WARMUP_NANOS = 1_000_000_000L;

  /** Results of the timed calls land here, so the JIT cannot drop a call whose result is unused. */
  private static volatile Object sink;

  Timing {
    if (warmups < 0 || callsPerSample < 1 || samples < 1) {
      throw new IllegalArgumentException("bench: invalid timing; warmups " + warmups
          + ", calls per sample " + callsPerSample + ", samples " + samples);
    }
  }

  /** The same timing with {@code count} samples. */
  Timing withSamples(int count) {
    return new Timing(warmups, callsPerSample, count);
  }

  /** The median over the samples of the seconds one call of {@code call} takes. */
  double medianSeconds(Supplier<?> call) {
    long warmupStart = System.nanoTime();
    for (int i = 0; i < warmups || System.nanoTime() - warmupStart < MIN_WARMUP_NANOS; i++) {
      sink = call.get();
    }
    double[] seconds = new double[samples];
    for (int s = 0; s < samples; s++) {
      long start = System.nanoTime();
      for (int c = 0; c < callsPerSample; c++) {
        sink = call.get();
      }
      seconds[s] = (System.nanoTime() - start) / 1e9 / callsPerSample;
    }
    return median(seconds);
  }

  /** The middle value; the mean of the two middle values for an even count, as Python's statistics.median. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
