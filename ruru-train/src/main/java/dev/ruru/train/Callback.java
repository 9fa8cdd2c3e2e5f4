package dev.ruru.train;

import dev.ruru.train.metrics.EpochMetrics;
import java.util.List;

/**
 * Hooks into {@link Trainer#fit}, Keras-style: early stopping, checkpointing, learning-rate schedules and
 * logging are callbacks ({@code dev.ruru.train.callbacks}). Every method has an empty default. Epochs are
 * numbered from 1; the step counts batches over the whole run, from 0.
 *
 * <p>A callback that keeps state must be able to rebuild it from the history in {@link #onResume}, so that
 * a run resumed from a checkpoint behaves exactly like one that was never interrupted.
 */
public interface Callback {
  /** Called once after {@link Trainer#resume}, before {@link #onTrainStart}, with the epochs already trained. */
  default void onResume(Trainer trainer, List<EpochMetrics> history) {}

  default void onTrainStart(Trainer trainer) {}

  default void onEpochStart(Trainer trainer, int epoch) {}

  /** Before the batch of global index {@code step} (from 0 over the whole run) is trained. */
  default void onBatchStart(Trainer trainer, long step) {}

  /** After epoch {@code metrics.epoch()}, its validation included; {@link Trainer#requestStop} ends training here. */
  default void onEpochEnd(Trainer trainer, EpochMetrics metrics) {}

  default void onTrainEnd(Trainer trainer, History history) {}
}
