package dev.ruru.train.callbacks;

import dev.ruru.train.metrics.EpochMetrics;
import java.util.Objects;

/**
 * The number a callback watches, by its full name ({@code validation_loss}, {@code train_accuracy},
 * {@code validation_perplexity}, any metric an objective reports), and whether lower or higher is better.
 *
 * <pre>{@code
 * new EarlyStopping(Monitor.minimizing("validation_reconstruction"), 3, 0);
 * }</pre>
 *
 * @param metric the metric's full name, as {@link EpochMetrics#value} reads it
 * @param lowerIsBetter true for losses, false for accuracies
 */
public record Monitor(String metric, boolean lowerIsBetter) {
  public static final Monitor VALIDATION_LOSS = minimizing("validation_loss");
  public static final Monitor VALIDATION_ACCURACY = maximizing("validation_accuracy");
  public static final Monitor TRAIN_LOSS = minimizing("train_loss");

  public Monitor {
    Objects.requireNonNull(metric, "metric");
    if (!metric.startsWith(EpochMetrics.TRAIN) && !metric.startsWith(EpochMetrics.VALIDATION)) {
      throw new IllegalArgumentException("Monitor: expected a metric named train_<name> or validation_<name>, got '" + metric + "'");
    }
  }

  /** A metric where lower is better (a loss). */
  public static Monitor minimizing(String metric) {
    return new Monitor(metric, true);
  }

  /** A metric where higher is better (an accuracy). */
  public static Monitor maximizing(String metric) {
    return new Monitor(metric, false);
  }

  /** The watched number of {@code metrics}, NaN when it was not measured. */
  public double of(EpochMetrics metrics) {
    return metrics.value(metric);
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
    return metric.replace('_', ' ');
  }
}
