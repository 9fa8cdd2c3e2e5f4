package dev.ruru.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShuffleTest {
  @Test
  void permutationHoldsEveryIndexOnce() {
    int[] order = Shuffle.permutation(1000, Shuffle.generator(1, 0));
    int[] sorted = order.clone();
    Arrays.sort(sorted);
    int[] expected = new int[1000];
    Arrays.setAll(expected, i -> i);
    assertArrayEquals(expected, sorted);
    assertFalse(Arrays.equals(expected, order));
  }

  @Test
  void generatorDependsOnSeedAndStreamOnly() {
    assertEquals(Shuffle.generator(11, 3).nextLong(), Shuffle.generator(11, 3).nextLong());
    assertFalse(Shuffle.generator(11, 3).nextLong() == Shuffle.generator(11, 4).nextLong());
    assertFalse(Shuffle.generator(11, 3).nextLong() == Shuffle.generator(12, 3).nextLong());
  }

  @Test
  void everyPositionIsEquallyLikely() {
    // 3 elements, 60,000 shuffles: each of the 6 orders should appear about 10,000 times.
    int[] counts = new int[6];
    var rng = Shuffle.generator(99, 0);
    for (int t = 0; t < 60_000; t++) {
      int[] p = Shuffle.permutation(3, rng);
      counts[p[0] * 2 + (p[1] > p[2] ? 1 : 0)]++;
    }
    for (int count : counts) {
      assertEquals(10_000, count, 500, "order counts " + Arrays.toString(counts));
    }
  }
}
