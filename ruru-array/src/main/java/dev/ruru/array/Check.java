package dev.ruru.array;

import java.util.Arrays;

/** Argument checks at the public boundary, with messages in the form {@code op: what; values}. */
final class Check {
  private Check() {}

  /** Normalises a possibly negative axis, or names the operation, the axis and the rank. */
  static int axis(String op, int axis, int rank) {
    int normalised = axis < 0 ? axis + rank : axis;
    if (normalised < 0 || normalised >= rank) {
      throw new IndexOutOfBoundsException(op + ": axis " + axis + " is out of bounds for an array of rank " + rank);
    }
    return normalised;
  }

  /** Normalises a list of axes and refuses repeats. */
  static boolean[] axes(String op, int[] axes, int rank) {
    boolean[] picked = new boolean[rank];
    for (int axis : axes) {
      int a = axis(op, axis, rank);
      if (picked[a]) {
        throw new IllegalArgumentException(op + ": axis " + axis + " repeated in " + Arrays.toString(axes));
      }
      picked[a] = true;
    }
    return picked;
  }

  /** Normalises an index along an axis of the given size. */
  static int index(String op, int index, int axis, int size) {
    int normalised = index < 0 ? index + size : index;
    if (normalised < 0 || normalised >= size) {
      throw new IndexOutOfBoundsException(op + ": index " + index + " is out of bounds for axis " + axis + " with size " + size);
    }
    return normalised;
  }

  /** Arrays live in one Java array, so the element count must fit an int. */
  static void size(int[] dims) {
    long size = 1;
    for (int d : dims) {
      size *= d;
      if (size > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " has more than 2^31 - 9 elements, the most one array can hold");
      }
    }
  }

  static void arg(boolean condition, String format, Object... values) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, values));
    }
  }
}
