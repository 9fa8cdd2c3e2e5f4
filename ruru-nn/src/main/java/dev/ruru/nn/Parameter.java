package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import java.util.function.Function;

/**
 * A trainable value: a cell that owns a floating {@link NDArray}, which optimisers update in place, as
 * PyTorch's do. In place, because a fresh array every step lands on memory that has left the caches,
 * and the next forward pass then reads the weights from there: W2 at one thread went 0.70–0.73 →
 * 0.62–0.67 s an epoch with the optimiser's step in place (docs/benchmarks.md).
 *
 * <p>{@link #tensor()} returns the same {@link Tensor#variable} for the parameter's whole life, so the
 * tensor a forward pass used is the key its gradient is found under:
 * <pre>{@code
 * Tensor loss = Losses.crossEntropy(model.forward(x, Mode.TRAIN), labels);
 * Gradients grads = loss.backward(Params.tensors(model.parameters()));
 * NDArray dw = grads.get(linear.weight().tensor());
 * }</pre>
 * Every change goes through {@link #update}, which advances that tensor's version: a graph recorded
 * before a change refuses a later backward pass rather than use the changed weights. {@link #value()}
 * is the live array; copy it to keep a snapshot ({@link Layer#stateDict()} returns copies).
 */
public final class Parameter {
  private final NDArray value;
  private Tensor tensor;
  private boolean trainable = true;

  /** A parameter starting at a copy of {@code value}, which must be float32 or float64. */
  public Parameter(NDArray value) {
    if (!value.dtype().isFloating()) {
      throw new IllegalArgumentException("Parameter: values must be float32 or float64, got " + value.dtype());
    }
    this.value = value.copy();
  }

  /** The live array, changed in place by every {@link #update}; copy it to keep the current values. */
  public NDArray value() { return value; }
  public Shape shape() { return value.shape(); }
  public DType dtype() { return value.dtype(); }
  public int size() { return value.size(); }

  /** The value as a leaf that gradients can be asked for; the same object for the parameter's life. */
  public Tensor tensor() {
    if (tensor == null) {
      tensor = Tensor.variable(value);
    }
    return tensor;
  }

  /**
   * Runs {@code change} on the live array, outside any recorded graph: an optimiser's step. Graphs
   * recorded before it refuse backward afterwards (see the class documentation). Returns what
   * {@code change} returns.
   */
  public <T> T update(Function<NDArray, T> change) {
    return tensor == null ? change.apply(value) : Autodiff.noGrad(() -> tensor.updateInPlace(change));
  }

  /** Copies {@code newValue}, of this parameter's shape and dtype, into it (a model's layout never changes). */
  public void set(NDArray newValue) {
    if (!newValue.shape().equals(value.shape()) || newValue.dtype() != value.dtype()) {
      throw new IllegalArgumentException("Parameter.set: expected " + value.dtype() + " " + value.shape() + ", got "
          + newValue.dtype() + " " + newValue.shape());
    }
    update(array -> array.assignInPlace(newValue));
  }

  /**
   * Whether training changes this parameter (PyTorch's {@code requires_grad}). A frozen one gets no
   * gradient in a training step and optimisers skip it, and a BatchNorm whose weight and bias are both
   * frozen keeps its running statistics (see {@link BatchNorm1d}).
   */
  public boolean isTrainable() { return trainable; }

  /** Freezes ({@code false}) or unfreezes ({@code true}) this parameter; see {@link Layer#freeze}. */
  public void setTrainable(boolean trainable) {
    this.trainable = trainable;
  }

  @Override
  public String toString() {
    return "Parameter(" + value.dtype() + " " + value.shape() + (trainable ? "" : ", frozen") + ")";
  }
}
