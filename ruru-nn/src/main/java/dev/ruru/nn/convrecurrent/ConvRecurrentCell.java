package dev.ruru.nn.convrecurrent;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.RecurrentState;
import java.util.List;

/**
 * One step of a convolutional recurrent cell: the state maps (h, and c for the LSTM) [batch, hidden, H, W]
 * after input x [batch, in, H, W]. The gates are convolutions over x and h joined along the channels
 * (one convolution for all gates, "same" padding at stride 1, so the maps keep their size).
 *
 * <pre>{@code
 * ConvLSTMCell cell = new ConvLSTMCell(1, 16, 5);
 * RecurrentState state = null;                  // zeros
 * for (Tensor frame : frames) {                 // each [batch, 1, 16, 16]
 *   state = cell.step(frame, state);            // hidden and cell [batch, 16, 16, 16]
 * }
 * }</pre>
 */
public abstract sealed class ConvRecurrentCell implements Layer permits ConvLSTMCell, ConvGRUCell {
  private final String name;
  private final int inputChannels, hiddenChannels, kernelSize;

  ConvRecurrentCell(String name, int inputChannels, int hiddenChannels, int kernelSize) {
    if (inputChannels < 1 || hiddenChannels < 1 || kernelSize < 1 || kernelSize % 2 == 0) {
      throw new IllegalArgumentException(name + ": channels must be positive and the kernel odd (so that 'same' padding is symmetric); got "
          + inputChannels + " -> " + hiddenChannels + ", kernel " + kernelSize);
    }
    this.name = name;
    this.inputChannels = inputChannels;
    this.hiddenChannels = hiddenChannels;
    this.kernelSize = kernelSize;
  }

  /** The state after one step on {@code input} [batch, in, H, W] from {@code state} (null: zeros). */
  public RecurrentState step(Tensor input, RecurrentState state) {
    if (input.rank() != 4 || input.shape().dim(1) != inputChannels) {
      throw new IllegalArgumentException(this + ": expected input [batch, " + inputChannels + ", height, width], got " + input.shape());
    }
    Shape stateShape = Shape.of(input.shape().dim(0), hiddenChannels, input.shape().dim(2), input.shape().dim(3));
    Tensor x = input.astype(dtype());
    Tensor h = state == null ? zeros(stateShape) : checked(state.hidden(), stateShape, "hidden");
    Tensor c = !hasCellState() ? null : state == null || state.cell() == null ? zeros(stateShape) : checked(state.cell(), stateShape, "cell");
    return update(x, h, c);
  }

  /** The cell's equations on checked inputs of the cell's dtype; {@code c} is null for cells without a cell state. */
  abstract RecurrentState update(Tensor x, Tensor h, Tensor c);

  abstract boolean hasCellState();

  abstract Conv2d gates();

  /** The new hidden state from zeros: one step, for use in a {@link dev.ruru.nn.Sequential}. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return step(input, null).hidden();
  }

  /** {@code a} and {@code b} joined along the channels (axis 1). */
  static Tensor join(Tensor a, Tensor b) {
    return Tensor.concat(List.of(a, b), 1);
  }

  /** Channel block {@code index} of {@code count} equal blocks of {@code maps}. */
  static Tensor block(Tensor maps, int index, int count) {
    int width = maps.shape().dim(1) / count;
    return maps.slice(1, index * width, (index + 1) * width, 1);
  }

  private Tensor zeros(Shape shape) {
    return Tensor.constant(NDArray.zeros(shape, dtype()));
  }

  private Tensor checked(Tensor state, Shape expected, String what) {
    if (!state.shape().equals(expected)) {
      throw new IllegalArgumentException(this + ": the " + what + " state must be " + expected + " for this input, got " + state.shape());
    }
    return state.astype(dtype());
  }

  public int inputChannels() { return inputChannels; }
  public int hiddenChannels() { return hiddenChannels; }
  public int kernelSize() { return kernelSize; }
  public DType dtype() { return gates().weight().dtype(); }

  @Override
  public String toString() {
    return name + "(" + inputChannels + " -> " + hiddenChannels + ", kernel " + kernelSize + "x" + kernelSize + ")";
  }
}
