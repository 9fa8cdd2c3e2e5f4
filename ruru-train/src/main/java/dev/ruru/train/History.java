package dev.ruru.train;

import dev.ruru.train.metrics.Diagnosis;
import dev.ruru.train.metrics.EpochMetrics;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Trainer#fit} did: the metrics of every epoch trained so far (including those before a
 * resume), in order, and why training stopped.
 *
 * @param epochs one entry per epoch, epoch numbers 1, 2, ...
 * @param stopReason why the loop ended
 * @param detail the reason in words (which callback stopped it and why)
 */
public record History(List<EpochMetrics> epochs, StopReason stopReason, String detail) {
  /** Why training ended. */
  public enum StopReason {
    /** All requested epochs ran. */
    COMPLETED,
    /** A callback (early stopping) asked to stop. */
    STOPPED_BY_CALLBACK
  }

  public History {
    epochs = List.copyOf(epochs);
    Objects.requireNonNull(stopReason, "stopReason");
    Objects.requireNonNull(detail, "detail");
  }

  /** The last epoch's metrics. */
  public EpochMetrics last() {
    if (epochs.isEmpty()) {
      throw new IllegalStateException("History: no epochs were trained");
    }
    return epochs.get(epochs.size() - 1);
  }

  /** The course's reading of these learning curves. */
  public Diagnosis diagnosis() {
    return Diagnosis.of(epochs);
  }
}
