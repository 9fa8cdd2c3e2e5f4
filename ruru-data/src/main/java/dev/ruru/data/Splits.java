package dev.ruru.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A dataset cut into training, validation and test parts that share no example and together hold every
 * example once. The cut is random but seeded: the same seed gives the same parts on every run.
 *
 * <pre>{@code
 * Splits parts = Splits.of(data, new SplitFractions(0.8, 0.1, 0.1), 42, Stratification.BY_LABEL);
 * Standardizer scaler = Standardizer.fit(parts.train().features());   // training statistics only
 * }</pre>
 */
public record Splits(ArrayDataset train, ArrayDataset validation, ArrayDataset test) {
  /**
   * Splits {@code data} in the given fractions. Without stratification one permutation of all examples
   * is cut into {@code [test | validation | train]} with {@code round(n · f)} examples for test and
   * validation. With {@link Stratification#BY_LABEL} each class {@code c} is permuted and cut the same
   * way with its own {@code n_c}, so class {@code c} has {@code round(n_c · f)} examples in each of
   * validation and test; the parts are then shuffled so classes are interleaved.
   */
  public static Splits of(ArrayDataset data, SplitFractions fractions, long seed, Stratification stratification) {
    RandomGenerator rng = Shuffle.generator(seed, 0);
    List<int[]> groups = stratification == Stratification.BY_LABEL ? byLabel(data) : List.of(identity(data.size()));
    IntList train = new IntList();
    IntList validation = new IntList();
    IntList test = new IntList();
    for (int[] group : groups) {
      Shuffle.shuffleInPlace(group, rng);
      int testCount = (int) Math.round(group.length * fractions.test());
      int validationCount = (int) Math.min(Math.round(group.length * fractions.validation()), group.length - testCount);
      test.addRange(group, 0, testCount);
      validation.addRange(group, testCount, testCount + validationCount);
      train.addRange(group, testCount + validationCount, group.length);
    }
    return new Splits(data.subset(train.shuffled(rng, groups.size())), data.subset(validation.shuffled(rng, groups.size())),
        data.subset(test.shuffled(rng, groups.size())));
  }

  /** The indices of each class present, in index order: labels must be in {@code [0, classCount)}. */
  private static List<int[]> byLabel(ArrayDataset data) {
    long[] labels = data.labels().toLongArray();
    int classes = data.classCount();
    int[] counts = new int[classes];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        throw new IllegalArgumentException("Splits: stratification needs labels >= 0, found " + labels[i] + " at " + i);
      }
      counts[(int) labels[i]]++;
    }
    List<int[]> groups = new ArrayList<>();
    int[][] members = new int[classes][];
    for (int c = 0; c < classes; c++) {
      members[c] = new int[counts[c]];
    }
    int[] filled = new int[classes];
    for (int i = 0; i < labels.length; i++) {
      int c = (int) labels[i];
      members[c][filled[c]++] = i;
    }
    for (int[] group : members) {
      if (group.length > 0) {
        groups.add(group);
      }
    }
    return groups;
  }

  private static int[] identity(int n) {
    int[] indices = new int[n];
    for (int i = 0; i < n; i++) {
      indices[i] = i;
    }
    return indices;
  }

  /** A growable list of ints, to collect one part's indices without boxing. */
  private static final class IntList {
    private int[] values = new int[16];
    private int size;

    void addRange(int[] source, int from, int to) {
      int count = to - from;
      if (size + count > values.length) {
        values = Arrays.copyOf(values, Math.max(values.length * 2, size + count));
      }
      System.arraycopy(source, from, values, size, count);
      size += count;
    }

    /** The indices, shuffled when they came from several classes (otherwise already in random order). */
    int[] shuffled(RandomGenerator rng, int groupCount) {
      int[] result = Arrays.copyOf(values, size);
      if (groupCount > 1) {
        Shuffle.shuffleInPlace(result, rng);
      }
      return result;
    }
  }
}
