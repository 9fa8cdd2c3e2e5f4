package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;

/**
 * A trainable value: a mutable cell holding an immutable floating {@link NDArray}. Optimisers replace
 * the value with {@link #set}; nothing else in a model changes it.
 *
 * <p>{@link #tensor()} returns the same {@link Tensor#variable} until the value is set again, so the
 * tensor a forward pass used is the key its gradient is found under:
 * <pre>{@code
 * Tensor loss = Losses.crossEntropy(model.forward(x, Mode.TRAIN), labels);
 * Gradients grads = loss.backward(Params.tensors(model.parameters()));
 * NDArray dw = grads.get(linear.weight().tensor());
 * }</pre>
 */
public final class Parameter {
  private NDArray value;
  private Tensor tensor;

  /** A parameter starting at {@code value}, which must be float32 or float64. */
  public Parameter(NDArray value) {
    if (!value.dtype().isFloating()) {
      throw new IllegalArgumentException("Parameter: values must be float32 or float64, got " + value.dtype());
    }
    this.value = value;
  }

  public NDArray value() { return value; }
  public Shape shape() { return value.shape(); }
  public DType dtype() { return value.dtype(); }
  public int size() { return value.size(); }

  /** The current value as a leaf that gradients can be asked for; the same object until {@link #set}. */
  public Tensor tensor() {
    if (tensor == null) {
      tensor = Tensor.variable(value);
    }
    return tensor;
  }

  /**
   * Replaces the value with one of the same shape and dtype (a model's layout never changes under
   * training). Tensors handed out earlier keep the old value; the next {@link #tensor()} is new.
   */
  public void set(NDArray newValue) {
    if (!newValue.shape().equals(value.shape()) || newValue.dtype() != value.dtype()) {
      throw new IllegalArgumentException("Parameter.set: expected " + value.dtype() + " " + value.shape() + ", got "
          + newValue.dtype() + " " + newValue.shape());
    }
    value = newValue;
    tensor = null;
  }

  @Override
  public String toString() {
    return "Parameter(" + value.dtype() + " " + value.shape() + ")";
  }
}
