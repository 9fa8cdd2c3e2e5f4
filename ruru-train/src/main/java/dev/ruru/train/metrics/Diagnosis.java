package dev.ruru.train.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The course's reading of learning curves: does the model overfit (validation loss rising while training
 * loss falls — it memorises the training set), underfit (it cannot even fit the training set), or fit well,
 * and by how much. The rules, applied in this order with the thresholds of {@link DiagnosisRules}:
 * <ol>
 *   <li>DIVERGING when the last training loss is not finite, is higher than the first epoch's, or (for a
 *       classifier of K classes) is above ln K, the loss of guessing every class equally likely: the steps
 *       make the model worse, which a learning rate that is too large does, so the advice is the opposite
 *       of underfitting's.</li>
 *   <li>UNDERFITTING when the last training accuracy is below {@code underfitAccuracy}.</li>
 *   <li>OVERFITTING when, with at least {@code minimumEpochs} epochs, validation loss reached its minimum
 *       before the last epoch, the last validation loss is more than {@code validationLossRise} (relative)
 *       above that minimum, and training loss is lower than it was at the minimum.</li>
 *   <li>OVERFITTING when the last training accuracy exceeds the last validation accuracy by more than
 *       {@code accuracyGap}.</li>
 *   <li>UNDETERMINED without a validation set (overfitting cannot be seen), GOOD_FIT otherwise.</li>
 * </ol>
 * The details add the numbers, and a note when validation loss is still falling fast (more epochs may help).
 *
 * @param verdict the conclusion
 * @param summary one sentence with the numbers behind it
 * @param details further findings, each a sentence
 */
public record Diagnosis(Verdict verdict, String summary, List<String> details) {
  public Diagnosis {
    details = List.copyOf(details);
  }

  /** The diagnosis of {@code epochs} (in order) by the default rules. */
  public static Diagnosis of(List<EpochMetrics> epochs) {
    return of(epochs, DiagnosisRules.DEFAULT);
  }

  public static Diagnosis of(List<EpochMetrics> epochs, DiagnosisRules rules) {
    return of(epochs, rules, 0);
  }

  /**
   * The diagnosis of a classifier's epochs: with {@code classes} known, a training loss above ln(classes)
   * (worse than guessing) counts as diverging. {@code classes} 0 means not a classifier.
   */
  public static Diagnosis of(List<EpochMetrics> epochs, int classes) {
    return of(epochs, DiagnosisRules.DEFAULT, classes);
  }

  public static Diagnosis of(List<EpochMetrics> epochs, DiagnosisRules rules, int classes) {
    if (epochs.isEmpty()) {
      return new Diagnosis(Verdict.UNDETERMINED, "no epochs were trained", List.of());
    }
    EpochMetrics last = epochs.get(epochs.size() - 1);
    List<String> details = new ArrayList<>();
    String diverging = diverging(epochs, classes);
    if (diverging != null) {
      if (last.hasValidation()) {
        details.add(format("final losses: training %.4f, validation %.4f", last.trainLoss(), last.validationLoss()));
      }
      return new Diagnosis(Verdict.DIVERGING, diverging, details);
    }
    if (last.hasValidation()) {
      details.add(format("final losses: training %.4f, validation %.4f; accuracies: training %.2f%%, validation %.2f%%",
          last.trainLoss(), last.validationLoss(), 100 * last.trainAccuracy(), 100 * last.validationAccuracy()));
      stillImprovingNote(epochs, rules).ifPresent(details::add);
    }
    if (last.trainAccuracy() < rules.underfitAccuracy()) {
      return new Diagnosis(Verdict.UNDERFITTING, format("underfitting: training accuracy %.2f%% is below %.0f%% (training loss %.4f):"
          + " the model does not fit even the data it trains on; train longer, raise the learning rate or use a larger model",
          100 * last.trainAccuracy(), 100 * rules.underfitAccuracy(), last.trainLoss()), details);
    }
    if (!last.hasValidation()) {
      return new Diagnosis(Verdict.UNDETERMINED, format("no validation set: training accuracy %.2f%%; overfitting cannot be judged"
          + " without one", 100 * last.trainAccuracy()), details);
    }
    String rising = risingValidationLoss(epochs, rules);
    if (rising != null) {
      return new Diagnosis(Verdict.OVERFITTING, rising, details);
    }
    double gap = last.trainAccuracy() - last.validationAccuracy();
    if (gap > rules.accuracyGap()) {
      return new Diagnosis(Verdict.OVERFITTING, format("overfitting: training accuracy %.2f%% exceeds validation accuracy %.2f%% by"
          + " %.1f points (more than %.0f)", 100 * last.trainAccuracy(), 100 * last.validationAccuracy(), 100 * gap,
          100 * rules.accuracyGap()), details);
    }
    return new Diagnosis(Verdict.GOOD_FIT, format("good fit: validation loss %.4f is within %.0f%% of its best, and validation"
        + " accuracy %.2f%% is within %.0f points of training accuracy %.2f%%", last.validationLoss(), 100 * rules.validationLossRise(),
        100 * last.validationAccuracy(), 100 * rules.accuracyGap(), 100 * last.trainAccuracy()), details);
  }

  /** Rule 1's sentence, or null when the training loss behaves. */
  private static String diverging(List<EpochMetrics> epochs, int classes) {
    double first = epochs.get(0).trainLoss();
    double last = epochs.get(epochs.size() - 1).trainLoss();
    String advice = ": the steps make the model worse; lower the learning rate (by 10x, say) or clip the gradients' norm";
    if (Double.isInfinite(last) || (Double.isNaN(last) && !Double.isNaN(first))) {
      return "diverging: the training loss is " + last + advice;
    }
    double chance = classes >= 2 ? Math.log(classes) : Double.POSITIVE_INFINITY;
    if (last > chance) {
      return format("diverging: training loss %.4f is above %.4f, the loss of guessing all %d classes equally (ln %d)%s", last, chance,
          classes, classes, advice);
    }
    if (epochs.size() >= 2 && last > first) {
      return format("diverging: training loss rose from %.4f in epoch 1 to %.4f in epoch %d%s", first, last, epochs.size(), advice);
    }
    return null;
  }

  /** Rule 3's sentence, or null when it does not apply. */
  private static String risingValidationLoss(List<EpochMetrics> epochs, DiagnosisRules rules) {
    if (epochs.size() < rules.minimumEpochs()) {
      return null;
    }
    EpochMetrics best = epochs.get(0);
    for (EpochMetrics epoch : epochs) {
      if (epoch.validationLoss() < best.validationLoss()) {
        best = epoch;
      }
    }
    EpochMetrics last = epochs.get(epochs.size() - 1);
    double rise = (last.validationLoss() - best.validationLoss()) / best.validationLoss();
    if (best == last || !(rise > rules.validationLossRise()) || !(last.trainLoss() < best.trainLoss())) {
      return null;
    }
    double fall = (best.trainLoss() - last.trainLoss()) / best.trainLoss();
    return format("overfitting: validation loss rose %.1f%% from %.4f at epoch %d to %.4f at epoch %d while training loss fell"
        + " %.1f%% from %.4f to %.4f; epoch %d generalised best (early stopping would keep it)", 100 * rise, best.validationLoss(),
        best.epoch(), last.validationLoss(), last.epoch(), 100 * fall, best.trainLoss(), last.trainLoss(), best.epoch());
  }

  private static java.util.Optional<String> stillImprovingNote(List<EpochMetrics> epochs, DiagnosisRules rules) {
    if (epochs.size() < 2) {
      return java.util.Optional.empty();
    }
    double before = epochs.get(epochs.size() - 2).validationLoss();
    double now = epochs.get(epochs.size() - 1).validationLoss();
    double fall = (before - now) / before;
    return fall > rules.stillImproving()
        ? java.util.Optional.of(format("validation loss is still falling (%.1f%% in the last epoch): more epochs may help", 100 * fall))
        : java.util.Optional.empty();
  }

  private static String format(String template, Object... values) {
    return String.format(Locale.ROOT, template, values);
  }

  @Override
  public String toString() {
    return summary;
  }
}
