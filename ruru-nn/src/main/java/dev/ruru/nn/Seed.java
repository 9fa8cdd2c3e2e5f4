package dev.ruru.nn;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The process-wide random generator that layers built without an explicit {@link RandomGenerator}
 * draw from: their initial weights and, for dropout layers, their masks in training. It is PyTorch's
 * {@code torch.manual_seed}: after {@code Seed.manualSeed(s)} the program draws the same numbers as one
 * that passes {@code new SplittableRandom(s)} to every layer, in the same order.
 *
 * <pre>{@code
 * Seed.manualSeed(7);
 * Linear a = new Linear(784, 128);
 * Seed.manualSeed(7);
 * Linear b = new Linear(784, 128);                          // b's weights equal a's
 * Linear c = new Linear(784, 128, new SplittableRandom(7)); // so do c's
 * }</pre>
 *
 * <p>Until {@link #manualSeed} is called the generator starts from an unpredictable seed, which
 * {@link #initialSeed()} reports so that an unseeded run can be replayed.
 *
 * <p>Every draw holds a lock, so layers may be built and run on several threads without corrupting the
 * generator; but a run is reproducible only if its draws happen in the same order, so build and train on
 * one thread, or give each thread its own explicit generator.
 */
public final class Seed {
  private static final Object LOCK = new Object();
  private static long initialSeed = new SplittableRandom().nextLong();
  private static SplittableRandom source = new SplittableRandom(initialSeed);
  private static final RandomGenerator GLOBAL = new Global();

  private Seed() {}

  /** Restarts the global generator from {@code seed}; what was drawn before is forgotten. */
  public static void manualSeed(long seed) {
    synchronized (LOCK) {
      initialSeed = seed;
      source = new SplittableRandom(seed);
    }
  }

  /** The seed the global generator last started from (PyTorch's {@code torch.initial_seed()}). */
  public static long initialSeed() {
    synchronized (LOCK) {
      return initialSeed;
    }
  }

  /**
   * The global generator. It is one object for the life of the process: a layer that keeps it (dropout)
   * follows later calls to {@link #manualSeed}.
   */
  public static RandomGenerator generator() {
    return GLOBAL;
  }

  /**
   * Forwards each draw to the current {@link SplittableRandom} under the lock. Every method the layers
   * use is forwarded, not left to the interface's defaults, so the numbers equal SplittableRandom's own.
   */
  private static final class Global implements RandomGenerator {
    @Override
    public long nextLong() {
      synchronized (LOCK) {
        return source.nextLong();
      }
    }

    @Override
    public int nextInt() {
      synchronized (LOCK) {
        return source.nextInt();
      }
    }

    @Override
    public int nextInt(int bound) {
      synchronized (LOCK) {
        return source.nextInt(bound);
      }
    }

    @Override
    public int nextInt(int origin, int bound) {
      synchronized (LOCK) {
        return source.nextInt(origin, bound);
      }
    }

    @Override
    public long nextLong(long bound) {
      synchronized (LOCK) {
        return source.nextLong(bound);
      }
    }

    @Override
    public double nextDouble() {
      synchronized (LOCK) {
        return source.nextDouble();
      }
    }

    @Override
    public double nextDouble(double origin, double bound) {
      synchronized (LOCK) {
        return source.nextDouble(origin, bound);
      }
    }

    @Override
    public float nextFloat() {
      synchronized (LOCK) {
        return source.nextFloat();
      }
    }

    @Override
    public boolean nextBoolean() {
      synchronized (LOCK) {
        return source.nextBoolean();
      }
    }

    @Override
    public double nextGaussian() {
      synchronized (LOCK) {
        return source.nextGaussian();
      }
    }

    @Override
    public double nextGaussian(double mean, double stddev) {
      synchronized (LOCK) {
        return source.nextGaussian(mean, stddev);
      }
    }
  }
}
