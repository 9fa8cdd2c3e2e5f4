package dev.ruru.train.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one training epoch achieved: the objective's named metrics on the training batches and on the
 * validation set. Training metrics are means over the epoch's examples with the weights as they were
 * when each batch was seen (as Keras and PyTorch report them); validation metrics are measured after the
 * epoch in evaluation mode. A number not measured (no validation set, not a classifier) is absent, and
 * the accessors give NaN for it.
 *
 * <p>Metrics are named as metrics.json and the callbacks name them: {@code train_loss},
 * {@code validation_accuracy}, {@code validation_perplexity}, ... ({@link #value}).
 *
 * @param epoch the epoch's number, from 1
 * @param train the training metrics by the objective's names ({@code loss}, {@code accuracy}, ...)
 * @param validation the validation metrics by the same names; empty without a validation set
 * @param seconds wall time of the epoch's training pass alone (evaluation excluded)
 * @param learningRate the learning rate the epoch trained with (of the first optimiser's first group)
 */
public record EpochMetrics(int epoch, Map<String, Double> train, Map<String, Double> validation, double seconds, double learningRate) {
  public static final String TRAIN = "train_";
  public static final String VALIDATION = "validation_";

  public EpochMetrics {
    train = Collections.unmodifiableMap(new LinkedHashMap<>(train));
    validation = Collections.unmodifiableMap(new LinkedHashMap<>(validation));
  }

  /** A classifier's epoch: loss and accuracy on both sets (NaN: not measured). */
  public static EpochMetrics of(int epoch, double trainLoss, double trainAccuracy, double validationLoss, double validationAccuracy,
      double seconds, double learningRate) {
    return new EpochMetrics(epoch, measured(trainLoss, trainAccuracy), measured(validationLoss, validationAccuracy), seconds, learningRate);
  }

  private static Map<String, Double> measured(double loss, double accuracy) {
    Map<String, Double> values = new LinkedHashMap<>();
    if (!Double.isNaN(loss)) {
      values.put("loss", loss);
    }
    if (!Double.isNaN(accuracy)) {
      values.put("accuracy", accuracy);
    }
    return values;
  }

  /**
   * A metric by its full name: {@code train_<name>} or {@code validation_<name>}, {@code seconds} or
   * {@code learning_rate}; NaN when it was not measured.
   */
  public double value(String name) {
    if (name.startsWith(TRAIN)) {
      return train.getOrDefault(name.substring(TRAIN.length()), Double.NaN);
    }
    if (name.startsWith(VALIDATION)) {
      return validation.getOrDefault(name.substring(VALIDATION.length()), Double.NaN);
    }
    return switch (name) {
      case "seconds" -> seconds;
      case "learning_rate" -> learningRate;
      default -> Double.NaN;
    };
  }

  /** Every metric by its full name, training then validation, then seconds and learning rate. */
  public Map<String, Double> values() {
    Map<String, Double> all = new LinkedHashMap<>();
    train.forEach((name, value) -> all.put(TRAIN + name, value));
    validation.forEach((name, value) -> all.put(VALIDATION + name, value));
    all.put("seconds", seconds);
    all.put("learning_rate", learningRate);
    return all;
  }

  public double trainLoss() { return train.getOrDefault("loss", Double.NaN); }
  public double trainAccuracy() { return train.getOrDefault("accuracy", Double.NaN); }
  public double validationLoss() { return validation.getOrDefault("loss", Double.NaN); }
  public double validationAccuracy() { return validation.getOrDefault("accuracy", Double.NaN); }

  /** Whether a validation set was measured. */
  public boolean hasValidation() {
    return !validation.isEmpty();
  }
}
