package dev.ruru.train;

import java.util.random.RandomGenerator;

/**
 * A random generator whose whole state is one {@code long} that can be read and set: what a checkpoint
 * needs so that dropout masks (or anything else drawn during training) continue after a resume exactly as
 * they would have without the interruption. The algorithm is SplitMix64 (Steele, Lea and Flood, OOPSLA
 * 2014), the generator {@link java.util.SplittableRandom} is built on: each draw adds a fixed odd constant
 * to the state and mixes the result.
 *
 * <pre>{@code
 * ResumableRandom rng = new ResumableRandom(42);
 * Layer model = spec.build(rng);              // initial weights and dropout masks come from rng
 * long saved = rng.state();                    // ... written into a checkpoint
 * rng.setState(saved);                         // ... restored on resume
 * }</pre>
 *
 * Not thread-safe: one training loop draws from it.
 */
public final class ResumableRandom implements RandomGenerator {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  /** A generator whose first state is derived from {@code seed}. */
  public ResumableRandom(long seed) {
    this.state = mix(seed);
  }

  /** The whole state: {@code setState(state())} changes nothing. */
  public long state() {
    return state;
  }

  /** Continues from a state returned by {@link #state()}. */
  public void setState(long newState) {
    state = newState;
  }

  @Override
  public long nextLong() {
    state += GOLDEN_GAMMA;
    return mix(state);
  }

  /** SplitMix64's output function, a bijection on 64-bit values. */
  private static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
