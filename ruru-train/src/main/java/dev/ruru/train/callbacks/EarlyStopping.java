package dev.ruru.train.callbacks;

import dev.ruru.train.Callback;
import dev.ruru.train.Trainer;
import dev.ruru.train.metrics.EpochMetrics;
import java.util.List;
import java.util.Locale;

/**
 * Stops training when the monitored number has not improved by more than {@code minDelta} for
 * {@code patience} epochs in a row: Keras's {@code EarlyStopping}, the course's remedy for overfitting.
 * The weights stay those of the last epoch; {@link Checkpointing} keeps the best ones when asked.
 *
 * <pre>{@code
 * Trainer.builder(model, optimizer).callbacks(new EarlyStopping(Monitor.VALIDATION_LOSS, 3, 0)).build();
 * }</pre>
 */
public final class EarlyStopping implements Callback {
  private final Monitor monitor;
  private final int patience;
  private final double minDelta;
  private double best;
  private int bestEpoch;
  private int waited;

  public EarlyStopping(Monitor monitor, int patience, double minDelta) {
    if (patience < 1) {
      throw new IllegalArgumentException("Invalid patience: " + patience + " (must be >= 1)");
    }
    if (!(minDelta >= 0)) {
      throw new IllegalArgumentException("Invalid minDelta: " + minDelta + " (must be >= 0)");
    }
    this.monitor = monitor;
    this.patience = patience;
    this.minDelta = minDelta;
    reset();
  }

  private void reset() {
    best = monitor.worst();
    bestEpoch = 0;
    waited = 0;
  }

  @Override
  public void onResume(Trainer trainer, List<EpochMetrics> history) {
    reset();
    history.forEach(this::observe);
  }

  @Override
  public void onEpochEnd(Trainer trainer, EpochMetrics metrics) {
    if (Double.isNaN(monitor.of(metrics))) {
      throw new IllegalStateException("EarlyStopping: " + monitor + " was not measured at epoch " + metrics.epoch()
          + "; give fit() a validation set or monitor the training loss");
    }
    if (observe(metrics)) {
      trainer.requestStop(String.format(Locale.ROOT, "early stopping: %s did not improve for %d epochs (best %.4f at epoch %d)", monitor,
          patience, best, bestEpoch));
    }
  }

  /** Updates the counters; true when patience has run out. */
  private boolean observe(EpochMetrics metrics) {
    double value = monitor.of(metrics);
    if (monitor.improves(value, best, minDelta)) {
      best = value;
      bestEpoch = metrics.epoch();
      waited = 0;
      return false;
    }
    waited++;
    return waited >= patience;
  }

  /** The epoch with the best value so far (0 before any). */
  public int bestEpoch() {
    return bestEpoch;
  }
}
