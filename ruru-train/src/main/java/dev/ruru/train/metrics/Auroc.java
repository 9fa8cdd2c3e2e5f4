package dev.ruru.train.metrics;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The area under the ROC curve: the probability that a randomly chosen positive example scores higher than
 * a randomly chosen negative one, ties counting one half (the Mann-Whitney U statistic over
 * positives × negatives). 1 is a perfect ranking, 0.5 a random one. It needs every score of a pass at
 * once, so it is a whole-pass metric ({@link dev.ruru.train.objective.PassMetrics}), as anomaly detection
 * reports it. Inputs are not modified.
 *
 * <pre>{@code
 * double area = Auroc.of(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});   // 0.75
 * }</pre>
 */
public final class Auroc {
  private Auroc() {}

  /** The area for {@code scores[i]} of examples that are {@code positive[i]}; both classes must be present. */
  public static double of(double[] scores, boolean[] positive) {
    if (scores.length != positive.length) {
      throw new IllegalArgumentException("auroc: " + scores.length + " scores but " + positive.length + " labels");
    }
    Integer[] order = new Integer[scores.length];
    long positives = 0;
    for (int i = 0; i < order.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("auroc: score " + i + " is NaN");
      }
      order[i] = i;
      positives += positive[i] ? 1 : 0;
    }
    long negatives = scores.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException("auroc: needs positive and negative examples, got " + positives + " positive and " + negatives
          + " negative");
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    // The sum of the positives' ranks (1-based, ties sharing their mean rank) gives U directly.
    double rankSum = 0;
    for (int start = 0; start < order.length;) {
      int end = start;
      while (end < order.length && scores[order[end]] == scores[order[start]]) {
        end++;
      }
      double meanRank = (start + 1 + end) / 2.0;
      for (int k = start; k < end; k++) {
        rankSum += positive[order[k]] ? meanRank : 0;
      }
      start = end;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
