package dev.ruru.rl.dqn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SumTreeTest {
  /** The first slot whose running sum passes {@code mass}, by walking the priorities in order. */
  private static int bruteForceFind(double[] priorities, double mass) {
    double running = 0;
    int lastPositive = -1;
    for (int slot = 0; slot < priorities.length; slot++) {
      running += priorities[slot];
      lastPositive = priorities[slot] > 0 ? slot : lastPositive;
      if (running > mass) {
        return slot;
      }
    }
    return lastPositive;
  }

  @Test void findAndTotalAgreeWithABruteForceWalkUnderRandomUpdates() {
    SplittableRandom random = new SplittableRandom(7);
    for (int capacity : new int[] {1, 2, 5, 13, 64, 100}) {
      SumTree tree = new SumTree(capacity);
      double[] priorities = new double[capacity];
      for (int round = 0; round < 300; round++) {
        int slot = random.nextInt(capacity);
        // Whole numbers (0 included) keep every sum exact, so both ways must agree even on the boundaries.
        priorities[slot] = random.nextInt(10);
        tree.set(slot, priorities[slot]);
        double total = 0;
        for (double p : priorities) {
          total += p;
        }
        assertEquals(total, tree.total(), 0, "capacity " + capacity + ", round " + round);
        if (total == 0) {
          continue;
        }
        for (int k = 0; k < 20; k++) {
          double mass = k % 4 == 0 ? random.nextInt((int) total + 1) : random.nextDouble() * total;
          assertEquals(bruteForceFind(priorities, mass), tree.find(mass), "capacity " + capacity + ", round " + round + ", mass " + mass);
        }
      }
    }
  }

  @Test void aMassAtOrPastTheTotalGivesTheLastSlotWithPriority() {
    SumTree tree = new SumTree(6);
    tree.set(1, 2);
    tree.set(3, 1);
    assertEquals(3, tree.find(3));
    assertEquals(3, tree.find(3.5));
    assertEquals(1, tree.find(-1));
    assertEquals(1, tree.find(1.999));
    assertEquals(3, tree.find(2));
  }

  @Test void badSlotsPrioritiesAndEmptyTreesAreRefused() {
    SumTree tree = new SumTree(3);
    assertEquals("SumTree.find: every priority is 0; set some first", assertThrows(IllegalStateException.class, () -> tree.find(0)).getMessage());
    assertEquals("SumTree.set: invalid priority -1.0 for slot 0 (must be finite and >= 0)",
        assertThrows(IllegalArgumentException.class, () -> tree.set(0, -1)).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> tree.set(0, Double.NaN)).getMessage().contains("NaN"));
    assertEquals("SumTree.get: slot 3 is outside [0, 3)", assertThrows(IndexOutOfBoundsException.class, () -> tree.get(3)).getMessage());
    assertEquals("SumTree: invalid capacity 0 (must be >= 1)", assertThrows(IllegalArgumentException.class, () -> new SumTree(0)).getMessage());
  }
}
