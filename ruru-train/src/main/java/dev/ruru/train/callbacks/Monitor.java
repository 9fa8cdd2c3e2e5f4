package dev.ruru.train.callbacks;

import dev.ruru.train.metrics.EpochMetrics;

/** The number a callback watches, and whether lower or higher is better. */
public enum Monitor {
  VALIDATION_LOSS("validation loss", true),
  VALIDATION_ACCURACY("validation accuracy", false),
  TRAIN_LOSS("training loss", true);

  private final String description;
  private final boolean lowerIsBetter;

  Monitor(String description, boolean lowerIsBetter) {
    this.description = description;
    this.lowerIsBetter = lowerIsBetter;
  }

  /** The watched number of {@code metrics}. */
  public double of(EpochMetrics metrics) {
    return switch (this) {
      case VALIDATION_LOSS -> metrics.validationLoss();
      case VALIDATION_ACCURACY -> metrics.validationAccuracy();
      case TRAIN_LOSS -> metrics.trainLoss();
    };
  }

  /** Whether {@code value} improves on {@code best} by more than {@code minDelta}. */
  public boolean improves(double value, double best, double minDelta) {
    return lowerIsBetter ? value < best - minDelta : value > best + minDelta;
  }

  /** The worst possible value, which any first value improves on. */
  public double worst() {
    return lowerIsBetter ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }

  @Override
  public String toString() {
    return description;
  }
}
