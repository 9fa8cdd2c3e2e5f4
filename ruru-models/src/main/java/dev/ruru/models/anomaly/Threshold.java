package dev.ruru.models.anomaly;

import java.util.Arrays;

/**
 * The score above which an input is called anomalous, chosen so that a share {@code falsePositiveRate}
 * of held-out normal inputs would be: the (1 − rate) quantile of their scores (the smallest score
 * that at most that share exceed). Choosing it on normal data alone is what a deployment can do: the
 * anomalies are by definition not known in advance.
 *
 * @param value the threshold; a score strictly above it is anomalous
 * @param falsePositiveRate the target share of normal inputs called anomalous, in (0, 1)
 */
public record Threshold(double value, double falsePositiveRate) {
  public Threshold {
    if (!(falsePositiveRate > 0 && falsePositiveRate < 1)) {
      throw new IllegalArgumentException("threshold: the false-positive rate must be in (0, 1), got " + falsePositiveRate);
    }
    if (Double.isNaN(value)) {
      throw new IllegalArgumentException("threshold: the value is NaN");
    }
  }

  /**
   * The threshold that calls at most ⌊rate·n⌋ of the {@code normalScores} anomalous.
   *
   * @throws IllegalArgumentException when there are no scores or the rate is outside (0, 1)
   */
  public static Threshold forFalsePositiveRate(double[] normalScores, double rate) {
    if (normalScores.length == 0) {
      throw new IllegalArgumentException("threshold: no held-out normal scores to choose it on");
    }
    double[] sorted = normalScores.clone();
    Arrays.sort(sorted);
    int allowed = (int) Math.floor(rate * sorted.length);
    return new Threshold(sorted[sorted.length - 1 - Math.min(allowed, sorted.length - 1)], rate);
  }

  public boolean isAnomalous(double score) {
    return score > value;
  }
}
