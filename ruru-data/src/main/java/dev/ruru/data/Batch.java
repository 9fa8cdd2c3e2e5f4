package dev.ruru.data;

import dev.ruru.array.NDArray;
import java.util.Objects;

/**
 * A batch of examples: {@code features} of shape {@code [b, ...]} and {@code labels} of shape
 * {@code [b]} (int64 class indices) or {@code [b, ...]} (a sequence model's next token at every
 * position: [b, L]), row {@code i} of one belonging to row {@code i} of the other. A
 * single example ({@link Dataset#example(int)}) has features {@code [...]} and a rank-0 label. Arrays are
 * immutable, so the record holds them as they are.
 */
public record Batch(NDArray features, NDArray labels) {
  public Batch {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(labels, "labels");
    if (labels.rank() > 0 && (features.rank() == 0 || features.dim(0) != labels.dim(0))) {
      throw new IllegalArgumentException("Batch: features " + features.shape() + " and labels " + labels.shape()
          + " differ in their first dimension");
    }
  }

  /** Number of examples: {@code labels.dim(0)}, or 1 for a single example. */
  public int size() {
    return labels.rank() == 0 ? 1 : labels.dim(0);
  }

  /** This batch with other features (a transform's result), the labels unchanged. */
  public Batch withFeatures(NDArray newFeatures) {
    return new Batch(newFeatures, labels);
  }
}
