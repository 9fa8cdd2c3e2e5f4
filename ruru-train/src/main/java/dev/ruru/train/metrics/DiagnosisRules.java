package dev.ruru.train.metrics;

/**
 * The thresholds {@link Diagnosis} applies, so that its verdict can be checked by hand.
 *
 * @param minimumEpochs epochs needed before a rise in validation loss counts (default 3): one noisy epoch is not a trend
 * @param validationLossRise the relative rise of the last validation loss above its minimum that counts as
 *     overfitting (default 0.05, i.e. 5%), provided training loss fell over the same epochs
 * @param accuracyGap training accuracy minus validation accuracy that counts as overfitting on its own (default 0.10)
 * @param underfitAccuracy training accuracy below which the model underfits (default 0.70)
 * @param stillImproving relative fall of validation loss in the last epoch above which the report suggests more
 *     epochs (default 0.01)
 */
public record DiagnosisRules(int minimumEpochs, double validationLossRise, double accuracyGap, double underfitAccuracy,
    double stillImproving) {
  /** The defaults documented on each component. */
  public static final DiagnosisRules DEFAULT = new DiagnosisRules(3, 0.05, 0.10, 0.70, 0.01);

  public DiagnosisRules {
    if (minimumEpochs < 2) {
      throw new IllegalArgumentException("DiagnosisRules: minimumEpochs must be at least 2, got " + minimumEpochs);
    }
    for (double value : new double[] {validationLossRise, accuracyGap, underfitAccuracy, stillImproving}) {
      if (!(value >= 0 && value <= 1)) {
        throw new IllegalArgumentException("DiagnosisRules: thresholds must lie in [0, 1], got " + value);
      }
    }
  }
}
