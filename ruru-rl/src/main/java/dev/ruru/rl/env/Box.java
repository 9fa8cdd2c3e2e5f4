package dev.ruru.rl.env;

import java.util.Arrays;

/**
 * A vector of reals, each between its bounds (which may be infinite), Gymnasium's one-dimensional
 * {@code Box(low, high)}: CartPole's position, velocity, angle and angular velocity.
 *
 * @param low the lower bound of each element
 * @param high the upper bound of each element, {@code >= low}
 */
public record Box(double[] low, double[] high) implements Space {
  public Box {
    if (low.length != high.length || low.length == 0) {
      throw new IllegalArgumentException("Box: low and high must be non-empty and of one length; got " + low.length + " and " + high.length);
    }
    for (int i = 0; i < low.length; i++) {
      if (!(low[i] <= high[i])) {
        throw new IllegalArgumentException("Box: low[" + i + "] = " + low[i] + " is not <= high[" + i + "] = " + high[i]);
      }
    }
    low = low.clone();
    high = high.clone();
  }

  @Override public double[] low() { return low.clone(); }
  @Override public double[] high() { return high.clone(); }
  @Override public int size() { return low.length; }

  /** Whether {@code x} has the box's size and every element lies within its bounds. */
  public boolean contains(double[] x) {
    if (x.length != low.length) {
      return false;
    }
    for (int i = 0; i < x.length; i++) {
      if (!(x[i] >= low[i] && x[i] <= high[i])) {
        return false;
      }
    }
    return true;
  }

  @Override public boolean equals(Object other) {
    return other instanceof Box box && Arrays.equals(low, box.low) && Arrays.equals(high, box.high);
  }

  @Override public int hashCode() { return 31 * Arrays.hashCode(low) + Arrays.hashCode(high); }

  @Override public String toString() { return "Box(" + Arrays.toString(low) + ", " + Arrays.toString(high) + ")"; }
}
