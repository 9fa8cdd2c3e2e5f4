package dev.ruru.train.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The area under the precision-recall curve as average precision (scikit-learn's
 * {@code average_precision_score}): AP = Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the thresholds at each distinct score,
 * highest first, where Pₙ and Rₙ are the precision and recall of calling everything scored at least that
 * high positive. A step function, not the trapezoid, which would be optimistic. Unlike AUROC it depends
 * on how rare the positives are: a random ranking scores the positives' share, not 0.5, so for rare
 * anomalies it shows what AUROC hides. Inputs are not modified.
 *
 * <pre>{@code
 * double ap = Auprc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});   // 0.8333
 * }</pre>
 */
public final class Auprc {
  private Auprc() {}

  /** The average precision for {@code scores[i]} of examples that are {@code positive[i]}; at least one must be positive. */
  public static double of(double[] scores, boolean[] positive) {
    Integer[] order = descending("auprc", scores, positive);
    long positives = 0;
    for (boolean p : positive) {
      positives += p ? 1 : 0;
    }
    if (positives == 0) {
      throw new IllegalArgumentException("auprc: needs at least one positive example, got none among " + scores.length);
    }
    double area = 0;
    double previousRecall = 0;
    long truePositives = 0;
    for (int start = 0; start < order.length;) {
      int end = start;
      // Tied scores are one threshold: they become positive together.
      while (end < order.length && scores[order[end]] == scores[order[start]]) {
        truePositives += positive[order[end]] ? 1 : 0;
        end++;
      }
      double recall = (double) truePositives / positives;
      area += (recall - previousRecall) * truePositives / end;
      previousRecall = recall;
      start = end;
    }
    return area;
  }

  /** Indices by decreasing score, after checking the arguments. */
  static Integer[] descending(String op, double[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new IllegalArgumentException(op + ": " + scores.length + " scores but " + positive.length + " labels");
    }
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException(op + ": score " + i + " is NaN");
      }
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    return order;
  }
}
