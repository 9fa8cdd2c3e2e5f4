package dev.ruru.train;

import dev.ruru.train.metrics.EpochMetrics;
import java.util.List;

/**
 * The loss became NaN or infinite: training stopped before the bad batch could change the weights. The
 * message names the epoch and batch and, when anomaly detection re-ran the batch, the operation that first
 * produced a NaN or infinity from finite inputs. Checkpoints written before (the last good one) are kept.
 * A divergence found at the end of an epoch instead (every batch's loss was finite, but the validation loss
 * or the weights are not) names the epoch and what is not finite, and has batch 0.
 */
public final class TrainingDivergedException extends ArithmeticException {
  private static final long serialVersionUID = 1L;

  private final int epoch;
  private final int batch;
  private final String operation;
  private final transient List<EpochMetrics> completedEpochs;

  /** A loss that is not finite at batch {@code batch} of {@code batches}: {@code lossIs} says which ("the loss is NaN"). */
  public TrainingDivergedException(int epoch, int batch, int batches, String lossIs, String operation, List<EpochMetrics> completedEpochs) {
    super("training diverged: " + lossIs + " at epoch " + epoch + ", batch " + batch + " of " + batches + "; " + operation
        + "; try a lower learning rate or gradient clipping");
    this.epoch = epoch;
    this.batch = batch;
    this.operation = operation;
    this.completedEpochs = List.copyOf(completedEpochs);
  }

  /**
   * Divergence found at the end of epoch {@code epoch}: {@code problem} says what is not finite, in words
   * ("the validation loss is NaN after epoch 2, so its checkpoint is not written").
   */
  public TrainingDivergedException(int epoch, String problem, List<EpochMetrics> completedEpochs) {
    super("training diverged: " + problem + "; try a lower learning rate or gradient clipping");
    this.epoch = epoch;
    this.batch = 0;
    this.operation = problem;
    this.completedEpochs = List.copyOf(completedEpochs);
  }

  /** The epoch (from 1) whose batch diverged. */
  public int epoch() {
    return epoch;
  }

  /** The batch (from 1) within the epoch; 0 when the divergence was found at the epoch's end. */
  public int batch() {
    return batch;
  }

  /**
   * What anomaly detection found, in words ("anomaly: LOG produced NaN ..."), or why it found nothing; at an
   * epoch's end, what is not finite.
   */
  public String operation() {
    return operation;
  }

  /** The epochs whose training completed before the divergence was found (at an epoch's end, that epoch too). */
  public List<EpochMetrics> completedEpochs() {
    return completedEpochs;
  }
}
