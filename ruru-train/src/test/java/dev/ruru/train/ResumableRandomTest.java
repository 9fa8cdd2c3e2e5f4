package dev.ruru.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResumableRandomTest {
  /** SplitMix64 is SplittableRandom's algorithm: from the same state, the JDK's generator gives the same numbers. */
  @Test void drawsWhatSplittableRandomDrawsFromTheSameState() {
    ResumableRandom random = new ResumableRandom(123);
    SplittableRandom reference = new SplittableRandom(random.state());
    for (int i = 0; i < 1000; i++) {
      assertEquals(reference.nextLong(), random.nextLong(), "draw " + i);
    }
  }

  @Test void restoringTheStateRepeatsTheSequence() {
    ResumableRandom random = new ResumableRandom(7);
    random.nextDouble();
    long saved = random.state();
    double[] first = {random.nextDouble(), random.nextGaussian(), random.nextInt(10)};
    random.setState(saved);
    double[] again = {random.nextDouble(), random.nextGaussian(), random.nextInt(10)};
    assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(again));
  }
}
