package dev.ruru.nn;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.SequenceMask;
import dev.ruru.autodiff.Tensor;
import java.util.Map;

/**
 * What {@link RNN}, {@link LSTM} and {@link GRU} have in common (PyTorch's RNNBase): a stack of
 * recurrent layers over [batch, steps, features] sequences that returns every step's output and the
 * final states. {@link #forward} is the outputs alone, so a layer fits in a {@link Sequential}; {@link #run}
 * takes initial states and padding, and returns the final states too.
 *
 * <pre>{@code
 * LSTM lstm = new LSTM(64, 256, rng);
 * RecurrentOutput out = lstm.run(x, null, new int[] {64, 50, 12}, Mode.TRAIN);   // x [3, 64, 64], lengths per row
 * out.output();          // [3, 64, 256], 0 after each row's length
 * out.state().hidden();  // [1, 3, 256]: h after each row's last real step
 * }</pre>
 */
public abstract sealed class RecurrentLayer implements Layer permits RNN, LSTM, GRU {
  private final RecurrentStack stack;

  RecurrentLayer(RecurrentStack stack) {
    this.stack = stack;
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return run(input, null, (NDArray) null, mode).output();
  }

  /** The outputs and final states from {@code initial} (null: zeros), every sequence of the batch full length. */
  public RecurrentOutput run(Tensor input, RecurrentState initial, Mode mode) {
    return run(input, initial, (NDArray) null, mode);
  }

  /**
   * With a padding mask [batch, steps] (null: none), nonzero at real steps and 0 after them. Padding
   * carries the state unchanged and outputs 0, so the final states are those after each row's last
   * real step, and a reversed direction starts its real steps from the initial state.
   */
  public RecurrentOutput run(Tensor input, RecurrentState initial, NDArray mask, Mode mode) {
    return stack.run(input, initial, mask, mode);
  }

  /** With each row's length (at most the number of steps): the padding mask made from them. */
  public RecurrentOutput run(Tensor input, RecurrentState initial, int[] lengths, Mode mode) {
    int steps = input.rank() == 3 ? input.shape().dim(stack.options().batchFirst() ? 1 : 0) : 0;
    int batch = input.rank() == 3 ? input.shape().dim(stack.options().batchFirst() ? 0 : 1) : 0;
    if (lengths.length != batch) {
      throw new IllegalArgumentException(this + ": " + lengths.length + " sequence lengths for a batch of " + batch + " (input "
          + input.shape() + ")");
    }
    return stack.run(input, initial, SequenceMask.fromLengths(lengths, steps), mode);
  }

  /**
   * The outputs and final states for the rows of an embedding table [V, inputSize] at {@code ids}
   * [batch, steps]: the same as {@code run(Embedding.lookup(table, ids), initial, mode)}, with the
   * first layer's input projection computed on the V table rows instead of the batch·steps looked-up
   * ones (a character model's table has far fewer rows than a batch has steps).
   */
  public RecurrentOutput runOnEmbedding(Tensor table, NDArray ids, RecurrentState initial, Mode mode) {
    return stack.runOnTable(table, ids, initial, mode);
  }

  @Override
  public Map<String, Parameter> parameters() { return stack.parameters(); }

  public int inputSize() { return stack.inputSize(); }
  public int hiddenSize() { return stack.hiddenSize(); }
  public RecurrentOptions options() { return stack.options(); }

  /** Features of each step's output: hidden size times the number of directions. */
  public int outputSize() { return stack.hiddenSize() * stack.options().directions(); }

  @Override
  public String toString() { return stack.describe(); }
}
