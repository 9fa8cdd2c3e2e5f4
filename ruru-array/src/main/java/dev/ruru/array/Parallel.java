package dev.ruru.array;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many cores the array kernels use. Large elementwise and reduction kernels split their work into
 * fixed-size chunks, independent of the thread count, so results are bit-identical whatever the count.
 * The count comes from the system property {@code ruru.threads}, else the number of cores, and can be
 * changed with {@link #setThreads(int)} (which also sets OpenBLAS's).
 */
public final class Parallel {
  /** Below this many elements a kernel runs on the calling thread: forking costs more than it saves. */
  static final int MIN_PARALLEL_ELEMENTS = 1 << 17;

  private static volatile int threads = initialThreads();
  private static volatile WorkerTeam team;
  /** Whether a {@link #forEachRun} is in progress. */
  private static final AtomicBoolean running = new AtomicBoolean();

  private Parallel() {}

  private static int initialThreads() {
    String property = System.getProperty("ruru.threads");
    if (property == null || property.isBlank()) {
      return Runtime.getRuntime().availableProcessors();
    }
    try {
      int value = Integer.parseInt(property.trim());
      if (value >= 1) {
        return value;
      }
    } catch (NumberFormatException e) {
      // fall through to the error below
    }
    throw new IllegalArgumentException("ruru.threads: expected a positive integer, got '" + property + "'");
  }

  /** The number of threads kernels use. */
  public static int threads() {
    return threads;
  }

  /** Sets the number of threads for array kernels and for OpenBLAS. */
  public static synchronized void setThreads(int count) {
    Check.arg(count >= 1, "Parallel.setThreads: expected a positive thread count, got %s", count);
    threads = count;
    WorkerTeam old = team;
    team = null;
    if (old != null) {
      old.shutdown();
    }
    MatMul.setBlasThreads(count);
  }

  /** A body that handles the chunks {@code [from, to)} of some range. */
  @FunctionalInterface
  interface RangeBody {
    void run(int from, int to);
  }

  /**
   * Runs {@code body} over {@code [0, count)} split into chunks of {@code chunk}, in parallel when there
   * is more than one chunk and more than one thread. Chunks do not depend on the thread count.
   */
  static void forEachChunk(int count, int chunk, RangeBody body) {
    int chunks = (count + chunk - 1) / chunk;
    if (chunks <= 1 || threads <= 1) {
      body.run(0, count);
      return;
    }
    WorkerTeam current = team();
    int workers = Math.min(current.parallelism(), chunks);
    // Each worker takes a contiguous run of whole chunks, so per-chunk results stay the same.
    current.run(workers, w -> {
      int firstChunk = (int) ((long) chunks * w / workers);
      int lastChunk = (int) ((long) chunks * (w + 1) / workers);
      body.run(firstChunk * chunk, Math.min(count, lastChunk * chunk));
    });
  }

  /** A body over the elements {@code [from, to)} of a range. */
  @FunctionalInterface
  public interface Range {
    void run(int from, int to);
  }

  /**
   * For kernels outside this package that are parallel over a batch (convolution over samples): runs
   * {@code body} over {@code [0, count)} on up to {@link #threads()} threads, each taking a run of whole
   * chunks of {@code chunk}. Chunk boundaries do not depend on the thread count. While the runs go on,
   * BLAS uses one thread per call, so that each thread's products do not compete with the others'
   * (and with OpenBLAS's own workers) for the same cores; that holds for a single chunk too, which is
   * how {@link MatMul} keeps OpenBLAS's workers out of products it does not split.
   */
  public static void forEachRun(int count, int chunk, Range body) {
    Check.arg(chunk >= 1, "Parallel.forEachRun: expected a positive chunk, got %s", chunk);
    int blasThreads = threads;
    // One run at a time: BLAS's thread count is one setting for the whole process, so a run inside
    // another (or beside it, from another thread) goes sequentially instead of resetting it early.
    if (blasThreads <= 1 || count == 0 || !running.compareAndSet(false, true)) {
      body.run(0, count);
      return;
    }
    MatMul.setBlasThreads(1);
    try {
      forEachChunk(count, chunk, body::run);
    } finally {
      MatMul.setBlasThreads(blasThreads);
      running.set(false);
    }
  }

  private static WorkerTeam team() {
    WorkerTeam current = team;
    if (current == null) {
      synchronized (Parallel.class) {
        if (team == null) {
          team = new WorkerTeam(threads - 1);
        }
        current = team;
      }
    }
    return current;
  }
}
