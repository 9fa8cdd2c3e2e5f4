package dev.ruru.models.transfer;

import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The data of a transfer task: the examples of some classes, relabelled 0..k−1 in the order given
 * (classes 5–9 of Fashion-MNIST become 0–4), and a few labelled examples per class, drawn without
 * replacement with a seed (the "10 labels per class" of a few-shot experiment).
 *
 * <pre>{@code
 * ArrayDataset footwear = ClassSubset.of(data.train(), List.of(5, 6, 7, 8, 9));
 * ArrayDataset tenEach = ClassSubset.perClass(footwear, 10, seed);   // 50 images
 * }</pre>
 */
public final class ClassSubset {
  private ClassSubset() {}

  /** The examples whose label is in {@code classes}, in their order, labelled by position in {@code classes}. */
  public static ArrayDataset of(ArrayDataset data, List<Integer> classes) {
    if (classes.isEmpty() || classes.stream().distinct().count() != classes.size()) {
      throw new IllegalArgumentException("classes: expected distinct class indices, got " + classes);
    }
    long[] labels = data.labels().toLongArray();
    List<Integer> kept = new ArrayList<>();
    List<Long> relabelled = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      int position = classes.indexOf((int) labels[i]);
      if (position >= 0) {
        kept.add(i);
        relabelled.add((long) position);
      }
    }
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("classes: no example has a label in " + classes + "; the data has " + data.classCount() + " classes");
    }
    ArrayDataset subset = data.subset(kept.stream().mapToInt(Integer::intValue).toArray());
    long[] values = relabelled.stream().mapToLong(Long::longValue).toArray();
    return new ArrayDataset(subset.features(), NDArray.of(values, values.length).astype(data.labels().dtype()));
  }

  /**
   * {@code n} examples of each class present (labels 0..k−1), drawn without replacement with
   * {@code seed}, ordered by class; a class with fewer than {@code n} is an error naming it.
   */
  public static ArrayDataset perClass(ArrayDataset data, int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("Invalid labels per class: " + n + " (must be >= 1)");
    }
    long[] labels = data.labels().toLongArray();
    int classes = data.classCount();
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get((int) labels[i]).add(i);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] chosen = new int[n * classes];
    for (int c = 0; c < classes; c++) {
      List<Integer> members = byClass.get(c);
      if (members.size() < n) {
        throw new IllegalArgumentException("labels per class: class " + c + " has " + members.size() + " examples, fewer than " + n);
      }
      // A partial Fisher-Yates shuffle: the first n places are a uniform sample without replacement.
      for (int k = 0; k < n; k++) {
        int j = k + random.nextInt(members.size() - k);
        Integer swap = members.get(k);
        members.set(k, members.get(j));
        members.set(j, swap);
        chosen[c * n + k] = members.get(k);
      }
    }
    return data.subset(chosen);
  }
}
