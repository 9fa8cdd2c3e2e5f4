package dev.ruru.data;

/** What a {@link DataLoader} does with a final batch smaller than the batch size. */
public enum LastBatch {
  /** Yield it: every example is visited once per epoch. */
  KEEP,
  /** Drop it: every batch has exactly the batch size (the dropped examples vary by epoch when shuffled). */
  DROP
}
