package dev.ruru.data;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A dataset held in memory as two arrays: {@code features} of shape {@code [n, ...]} (any dtype) and
 * {@code labels} of shape {@code [n]} (int64 class indices). Immutable: batches and subsets are gathered
 * copies, and the arrays are never written.
 *
 * <pre>{@code
 * ArrayDataset data = new ArrayDataset(images, labels);      // [60000, 28, 28] float32, [60000] int64
 * ArrayDataset firstTen = data.subset(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
 * ArrayDataset flat = data.mapFeatures(Preprocessing::flatten); // [60000, 784]
 * }</pre>
 */
public final class ArrayDataset implements Dataset {
  private final NDArray features;
  private final NDArray labels;

  /**
   * @param features {@code [n, ...]}, one row per example
   * @param labels {@code [n]} integer class indices (int32 is widened to int64)
   */
  public ArrayDataset(NDArray features, NDArray labels) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(labels, "labels");
    if (features.rank() == 0) {
      throw new IllegalArgumentException("ArrayDataset: features must have a first (example) dimension, got a scalar");
    }
    if (labels.rank() != 1 || !labels.dtype().isInteger()) {
      throw new IllegalArgumentException("ArrayDataset: labels must be a 1-d integer array, got shape " + labels.shape()
          + " of " + labels.dtype());
    }
    if (features.dim(0) != labels.dim(0)) {
      throw new IllegalArgumentException("ArrayDataset: " + features.dim(0) + " feature rows but " + labels.dim(0)
          + " labels (shapes " + features.shape() + " and " + labels.shape() + ")");
    }
    this.features = features;
    this.labels = labels.dtype() == DType.INT64 ? labels : labels.astype(DType.INT64);
  }

  /** All features, {@code [n, ...]}. */
  public NDArray features() {
    return features;
  }

  /** All labels, {@code [n]} int64. */
  public NDArray labels() {
    return labels;
  }

  @Override
  public int size() {
    return labels.dim(0);
  }

  /** Rows {@code indices} of both arrays, gathered in that order (a copy). */
  @Override
  public Batch batch(int[] indices) {
    NDArray picks = pickArray(indices);
    return new Batch(features.take(picks, 0), labels.take(picks, 0));
  }

  /** A new dataset of the examples at {@code indices}, in that order (copied, so it owns its arrays). */
  public ArrayDataset subset(int[] indices) {
    Batch rows = batch(indices);
    return new ArrayDataset(rows.features(), rows.labels());
  }

  /** The same labels with {@code transform(features)}, which must keep the first dimension. */
  public ArrayDataset mapFeatures(UnaryOperator<NDArray> transform) {
    return new ArrayDataset(transform.apply(features), labels);
  }

  /** Number of classes as labels {@code 0..k-1} imply: the largest label plus one (0 when empty). */
  public int classCount() {
    return size() == 0 ? 0 : (int) labels.max().item() + 1;
  }

  private NDArray pickArray(int[] indices) {
    int n = size();
    for (int i = 0; i < indices.length; i++) {
      if (indices[i] < 0 || indices[i] >= n) {
        throw new IndexOutOfBoundsException("ArrayDataset.batch: index " + indices[i] + " at position " + i
            + " is outside [0, " + n + ")");
      }
    }
    return NDArray.of(indices, indices.length);
  }

  @Override
  public String toString() {
    return "ArrayDataset(" + size() + " examples, features " + features.shape() + " " + features.dtype() + ")";
  }
}
