package dev.ruru.nn.convrecurrent;

import dev.ruru.array.DType;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Params;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.RecurrentState;
import dev.ruru.nn.Seed;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One step of a convolutional LSTM (Shi et al., 2015), with PyTorch's LSTM gate order. With
 * z = conv([x, h]) + b over k×k neighbourhoods (parameters {@code gates.weight} [4·H, in + H, k, k] and
 * {@code gates.bias} [4·H]), split along the channels into four blocks:
 * <pre>
 *   i, f, g, o = σ(z_i), σ(z_f), tanh(z_g), σ(z_o)
 *   c' = f·c + i·g,   h' = o·tanh(c')
 * </pre>
 * Shi et al. also add peephole terms W_c∘c to i, f and o; like most implementations since, this cell
 * leaves them out (the convolution over h already sees the neighbourhood, and the LSTM in PyTorch has none).
 */
public final class ConvLSTMCell extends ConvRecurrentCell {
  private final Conv2d gates;

  public ConvLSTMCell(int inputChannels, int hiddenChannels, int kernelSize, DType dtype, RandomGenerator rng) {
    super("ConvLSTMCell", inputChannels, hiddenChannels, kernelSize);
    this.gates = new Conv2d(inputChannels + hiddenChannels, 4 * hiddenChannels, kernelSize, kernelSize,
        Conv2dSpec.same(kernelSize, kernelSize, 1, 1), dtype, rng);
  }

  /** float32, drawing from the global {@link Seed#generator()}. */
  public ConvLSTMCell(int inputChannels, int hiddenChannels, int kernelSize) {
    this(inputChannels, hiddenChannels, kernelSize, DType.FLOAT32, Seed.generator());
  }

  @Override
  RecurrentState update(Tensor x, Tensor h, Tensor c) {
    Tensor z = gates.forward(join(x, h));
    Tensor input = block(z, 0, 4).sigmoid(), forget = block(z, 1, 4).sigmoid();
    Tensor candidate = block(z, 2, 4).tanh(), output = block(z, 3, 4).sigmoid();
    Tensor cell = forget.mul(c).add(input.mul(candidate));
    return new RecurrentState(output.mul(cell.tanh()), cell);
  }

  @Override
  boolean hasCellState() { return true; }

  @Override
  Conv2d gates() { return gates; }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.nested("gates", gates.parameters());
  }
}
