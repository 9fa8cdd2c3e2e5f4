package dev.ruru.rl.env;

import java.util.random.RandomGenerator;

/**
 * The integers {@code start, start + 1, ..., start + n - 1}, Gymnasium's {@code Discrete(n, start)}:
 * CartPole's two pushes, FrozenLake's 16 cells.
 *
 * @param n how many values, at least 1
 * @param start the smallest value
 */
public record Discrete(int n, int start) implements Space {
  public Discrete {
    if (n < 1) {
      throw new IllegalArgumentException("Discrete: invalid n " + n + " (must be >= 1)");
    }
  }

  /** {@code Discrete(n)}: the values 0 to n - 1. */
  public Discrete(int n) {
    this(n, 0);
  }

  @Override public int size() { return 1; }

  /** Whether {@code value} is one of the space's values. */
  public boolean contains(long value) {
    return value >= start && value < (long) start + n;
  }

  /** A value drawn uniformly. */
  public int sample(RandomGenerator random) {
    return start + random.nextInt(n);
  }

  /**
   * Throws unless {@code action} is in the space, naming {@code environment}: a policy with the wrong
   * number of outputs is the usual cause.
   */
  public void checkAction(String environment, long action) {
    if (!contains(action)) {
      throw new IllegalArgumentException(environment + ".step: action " + action + " is outside the action space " + this
          + "; expected an integer in [" + start + ", " + (start + n - 1) + "]");
    }
  }

  @Override
  public String toString() {
    return start == 0 ? "Discrete(" + n + ")" : "Discrete(" + n + ", start=" + start + ")";
  }
}
