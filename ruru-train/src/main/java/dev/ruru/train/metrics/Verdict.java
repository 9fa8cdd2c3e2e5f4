package dev.ruru.train.metrics;

/** What a {@link Diagnosis} concludes from the learning curves. */
public enum Verdict {
  /** The model fits the training data and validation does as well as training, within the thresholds. */
  GOOD_FIT,
  /** Validation loss rises while training loss falls, or validation accuracy trails training accuracy by too much. */
  OVERFITTING,
  /** Training makes the model worse: the training loss rose, is not finite, or is worse than guessing; lower the learning rate. */
  DIVERGING,
  /** The model does not even fit the training data: training accuracy is low. */
  UNDERFITTING,
  /** Not enough to judge: no epochs, or no validation set to judge overfitting with. */
  UNDETERMINED
}
