package dev.ruru.nn;

import dev.ruru.autodiff.RecurrentCell;
import java.util.random.RandomGenerator;

/**
 * Gated recurrent unit (Cho et al., 2014), PyTorch's torch.nn.GRU: reset and update gates r, z, a
 * candidate n = tanh(p_n + r·q_n) and h_t = (1 − z)·n + z·h_{t−1}; see {@link RecurrentCell#GRU}. An LSTM
 * with the cell state folded into h: three gate blocks instead of four.
 */
public final class GRU extends RecurrentLayer {
  /** One layer, batch first, float32 ({@link RecurrentOptions#defaults()}). */
  public GRU(int inputSize, int hiddenSize, RandomGenerator rng) {
    this(inputSize, hiddenSize, RecurrentOptions.defaults(), rng);
  }

  /** As {@link #GRU(int, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public GRU(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, Seed.generator());
  }

  public GRU(int inputSize, int hiddenSize, RecurrentOptions options, RandomGenerator rng) {
    super(new RecurrentStack("GRU", RecurrentCell.GRU, inputSize, hiddenSize, options, rng));
  }

  /** As {@link #GRU(int, int, RecurrentOptions, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public GRU(int inputSize, int hiddenSize, RecurrentOptions options) {
    this(inputSize, hiddenSize, options, Seed.generator());
  }
}
