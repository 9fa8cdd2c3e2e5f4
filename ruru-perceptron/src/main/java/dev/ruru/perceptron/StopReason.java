package dev.ruru.perceptron;

/** Why perceptron training ended. */
public enum StopReason {
  /** An epoch made no mistake, so nothing changed and no further epoch could change anything. */
  CONVERGED,
  /** The epoch limit was reached while the last epoch still made mistakes. */
  EPOCH_LIMIT
}
