package dev.ruru.rl.games;

import java.util.Arrays;

/**
 * A symmetry of a board: cell {@code i} (row-major) moves to {@code cells[i]}, action {@code a} to
 * {@code actions[a]}. Training examples seen through every symmetry teach the network that mirrored
 * positions are worth the same (AlphaGo Zero's augmentation).
 */
public record Symmetry(String name, int[] cells, int[] actions) {
  public Symmetry {
    cells = cells.clone();
    actions = actions.clone();
  }

  @Override public int[] cells() { return cells.clone(); }
  @Override public int[] actions() { return actions.clone(); }

  /** An encoding of {@code planes} planes of {@code cells.length} cells, each plane permuted. */
  public float[] mapEncoding(float[] encoding) {
    int size = cells.length;
    if (encoding.length % size != 0) {
      throw new IllegalArgumentException("Symmetry.mapEncoding: encoding length " + encoding.length + " is not a multiple of the "
          + size + " cells of the board");
    }
    float[] mapped = new float[encoding.length];
    for (int plane = 0; plane < encoding.length / size; plane++) {
      for (int cell = 0; cell < size; cell++) {
        mapped[plane * size + cells[cell]] = encoding[plane * size + cell];
      }
    }
    return mapped;
  }

  /** A policy (or any per-action vector) with entry {@code a} moved to {@code actions[a]}. */
  public float[] mapPolicy(float[] policy) {
    if (policy.length != actions.length) {
      throw new IllegalArgumentException("Symmetry.mapPolicy: expected " + actions.length + " actions, got " + policy.length);
    }
    float[] mapped = new float[policy.length];
    for (int action = 0; action < policy.length; action++) {
      mapped[actions[action]] = policy[action];
    }
    return mapped;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Symmetry that && name.equals(that.name) && Arrays.equals(cells, that.cells) && Arrays.equals(actions, that.actions);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + Arrays.hashCode(cells)) + Arrays.hashCode(actions);
  }

  @Override
  public String toString() {
    return "Symmetry[" + name + "]";
  }
}
