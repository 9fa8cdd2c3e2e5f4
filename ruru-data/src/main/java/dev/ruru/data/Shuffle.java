package dev.ruru.data;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeded shuffling. {@link #generator(long, long)} derives an independent generator from a seed and a
 * stream number (the epoch, for a {@link DataLoader}); {@link #permutation(int, RandomGenerator)} is the
 * Fisher–Yates shuffle of {@code 0..n-1}. Both are fully determined by their arguments: the same seed
 * gives the same order on every run, JVM and machine (SplitMix64 is a fixed, specified algorithm).
 */
public final class Shuffle {
  private Shuffle() {}

  /**
   * A generator determined by {@code (seed, stream)}. The pair is mixed through SplitMix64's finaliser, so
   * neighbouring seeds or streams give unrelated sequences.
   */
  public static RandomGenerator generator(long seed, long stream) {
    return new SplittableRandom(mix(mix(seed) + stream));
  }

  /** A uniformly random permutation of {@code 0..n-1}: Fisher–Yates, drawing {@code n - 1} integers. */
  public static int[] permutation(int n, RandomGenerator rng) {
    if (n < 0) {
      throw new IllegalArgumentException("permutation: n must be >= 0, got " + n);
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    shuffleInPlace(order, rng);
    return order;
  }

  /** Fisher–Yates in place: for i from the end, swap element i with a uniform pick from 0..i. */
  public static void shuffleInPlace(int[] values, RandomGenerator rng) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int swap = values[i];
      values[i] = values[j];
      values[j] = swap;
    }
  }

  /** SplitMix64's output function (Steele, Lea and Flood, OOPSLA 2014): a bijection on 64-bit values. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
