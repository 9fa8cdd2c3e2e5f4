package dev.ruru.train.metrics;

import dev.ruru.array.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Counts of (true class, predicted class) pairs: row {@code t}, column {@code p} holds how many examples
 * of class {@code t} were predicted as {@code p}. The diagonal holds the correct predictions; a row sums to
 * the class's support, a column to how often the class was predicted. Immutable.
 *
 * <pre>{@code
 * ConfusionMatrix cm = ConfusionMatrix.of(logits.argmax(1), labels, 10);
 * System.out.println(cm.report(classNames));   // precision, recall, F1 and support per class
 * }</pre>
 */
public final class ConfusionMatrix {
  private final long[][] counts;

  private ConfusionMatrix(long[][] counts) {
    this.counts = counts;
  }

  /** The matrix of {@code predicted [n]} against {@code labels [n]}, integers in {@code [0, classes)}. */
  public static ConfusionMatrix of(NDArray predicted, NDArray labels, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("ConfusionMatrix: classes must be at least 1, got " + classes);
    }
    long[] p = Classification.checkedLabels("ConfusionMatrix", predicted, labels);
    long[] t = labels.toLongArray();
    long[][] counts = new long[classes][classes];
    for (int i = 0; i < p.length; i++) {
      counts[Classification.checkedLabel("ConfusionMatrix", t[i], classes, i)][Classification.checkedLabel("ConfusionMatrix", p[i], classes, i)]++;
    }
    return new ConfusionMatrix(counts);
  }

  /** A matrix from its counts {@code [true][predicted]} (copied; square, non-negative). */
  public static ConfusionMatrix ofCounts(long[][] counts) {
    long[][] copy = new long[counts.length][];
    for (int t = 0; t < counts.length; t++) {
      if (counts[t].length != counts.length) {
        throw new IllegalArgumentException("ConfusionMatrix: expected a square matrix, row " + t + " has " + counts[t].length
            + " columns for " + counts.length + " rows");
      }
      copy[t] = counts[t].clone();
      for (long count : copy[t]) {
        if (count < 0) {
          throw new IllegalArgumentException("ConfusionMatrix: counts must be >= 0, got " + count + " in row " + t);
        }
      }
    }
    return new ConfusionMatrix(copy);
  }

  public int classes() {
    return counts.length;
  }

  /** Examples of class {@code trueClass} predicted as {@code predictedClass}. */
  public long count(int trueClass, int predictedClass) {
    return counts[trueClass][predictedClass];
  }

  /** The counts as a fresh {@code [true][predicted]} array. */
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int t = 0; t < counts.length; t++) {
      copy[t] = counts[t].clone();
    }
    return copy;
  }

  public long total() {
    long total = 0;
    for (long[] row : counts) {
      for (long count : row) {
        total += count;
      }
    }
    return total;
  }

  /** The diagonal's share of all examples; 0 for an empty matrix. */
  public double accuracy() {
    long correct = 0;
    for (int c = 0; c < counts.length; c++) {
      correct += counts[c][c];
    }
    long total = total();
    return total == 0 ? 0 : (double) correct / total;
  }

  /** Precision, recall, F1 and support of class {@code label} (see {@link ClassScores} for the 0/0 cases). */
  public ClassScores scores(int label, String name) {
    long truePositives = counts[label][label];
    long predicted = 0;
    long support = 0;
    for (int c = 0; c < counts.length; c++) {
      predicted += counts[c][label];
      support += counts[label][c];
    }
    double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
    double recall = support == 0 ? 0 : (double) truePositives / support;
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new ClassScores(label, name, precision, recall, f1, support);
  }

  /** {@link #scores} of every class, named by {@code classNames} (or by index when it is empty). */
  public List<ClassScores> perClass(List<String> classNames) {
    List<ClassScores> all = new ArrayList<>();
    for (int c = 0; c < counts.length; c++) {
      all.add(scores(c, c < classNames.size() ? classNames.get(c) : Integer.toString(c)));
    }
    return all;
  }

  /** The unweighted mean of the per-class F1 scores (macro F1). */
  public double macroF1() {
    double sum = 0;
    for (ClassScores score : perClass(List.of())) {
      sum += score.f1();
    }
    return counts.length == 0 ? 0 : sum / counts.length;
  }

  /** A table of precision, recall, F1 and support per class, with accuracy and macro averages, as scikit-learn prints it. */
  public String report(List<String> classNames) {
    List<ClassScores> all = perClass(classNames);
    int width = 12;
    for (ClassScores score : all) {
      width = Math.max(width, score.name().length());
    }
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%" + width + "s %9s %9s %9s %9s%n", "", "precision", "recall", "f1", "support"));
    double precision = 0;
    double recall = 0;
    for (ClassScores score : all) {
      text.append(String.format(Locale.ROOT, "%" + width + "s %9.3f %9.3f %9.3f %9d%n", score.name(), score.precision(), score.recall(),
          score.f1(), score.support()));
      precision += score.precision();
      recall += score.recall();
    }
    int k = Math.max(1, all.size());
    text.append(String.format(Locale.ROOT, "%" + width + "s %9s %9s %9.3f %9d%n", "accuracy", "", "", accuracy(), total()));
    text.append(String.format(Locale.ROOT, "%" + width + "s %9.3f %9.3f %9.3f %9d%n", "macro avg", precision / k, recall / k, macroF1(), total()));
    return text.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ConfusionMatrix matrix && Arrays.deepEquals(counts, matrix.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return "ConfusionMatrix" + Arrays.deepToString(counts);
  }
}
