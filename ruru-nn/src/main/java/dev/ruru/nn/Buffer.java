package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;

/**
 * State a module keeps that is not trained by gradients, such as BatchNorm1d's running mean and
 * variance: a mutable cell holding an immutable {@link NDArray}. Buffers are saved in the state
 * dictionary beside the parameters, under PyTorch's names ({@code running_mean}, {@code running_var},
 * {@code num_batches_tracked}).
 */
public final class Buffer {
  private NDArray value;

  public Buffer(NDArray value) {
    this.value = value;
  }

  public NDArray value() { return value; }
  public Shape shape() { return value.shape(); }
  public DType dtype() { return value.dtype(); }

  /** Replaces the value with one of the same shape and dtype. */
  public void set(NDArray newValue) {
    if (!newValue.shape().equals(value.shape()) || newValue.dtype() != value.dtype()) {
      throw new IllegalArgumentException("Buffer.set: expected " + value.dtype() + " " + value.shape() + ", got "
          + newValue.dtype() + " " + newValue.shape());
    }
    value = newValue;
  }

  @Override
  public String toString() {
    return "Buffer(" + value.dtype() + " " + value.shape() + ")";
  }
}
