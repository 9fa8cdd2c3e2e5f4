package dev.ruru.nn;

/**
 * Whether a forward pass is training or evaluating. Only Dropout and BatchNorm1d behave differently:
 * Dropout drops units and BatchNorm1d normalises with the batch's statistics (and updates its running
 * ones) in {@link #TRAIN}; in {@link #EVAL} Dropout is the identity and BatchNorm1d uses its running
 * statistics. A BatchNorm whose parameters are frozen ({@link Layer#freeze}) uses its running
 * statistics in both modes.
 */
public enum Mode {
  TRAIN,
  EVAL
}
