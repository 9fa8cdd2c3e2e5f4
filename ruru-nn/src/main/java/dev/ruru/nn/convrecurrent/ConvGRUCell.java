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
 * One step of a convolutional GRU (Ballas et al., 2016; Shi et al., 2017), with PyTorch's GRU gate
 * order and update convention. The reset and update gates are one convolution over [x, h]
 * ({@code gates.weight} [2·H, in + H, k, k], {@code gates.bias} [2·H]); the candidate sees h only through
 * the reset gate, so it is a second convolution over [x, r·h] ({@code candidate.weight} [H, in + H, k, k]):
 * <pre>
 *   r, z = σ(conv_gates([x, h]))
 *   n = tanh(conv_candidate([x, r·h]))
 *   h' = (1 − z)·n + z·h
 * </pre>
 */
public final class ConvGRUCell extends ConvRecurrentCell {
  private final Conv2d gates;
  private final Conv2d candidate;

  public ConvGRUCell(int inputChannels, int hiddenChannels, int kernelSize, DType dtype, RandomGenerator rng) {
    super("ConvGRUCell", inputChannels, hiddenChannels, kernelSize);
    Conv2dSpec same = Conv2dSpec.same(kernelSize, kernelSize, 1, 1);
    this.gates = new Conv2d(inputChannels + hiddenChannels, 2 * hiddenChannels, kernelSize, kernelSize, same, dtype, rng);
    this.candidate = new Conv2d(inputChannels + hiddenChannels, hiddenChannels, kernelSize, kernelSize, same, dtype, rng);
  }

  /** float32, drawing from the global {@link Seed#generator()}. */
  public ConvGRUCell(int inputChannels, int hiddenChannels, int kernelSize) {
    this(inputChannels, hiddenChannels, kernelSize, DType.FLOAT32, Seed.generator());
  }

  @Override
  RecurrentState update(Tensor x, Tensor h, Tensor c) {
    Tensor z = gates.forward(join(x, h));
    Tensor reset = block(z, 0, 2).sigmoid(), update = block(z, 1, 2).sigmoid();
    Tensor next = candidate.forward(join(x, reset.mul(h))).tanh();
    // (1 − z)·n + z·h written as n + z·(h − n): one product fewer, the same value.
    return new RecurrentState(next.add(update.mul(h.sub(next))), null);
  }

  @Override
  boolean hasCellState() { return false; }

  @Override
  Conv2d gates() { return gates; }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.merge(Params.nested("gates", gates.parameters()), Params.nested("candidate", candidate.parameters()));
  }
}
