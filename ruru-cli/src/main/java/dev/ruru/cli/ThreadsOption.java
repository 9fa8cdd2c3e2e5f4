package dev.ruru.cli;

import dev.ruru.array.Parallel;
import picocli.CommandLine.Option;

/**
 * {@code --threads T}, the one option every training command shares for the cores that the array kernels
 * and OpenBLAS use; left out, they use all cores (or {@code -Druru.threads}).
 */
final class ThreadsOption {
  @Option(names = "--threads", paramLabel = "T", description = "Threads for array kernels and BLAS (default: all cores).")
  private Integer threads;

  /** Sets the thread count if --threads was given; refuses a count below 1. */
  void apply() {
    if (threads == null) {
      return;
    }
    if (threads < 1) {
      throw new IllegalArgumentException("Invalid --threads: " + threads + " (must be >= 1)");
    }
    Parallel.setThreads(threads);
  }
}
