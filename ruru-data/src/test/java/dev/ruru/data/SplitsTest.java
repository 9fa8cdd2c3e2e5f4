package dev.ruru.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SplitsTest {
  /** n examples whose feature is the example's index; labels cycle through the class sizes given. */
  static ArrayDataset classes(int... sizes) {
    int n = Arrays.stream(sizes).sum();
    float[] ids = new float[n];
    long[] labels = new long[n];
    int i = 0;
    // Interleave classes so index order is not class order.
    int[] left = sizes.clone();
    while (i < n) {
      for (int c = 0; c < sizes.length; c++) {
        if (left[c] > 0) {
          ids[i] = i;
          labels[i++] = c;
          left[c]--;
        }
      }
    }
    return new ArrayDataset(NDArray.of(ids, n, 1), NDArray.of(labels, n));
  }

  static long[] ids(ArrayDataset part) {
    return Arrays.stream(part.features().toDoubleArray()).mapToLong(v -> (long) v).toArray();
  }

  static long count(ArrayDataset part, long label) {
    return Arrays.stream(part.labels().toLongArray()).filter(l -> l == label).count();
  }

  @Test
  void partsHaveTheRoundedSizesAndCoverEveryExampleOnce() {
    Splits parts = Splits.of(classes(1000), new SplitFractions(0.7, 0.2, 0.1), 3, Stratification.NONE);
    assertEquals(700, parts.train().size());
    assertEquals(200, parts.validation().size());
    assertEquals(100, parts.test().size());
    long[] all = LongStream.concat(LongStream.concat(Arrays.stream(ids(parts.train())), Arrays.stream(ids(parts.validation()))),
        Arrays.stream(ids(parts.test()))).sorted().toArray();
    assertArrayEquals(LongStream.range(0, 1000).toArray(), all);
  }

  @Test
  void roundingLeavesTheRemainderInTraining() {
    Splits parts = Splits.of(classes(11), new SplitFractions(0.5, 0.25, 0.25), 0, Stratification.NONE);
    assertEquals(3, parts.validation().size(), "round(11 * 0.25) = round(2.75) = 3");
    assertEquals(3, parts.test().size());
    assertEquals(5, parts.train().size());
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    SplitFractions fractions = new SplitFractions(0.8, 0.1, 0.1);
    Splits a = Splits.of(classes(200), fractions, 9, Stratification.NONE);
    Splits b = Splits.of(classes(200), fractions, 9, Stratification.NONE);
    Splits c = Splits.of(classes(200), fractions, 10, Stratification.NONE);
    assertArrayEquals(ids(a.test()), ids(b.test()));
    assertArrayEquals(ids(a.train()), ids(b.train()));
    assertFalse(Arrays.equals(ids(a.test()), ids(c.test())));
  }

  @Test
  void stratifiedSplitKeepsEachClassInProportion() {
    int[] sizes = {500, 300, 120, 80};
    Splits parts = Splits.of(classes(sizes), new SplitFractions(0.6, 0.25, 0.15), 4, Stratification.BY_LABEL);
    for (int c = 0; c < sizes.length; c++) {
      long validation = Math.round(sizes[c] * 0.25);
      long test = Math.round(sizes[c] * 0.15);
      assertEquals(validation, count(parts.validation(), c), "validation count of class " + c);
      assertEquals(test, count(parts.test(), c), "test count of class " + c);
      assertEquals(sizes[c] - validation - test, count(parts.train(), c), "train count of class " + c);
    }
  }

  @Test
  void stratifiedPartsAreShuffledNotGroupedByClass() {
    Splits parts = Splits.of(classes(50, 50), new SplitFractions(0.8, 0.2, 0), 1, Stratification.BY_LABEL);
    long[] labels = parts.train().labels().toLongArray();
    long changes = 0;
    for (int i = 1; i < labels.length; i++) {
      changes += labels[i] != labels[i - 1] ? 1 : 0;
    }
    assertEquals(0, parts.test().size());
    assertEquals(80, labels.length);
    // Grouped by class there would be 1 change; random order gives about 40.
    assertFalse(changes < 20, "labels change only " + changes + " times along the training part");
  }

  @Test
  void featuresAndLabelsStayPaired() {
    ArrayDataset data = classes(30, 20);
    Splits parts = Splits.of(data, new SplitFractions(0.5, 0.3, 0.2), 2, Stratification.BY_LABEL);
    long[] originalLabels = data.labels().toLongArray();
    for (ArrayDataset part : new ArrayDataset[] {parts.train(), parts.validation(), parts.test()}) {
      long[] ids = ids(part);
      long[] labels = part.labels().toLongArray();
      for (int i = 0; i < ids.length; i++) {
        assertEquals(originalLabels[(int) ids[i]], labels[i]);
      }
    }
  }

  @Test
  void fractionsMustBeValidAndSumToOne() {
    assertEquals("SplitFractions: train + validation + test must be 1, got 0.5 + 0.25 + 0.125 = 0.875",
        assertThrows(IllegalArgumentException.class, () -> new SplitFractions(0.5, 0.25, 0.125)).getMessage());
    assertEquals("SplitFractions: validation fraction must be in [0, 1], got -0.1",
        assertThrows(IllegalArgumentException.class, () -> new SplitFractions(0.9, -0.1, 0.2)).getMessage());
    assertEquals(new SplitFractions(0.9, 0.1, 0), SplitFractions.trainValidation(0.1));
  }
}
