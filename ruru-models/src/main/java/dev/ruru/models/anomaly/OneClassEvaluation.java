package dev.ruru.models.anomaly;

import dev.ruru.array.NDArray;
import dev.ruru.train.metrics.Auprc;
import dev.ruru.train.metrics.Auroc;
import java.util.Locale;

/**
 * How well a detector separates one normal class from the rest of a labelled test set: every test image
 * is scored; anomalies (every other class) are the positives. AUROC is the chance that an anomaly outscores
 * a normal image; AUPRC (average precision) weighs the ranking by how common anomalies are (in the
 * one-class protocol, 90 % of the test set, so a random detector already scores 0.9). With a
 * {@link Threshold}, also the test false-positive rate it really gives and the share of anomalies it catches.
 *
 * @param normalClass the class taken as normal
 * @param scores one score per test image
 * @param anomalous whether each test image is an anomaly (not of the normal class)
 */
public record OneClassEvaluation(int normalClass, double auroc, double auprc, double[] scores, boolean[] anomalous, Threshold threshold,
    double falsePositiveRate, double truePositiveRate) {
  public OneClassEvaluation {
    scores = scores.clone();
    anomalous = anomalous.clone();
  }

  @Override public double[] scores() { return scores.clone(); }
  @Override public boolean[] anomalous() { return anomalous.clone(); }

  /**
   * Scores {@code images} [n, ...] with {@code detector} and compares with {@code labels} [n].
   *
   * @throws IllegalArgumentException when the normal class is not among the labels, or is all of them
   */
  public static OneClassEvaluation of(AnomalyDetector detector, NDArray images, NDArray labels, int normalClass, Threshold threshold) {
    long[] classes = labels.toLongArray();
    boolean[] anomalous = new boolean[classes.length];
    int normal = 0;
    for (int i = 0; i < classes.length; i++) {
      anomalous[i] = classes[i] != normalClass;
      normal += anomalous[i] ? 0 : 1;
    }
    if (normal == 0 || normal == classes.length) {
      throw new IllegalArgumentException("anomaly: the test set has " + normal + " images of normal class " + normalClass + " among "
          + classes.length + "; it needs both normal and other images");
    }
    double[] scores = detector.scores(images).toDoubleArray();
    double falsePositives = 0;
    double truePositives = 0;
    for (int i = 0; i < scores.length; i++) {
      if (threshold.isAnomalous(scores[i])) {
        falsePositives += anomalous[i] ? 0 : 1;
        truePositives += anomalous[i] ? 1 : 0;
      }
    }
    return new OneClassEvaluation(normalClass, Auroc.of(scores, anomalous), Auprc.of(scores, anomalous), scores, anomalous, threshold,
        falsePositives / normal, truePositives / (classes.length - normal));
  }

  /** {@code "class 3: AUROC 0.9312, AUPRC 0.9901; threshold 0.0123 for 5% false positives: 4.8% normal and 71.2% anomalous flagged"}. */
  public String describe() {
    return String.format(Locale.ROOT, "class %d: AUROC %.4f, AUPRC %.4f; threshold %.4g for %.0f%% false positives: %.1f%% normal and"
        + " %.1f%% anomalous test inputs flagged", normalClass, auroc, auprc, threshold.value(), 100 * threshold.falsePositiveRate(),
        100 * falsePositiveRate, 100 * truePositiveRate);
  }
}
