package dev.ruru.nn;

import dev.ruru.autodiff.RecurrentCell;
import java.util.random.RandomGenerator;

/**
 * The Elman network, PyTorch's torch.nn.RNN: h_t = tanh(x_t·W_ihᵀ + b_ih + h_{t−1}·W_hhᵀ + b_hh), or with
 * ReLU in place of tanh. The simplest recurrence, and the one whose gradients vanish or explode over
 * long sequences (the product of T Jacobians), which {@link LSTM} and {@link GRU} were made to fix.
 */
public final class RNN extends RecurrentLayer {
  /** The nonlinearity applied at each step. */
  public enum Nonlinearity { TANH, RELU }

  /** tanh, one layer, batch first, float32. */
  public RNN(int inputSize, int hiddenSize, RandomGenerator rng) {
    this(inputSize, hiddenSize, Nonlinearity.TANH, RecurrentOptions.defaults(), rng);
  }

  /** As {@link #RNN(int, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public RNN(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, Seed.generator());
  }

  public RNN(int inputSize, int hiddenSize, Nonlinearity nonlinearity, RecurrentOptions options, RandomGenerator rng) {
    super(new RecurrentStack("RNN", nonlinearity == Nonlinearity.TANH ? RecurrentCell.RNN_TANH : RecurrentCell.RNN_RELU, inputSize,
        hiddenSize, options, rng));
  }

  /** As {@link #RNN(int, int, Nonlinearity, RecurrentOptions, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public RNN(int inputSize, int hiddenSize, Nonlinearity nonlinearity, RecurrentOptions options) {
    this(inputSize, hiddenSize, nonlinearity, options, Seed.generator());
  }
}
