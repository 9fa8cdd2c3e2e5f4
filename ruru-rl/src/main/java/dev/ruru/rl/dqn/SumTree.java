package dev.ruru.rl.dqn;

/**
 * A binary tree over {@code capacity} non-negative priorities in which every inner node holds the sum of
 * its two children, so that changing one priority and finding the slot where a running sum crosses a
 * given mass both take O(log n): what proportional prioritised replay (Schaul et al. 2016) samples with.
 * The leaves sit in order at the bottom of a complete tree of {@code 2^k ≥ capacity} leaves (the extra
 * ones stay 0), so a walk from the root visits them left to right.
 *
 * <pre>{@code
 * SumTree tree = new SumTree(4);
 * tree.set(0, 1); tree.set(1, 3);       // total 4
 * tree.find(0.5);                        // 0: the mass [0, 1) belongs to slot 0
 * tree.find(2.0);                        // 1: the mass [1, 4) to slot 1
 * }</pre>
 */
public final class SumTree {
  private final int capacity;
  private final int leaves;
  private final double[] nodes;

  /** A tree of {@code capacity} slots, all of priority 0. */
  public SumTree(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("SumTree: invalid capacity " + capacity + " (must be >= 1)");
    }
    this.capacity = capacity;
    this.leaves = Integer.highestOneBit(capacity) == capacity ? capacity : Integer.highestOneBit(capacity) << 1;
    this.nodes = new double[2 * leaves];
  }

  public int capacity() { return capacity; }

  /** The sum of all priorities. */
  public double total() {
    return nodes[1];
  }

  /** The priority of {@code slot}. */
  public double get(int slot) {
    checkSlot("get", slot);
    return nodes[leaves + slot];
  }

  /** Sets the priority of {@code slot} and updates the sums on its path to the root. */
  public void set(int slot, double priority) {
    checkSlot("set", slot);
    if (!(priority >= 0) || Double.isInfinite(priority)) {
      throw new IllegalArgumentException("SumTree.set: invalid priority " + priority + " for slot " + slot + " (must be finite and >= 0)");
    }
    int node = leaves + slot;
    nodes[node] = priority;
    for (node /= 2; node >= 1; node /= 2) {
      nodes[node] = nodes[2 * node] + nodes[2 * node + 1];
    }
  }

  /**
   * The slot whose share of the running sum holds {@code mass}: the first slot {@code i} with
   * {@code p_0 + … + p_i > mass}, for {@code 0 ≤ mass < total()}; a mass at or past the total (rounding)
   * gives the last slot of positive priority.
   */
  public int find(double mass) {
    if (!(total() > 0)) {
      throw new IllegalStateException("SumTree.find: every priority is 0; set some first");
    }
    double left = Math.max(0, mass);
    int node = 1;
    while (node < leaves) {
      int child = 2 * node;
      if (left < nodes[child] || nodes[child + 1] <= 0) {
        node = child;
      } else {
        left -= nodes[child];
        node = child + 1;
      }
    }
    return node - leaves;
  }

  private void checkSlot(String operation, int slot) {
    if (slot < 0 || slot >= capacity) {
      throw new IndexOutOfBoundsException("SumTree." + operation + ": slot " + slot + " is outside [0, " + capacity + ")");
    }
  }
}
