package dev.ruru.nn;

import dev.ruru.autodiff.RecurrentCell;
import java.util.random.RandomGenerator;

/**
 * Long short-term memory (Hochreiter and Schmidhuber, 1997), PyTorch's torch.nn.LSTM: gates i, f, g, o
 * from x_t and h_{t−1}, c_t = f·c_{t−1} + i·g, h_t = o·tanh(c_t); see {@link RecurrentCell#LSTM}.
 * The forget gate lets the gradient flow through c across many steps, which a plain {@link RNN}'s
 * repeated tanh and W_hh products shrink or blow up.
 */
public final class LSTM extends RecurrentLayer {
  /** One layer, batch first, float32 ({@link RecurrentOptions#defaults()}). */
  public LSTM(int inputSize, int hiddenSize, RandomGenerator rng) {
    this(inputSize, hiddenSize, RecurrentOptions.defaults(), rng);
  }

  /** As {@link #LSTM(int, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public LSTM(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, Seed.generator());
  }

  public LSTM(int inputSize, int hiddenSize, RecurrentOptions options, RandomGenerator rng) {
    super(new RecurrentStack("LSTM", RecurrentCell.LSTM, inputSize, hiddenSize, options, rng));
  }

  /** As {@link #LSTM(int, int, RecurrentOptions, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public LSTM(int inputSize, int hiddenSize, RecurrentOptions options) {
    this(inputSize, hiddenSize, options, Seed.generator());
  }
}
