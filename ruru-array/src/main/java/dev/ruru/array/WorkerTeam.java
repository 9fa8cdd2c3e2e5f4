package dev.ruru.array;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The threads that run the parts of a parallel kernel beside the calling thread: {@code size} daemon
 * workers and the caller take parts {@code 0 … parts − 1}, each its own first (the caller part 0,
 * worker w part w), then whichever are still unclaimed.
 *
 * <p>Why not a {@link java.util.concurrent.ForkJoinPool}: its idle workers park, and waking a parked
 * thread took 30–60 µs on the 2-core virtual machines here, longer than many kernels take (W1's
 * product of 37 µs ran in 78 µs as two halves on a pool, in 19.5 µs beside a worker that waits by
 * spinning). So a worker spins for {@link #SPIN_NANOS} after its last part before it parks, as
 * OpenBLAS's own workers do, and a training step, whose kernels follow each other within microseconds,
 * does not wait for wake-ups. Parts are claimed, not assigned: when a worker has lost its core to
 * another thread (the compiler, the collector, a data loader), the caller runs the part itself rather
 * than wait for the scheduler to bring the worker back.
 *
 * <p>One kernel runs on the team at a time. A call that finds it busy (a kernel inside a part, or on
 * another application thread) runs all its parts itself, in order: the results are the same, since
 * parts never depend on which thread runs them.
 */
final class WorkerTeam {
  /**
   * How long an idle worker spins before it parks: 50 µs. W1 at two threads ran as fast as with 200 µs,
   * and a shorter spin hands the core back sooner to the compiler and the collector.
   */
  static final long SPIN_NANOS = 50_000;

  /** One part of a kernel, numbered from 0. */
  @FunctionalInterface
  interface Part {
    void run(int part);
  }

  private final Worker[] workers;
  private final AtomicBoolean busy = new AtomicBoolean();

  /** A team of {@code size} workers (the caller makes one more), started now. */
  WorkerTeam(int size) {
    workers = new Worker[size];
    for (int w = 0; w < size; w++) {
      workers[w] = new Worker("ruru-worker-" + (w + 1), w + 1);
      workers[w].start();
    }
  }

  /** Threads a kernel can use: the workers and the caller. */
  int parallelism() {
    return workers.length + 1;
  }

  /**
   * Runs parts {@code 0 … parts − 1} on this thread and up to {@code parts − 1} workers and returns
   * when all have finished. The first failure of any part is thrown here, after every part has ended.
   */
  void run(int parts, Part body) {
    Check.arg(parts >= 1, "WorkerTeam.run: expected at least 1 part, got %s", parts);
    if (parts == 1 || workers.length == 0 || !busy.compareAndSet(false, true)) {
      for (int p = 0; p < parts; p++) {
        body.run(p);
      }
      return;
    }
    try {
      Job job = new Job(body, parts);
      int helpers = Math.min(parts - 1, workers.length);
      for (int w = 0; w < helpers; w++) {
        workers[w].post(job);
      }
      job.work(0);
      job.awaitFinished();
      for (int w = 0; w < helpers; w++) {
        workers[w].forget(job);
      }
      job.rethrow();
    } finally {
      busy.set(false);
    }
  }

  /** Stops the workers once their current part (if any) is done. */
  void shutdown() {
    for (Worker worker : workers) {
      worker.finish();
    }
  }

  /** The parts of one kernel, each claimed once, by its own member first and else by whoever is free. */
  static final class Job {
    private static final AtomicInteger created = new AtomicInteger();
    /** Tells jobs apart without holding on to them (and so to what their parts captured). */
    private final int id = created.incrementAndGet();
    private final Part body;
    private final int parts;
    private final AtomicIntegerArray claimed;
    private final AtomicInteger unfinished;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Job(Part body, int parts) {
      this.body = body;
      this.parts = parts;
      this.unfinished = new AtomicInteger(parts);
      this.claimed = new AtomicIntegerArray(parts);
    }

    /**
     * Runs part {@code member} first (the caller is member 0, worker w member w), then any part still
     * unclaimed. Kernels that follow each other split their data alike, so each thread meets the part
     * it wrote last in its own cache instead of pulling it from the other core's.
     */
    void work(int member) {
      if (member < parts) {
        run(member);
      }
      for (int p = 0; p < parts; p++) {
        run(p);
      }
    }

    private void run(int p) {
      if (claimed.get(p) != 0 || !claimed.compareAndSet(p, 0, 1)) {
        return;
      }
      try {
        body.run(p);
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
      } finally {
        unfinished.decrementAndGet();
      }
    }

    /** Spins until the parts others claimed are done (they take about as long as this thread's). */
    void awaitFinished() {
      while (unfinished.get() > 0) {
        Thread.onSpinWait();
      }
    }

    void rethrow() {
      switch (failure.get()) {
        case null -> { }
        case RuntimeException e -> throw e;
        case Error e -> throw e;
        case Throwable e -> throw new IllegalStateException("a parallel kernel failed", e);
      }
    }
  }

  /** A thread that joins each job posted to it. */
  private static final class Worker extends Thread {
    private volatile Job posted;
    private volatile boolean parked;
    private volatile boolean finished;

    private final int member;

    Worker(String name, int member) {
      super(name);
      this.member = member;
      setDaemon(true);
    }

    void post(Job job) {
      posted = job;
      if (parked) {
        LockSupport.unpark(this);
      }
    }

    /** Drops the reference to a finished job, so that what its parts captured can be collected. */
    void forget(Job job) {
      if (posted == job) {
        posted = null;
      }
    }

    void finish() {
      finished = true;
      LockSupport.unpark(this);
    }

    @Override
    public void run() {
      int last = 0;
      for (Job job = await(last); job != null; job = await(last)) {
        last = job.id;
        job.work(member);
      }
    }

    /**
     * Spins for SPIN_NANOS, then parks, until a job other than the one numbered {@code last} is posted
     * (returned) or the team is shut down (null).
     */
    private Job await(int last) {
      long spinStart = System.nanoTime();
      for (int spins = 1; ; spins++) {
        Job job = posted;
        if (job != null && job.id != last) {
          return job;
        }
        if (finished) {
          return null;
        }
        if ((spins & 255) == 0 && System.nanoTime() - spinStart > SPIN_NANOS) {
          // parked is set before the last look, and post() sets posted before it looks at parked:
          // one of the two sees the other, so a job posted now is never slept through.
          parked = true;
          job = posted;
          if ((job == null || job.id == last) && !finished) {
            LockSupport.park(this);
          }
          parked = false;
          spinStart = System.nanoTime();
        }
        Thread.onSpinWait();
      }
    }
  }
}
