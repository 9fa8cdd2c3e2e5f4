package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Recurrence;
import dev.ruru.autodiff.RecurrentCell;
import dev.ruru.autodiff.Tensor;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One step of a recurrent cell, PyTorch's RNNCell, LSTMCell and GRUCell: for loops a user writes
 * (a decoder feeding back its own output, or a step-by-step demonstration of what a layer does).
 * Parameters {@code weight_ih} [G·H, in], {@code weight_hh} [G·H, H], {@code bias_ih}, {@code bias_hh}
 * [G·H], drawn from U(−1/√H, 1/√H); the step is {@link Recurrence} over a sequence of one.
 *
 * <pre>{@code
 * LSTMCell cell = new LSTMCell(10, 20, rng);
 * RecurrentState state = null;                       // zeros
 * for (Tensor x : inputs) {                          // each [batch, 10]
 *   state = cell.step(x, state);                     // hidden and cell [batch, 20]
 * }
 * }</pre>
 */
public abstract sealed class RecurrentCellLayer implements Layer permits RNNCell, LSTMCell, GRUCell {
  private final String name;
  private final RecurrentCell cell;
  private final int inputSize, hiddenSize;
  private final Parameter weightIh, weightHh, biasIh, biasHh;

  RecurrentCellLayer(String name, RecurrentCell cell, int inputSize, int hiddenSize, DType dtype, RandomGenerator rng) {
    if (inputSize < 1 || hiddenSize < 1) {
      throw new IllegalArgumentException(name + ": input and hidden sizes must be positive, got " + inputSize + " and " + hiddenSize);
    }
    this.name = name;
    this.cell = cell;
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    Init init = Init.uniform(-1 / Math.sqrt(hiddenSize), 1 / Math.sqrt(hiddenSize));
    int width = cell.gates() * hiddenSize;
    this.weightIh = new Parameter(init.sample(Shape.of(width, inputSize), dtype, rng));
    this.weightHh = new Parameter(init.sample(Shape.of(width, hiddenSize), dtype, rng));
    this.biasIh = new Parameter(init.sample(Shape.of(width), dtype, rng));
    this.biasHh = new Parameter(init.sample(Shape.of(width), dtype, rng));
  }

  /** The state after one step on {@code input} [batch, in] from {@code state} (null: zeros); its tensors are [batch, hidden]. */
  public RecurrentState step(Tensor input, RecurrentState state) {
    if (input.rank() != 2 || input.shape().dim(1) != inputSize) {
      throw new IllegalArgumentException(name + ": expected input [batch, " + inputSize + "], got " + input.shape());
    }
    int batch = input.shape().dim(0);
    Tensor x = input.astype(weightIh.dtype());
    Tensor h0 = state == null ? zeros(batch) : checked(state.hidden(), batch, "hidden");
    Tensor c0 = !cell.hasCellState() ? null : state == null || state.cell() == null ? zeros(batch) : checked(state.cell(), batch, "cell");
    Tensor projection = Functional.linear(x, weightIh.tensor(), biasIh.tensor()).reshape(batch, 1, cell.gates() * hiddenSize);
    Recurrence.Result r = Recurrence.run(cell, projection, weightHh.tensor(), biasHh.tensor(), h0, c0, null, false);
    return new RecurrentState(r.hidden(), r.cell());
  }

  /** The new hidden state from zeros: one step, for use in a {@link Sequential}. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return step(input, null).hidden();
  }

  private Tensor zeros(int batch) {
    return Tensor.constant(NDArray.zeros(Shape.of(batch, hiddenSize), weightIh.dtype()));
  }

  private Tensor checked(Tensor state, int batch, String what) {
    if (!state.shape().equals(Shape.of(batch, hiddenSize))) {
      throw new IllegalArgumentException(name + ": the " + what + " state must be [" + batch + ", " + hiddenSize + "], got " + state.shape());
    }
    return state.astype(weightIh.dtype());
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.merge(Params.of("weight_ih", weightIh, "weight_hh", weightHh), Params.of("bias_ih", biasIh, "bias_hh", biasHh));
  }

  public int inputSize() { return inputSize; }
  public int hiddenSize() { return hiddenSize; }

  @Override
  public String toString() {
    return name + "(" + inputSize + " -> " + hiddenSize + ")";
  }
}
