package dev.ruru.data;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * The course's preprocessing steps as pure functions on arrays (inputs are not modified): scaling pixel
 * values to [0, 1], flattening examples to vectors, and one-hot labels. Standardisation, which must be
 * fitted on the training split, is {@link Standardizer}. Apply them to a whole dataset with
 * {@link ArrayDataset#mapFeatures}, or to each batch with {@link DataLoader#withTransform}.
 */
public final class Preprocessing {
  /** The largest value of an 8-bit pixel. */
  public static final double PIXEL_MAX = 255;

  private Preprocessing() {}

  /** {@code x / 255} as float32: 8-bit pixel values {@code 0..255} to {@code [0, 1]}; same shape. */
  public static NDArray scaleToUnit(NDArray pixels) {
    NDArray asFloat = pixels.dtype() == DType.FLOAT32 ? pixels : pixels.astype(DType.FLOAT32);
    return asFloat.div(PIXEL_MAX);
  }

  /** {@code [n, d1, d2, ...]} to {@code [n, d1·d2·...]}: each example becomes one row (a view when possible). */
  public static NDArray flatten(NDArray examples) {
    if (examples.rank() == 0) {
      throw new IllegalArgumentException("flatten: expected examples [n, ...], got a scalar");
    }
    // The product of the trailing dimensions, not size / n, which fails for n = 0.
    int rest = 1;
    for (int axis = 1; axis < examples.rank(); axis++) {
      rest *= examples.dim(axis);
    }
    return examples.reshape(examples.dim(0), rest);
  }

  /** Labels {@code [n]} (integers in {@code [0, classes)}) to float32 one-hot rows {@code [n, classes]}. */
  public static NDArray oneHot(NDArray labels, int classes) {
    return NDArray.oneHot(labels, classes, DType.FLOAT32);
  }

  /** {@link #flatten} applied to a batch's features, for {@link DataLoader#withTransform}. */
  public static Batch flatten(Batch batch) {
    return batch.withFeatures(flatten(batch.features()));
  }
}
