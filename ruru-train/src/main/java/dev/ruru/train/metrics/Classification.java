package dev.ruru.train.metrics;

import dev.ruru.array.NDArray;

/**
 * Accuracy of class predictions: the share of examples whose predicted class is the true one, and top-k
 * accuracy, the share whose true class is among the k highest scores. Inputs are not modified.
 *
 * <pre>{@code
 * double acc = Classification.accuracy(logits.argmax(1), labels);   // [n] and [n]
 * double top5 = Classification.topKAccuracy(logits, labels, 5);     // [n, classes] and [n]
 * }</pre>
 */
public final class Classification {
  private Classification() {}

  /** Share of {@code i} with {@code predicted[i] == labels[i]}: both integer arrays {@code [n]}; 0 for n = 0. */
  public static double accuracy(NDArray predicted, NDArray labels) {
    long[] p = checkedLabels("accuracy", predicted, labels);
    long[] t = labels.toLongArray();
    long correct = 0;
    for (int i = 0; i < p.length; i++) {
      correct += p[i] == t[i] ? 1 : 0;
    }
    return p.length == 0 ? 0 : (double) correct / p.length;
  }

  /**
   * Share of examples whose true class ranks among the {@code k} best of {@code scores [n, classes]}.
   * The rank of the true class counts the classes scoring strictly higher plus the equal ones with a lower
   * index — ties go to the lower index, as {@code argmax} breaks them — so top-1 accuracy equals
   * {@link #accuracy} of {@code scores.argmax(1)}.
   */
  public static double topKAccuracy(NDArray scores, NDArray labels, int k) {
    if (scores.rank() != 2 || labels.rank() != 1 || scores.dim(0) != labels.dim(0)) {
      throw new IllegalArgumentException("topKAccuracy: expected scores [n, classes] and labels [n], got " + scores.shape()
          + " and " + labels.shape());
    }
    int classes = scores.dim(1);
    if (k < 1 || k > classes) {
      throw new IllegalArgumentException("topKAccuracy: k must be in [1, " + classes + "], got " + k);
    }
    double[] values = scores.toDoubleArray();
    long[] truth = labels.toLongArray();
    long hits = 0;
    for (int i = 0; i < truth.length; i++) {
      int label = checkedLabel("topKAccuracy", truth[i], classes, i);
      double own = values[i * classes + label];
      int rank = 0;
      for (int c = 0; c < classes; c++) {
        double other = values[i * classes + c];
        rank += other > own || (other == own && c < label) ? 1 : 0;
      }
      hits += rank < k ? 1 : 0;
    }
    return truth.length == 0 ? 0 : (double) hits / truth.length;
  }

  static long[] checkedLabels(String op, NDArray predicted, NDArray labels) {
    if (predicted.rank() != 1 || labels.rank() != 1 || predicted.dim(0) != labels.dim(0)) {
      throw new IllegalArgumentException(op + ": expected predictions [n] and labels [n], got " + predicted.shape() + " and "
          + labels.shape());
    }
    if (!predicted.dtype().isInteger() || !labels.dtype().isInteger()) {
      throw new IllegalArgumentException(op + ": expected integer class indices, got " + predicted.dtype() + " and "
          + labels.dtype() + "; take argmax(1) of scores first");
    }
    return predicted.toLongArray();
  }

  static int checkedLabel(String op, long label, int classes, int index) {
    if (label < 0 || label >= classes) {
      throw new IllegalArgumentException(op + ": label " + label + " at index " + index + " is outside [0, " + classes + ")");
    }
    return (int) label;
  }
}
