package dev.ruru.nn;

/** How a loss combines its per-sample values, as PyTorch's {@code reduction} argument. */
public enum LossReduction {
  /** The average (for weighted cross-entropy and NLL: Σ wᵢ·lᵢ / Σ wᵢ, as PyTorch). */
  MEAN,
  /** The sum. */
  SUM,
  /** No reduction: one value per sample (or per element for the elementwise losses). */
  NONE
}
