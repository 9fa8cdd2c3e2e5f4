package dev.ruru.train.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The ROC curve: for each threshold at a distinct score, highest first, the false-positive rate
 * (negatives scored at least that high, over all negatives) and the true-positive rate (the same for
 * positives), starting at (0, 0) and ending at (1, 1), as scikit-learn's {@code roc_curve} with
 * {@code drop_intermediate=False}. The area under it is {@link Auroc}.
 *
 * @param falsePositiveRates the x coordinates, non-decreasing
 * @param truePositiveRates the y coordinates, non-decreasing
 * @param thresholds the score of each point (+∞ for the first)
 */
public record RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds) {
  public RocCurve {
    falsePositiveRates = falsePositiveRates.clone();
    truePositiveRates = truePositiveRates.clone();
    thresholds = thresholds.clone();
  }

  @Override public double[] falsePositiveRates() { return falsePositiveRates.clone(); }
  @Override public double[] truePositiveRates() { return truePositiveRates.clone(); }
  @Override public double[] thresholds() { return thresholds.clone(); }

  /** The curve of {@code scores[i]} of examples that are {@code positive[i]}; both classes must be present. */
  public static RocCurve of(double[] scores, boolean[] positive) {
    Integer[] order = Auprc.descending("roc", scores, positive);
    long positives = 0;
    for (boolean p : positive) {
      positives += p ? 1 : 0;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("roc: needs positive and negative examples, got " + positives + " positive and " + negatives + " negative");
    }
    List<double[]> points = new ArrayList<>();
    points.add(new double[] {0, 0, Double.POSITIVE_INFINITY});
    long truePositives = 0;
    long falsePositives = 0;
    for (int start = 0; start < order.length;) {
      int end = start;
      while (end < order.length && scores[order[end]] == scores[order[start]]) {
        if (positive[order[end]]) {
          truePositives++;
        } else {
          falsePositives++;
        }
        end++;
      }
      points.add(new double[] {(double) falsePositives / negatives, (double) truePositives / positives, scores[order[start]]});
      start = end;
    }
    return new RocCurve(points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray(),
        points.stream().mapToDouble(p -> p[2]).toArray());
  }
}
