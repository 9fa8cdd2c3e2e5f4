package dev.ruru.optim;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Gradients;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import java.util.Map;

/**
 * Updates a model's parameters from their gradients. One {@link #step} applies the update rule once to
 * every parameter that has a gradient; nothing accumulates between steps.
 *
 * <pre>{@code
 * Optimizer optimizer = new Adam(model.parameters(), 1e-3);   // or new Sgd(model.parameters(), 0.1, 0.9)
 * Tensor loss = Losses.crossEntropy(model.forward(x, Mode.TRAIN), labels);
 * optimizer.step(loss.backward(Params.tensors(model.parameters())));
 * }</pre>
 *
 * <p>The state ({@link #stateDict}) holds, for each parameter path, the rule's arrays and step count
 * plus the current learning rate, so a checkpoint resumes exactly.
 */
public interface Optimizer {
  /** Updates every managed parameter whose current tensor was among the leaves of {@code gradients}. */
  default void step(Gradients gradients) {
    step(Params.gradients(parameters(), gradients));
  }

  /**
   * Updates each parameter in {@code gradients} that is not frozen ({@link Parameter#isTrainable()}) with
   * its gradient (for instance after clipping); every
   * key must be a parameter this optimiser manages, with a gradient of its shape. The parameters change
   * in place; the gradient arrays do not, and an optimiser keeps none of them past the step (a training
   * loop writes the next step's gradients into the same arrays: {@code GradientBuffers}).
   */
  void step(Map<Parameter, NDArray> gradients);

  /** The managed parameters, by path, in group order. */
  Map<String, Parameter> parameters();

  /** The learning rate now applied to the first parameter group. */
  double learningRate();

  /**
   * Sets the learning rate, as a schedule does each step or epoch: the first group gets
   * {@code learningRate} and every other group keeps the ratio its configured rate has to the first
   * group's (PyTorch's schedulers scale every group alike).
   */
  void setLearningRate(double learningRate);

  /**
   * The state as arrays: {@code "<path>.<name>"} for each parameter that has state (names as
   * PyTorch's: {@code momentum_buffer}, {@code exp_avg}, {@code exp_avg_sq}, {@code square_avg},
   * {@code grad_avg}, {@code sum}, and {@code step} as an int64 scalar), plus {@code "learning_rate"}
   * (float64 scalar).
   */
  Map<String, NDArray> stateDict();

  /**
   * Restores a state written by {@link #stateDict} of an optimiser of the same kind over parameters of
   * the same paths and shapes. Every entry is checked first; on any mismatch an
   * {@link IllegalArgumentException} names it and nothing changes.
   */
  void loadStateDict(Map<String, NDArray> state);
}
