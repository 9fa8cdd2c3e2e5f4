package dev.ruru.train.metrics;

/**
 * What one training epoch achieved. Losses are means over examples; NaN marks a number that was not
 * measured (no validation set).
 *
 * @param epoch the epoch's number, from 1
 * @param trainLoss mean training loss over the epoch's batches, weighted by batch size, with the weights as
 *     they were when each batch was seen (as Keras and PyTorch report it)
 * @param trainAccuracy accuracy on those batches, measured the same way
 * @param validationLoss mean loss on the validation set after the epoch, in evaluation mode
 * @param validationAccuracy accuracy on the validation set after the epoch
 * @param seconds wall time of the epoch's training pass alone (evaluation excluded)
 * @param learningRate the learning rate the epoch trained with (of the first parameter group)
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss, double validationAccuracy,
    double seconds, double learningRate) {

  /** Whether a validation set was measured. */
  public boolean hasValidation() {
    return !Double.isNaN(validationLoss);
  }
}
