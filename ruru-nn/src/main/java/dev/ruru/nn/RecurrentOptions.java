package dev.ruru.nn;

import dev.ruru.array.DType;

/**
 * How a recurrent layer ({@link RNN}, {@link LSTM}, {@link GRU}) is built, with PyTorch's meanings:
 * stacked layers, both directions, dropout between layers (not after the last), biases, dtype. Ruru's
 * layers are batch first ([batch, steps, features]) unless {@code batchFirst} is false ([steps, batch,
 * features], PyTorch's default); masks and states are always batch-major.
 *
 * <pre>{@code
 * LSTM lstm = new LSTM(64, 256, RecurrentOptions.defaults().withLayers(2).withDropout(0.2), rng);
 * }</pre>
 */
public record RecurrentOptions(int layers, boolean bidirectional, boolean batchFirst, double dropout, boolean bias, DType dtype) {
  public RecurrentOptions {
    if (layers < 1) {
      throw new IllegalArgumentException("recurrent layer: layers must be >= 1, got " + layers);
    }
    Functional.checkProbability("recurrent layer dropout", dropout);
  }

  /** One layer, one direction, batch first, no dropout, with biases, float32. */
  public static RecurrentOptions defaults() {
    return new RecurrentOptions(1, false, true, 0, true, DType.FLOAT32);
  }

  public RecurrentOptions withLayers(int count) { return new RecurrentOptions(count, bidirectional, batchFirst, dropout, bias, dtype); }
  public RecurrentOptions withBidirectional(boolean both) { return new RecurrentOptions(layers, both, batchFirst, dropout, bias, dtype); }
  public RecurrentOptions withBatchFirst(boolean first) { return new RecurrentOptions(layers, bidirectional, first, dropout, bias, dtype); }
  public RecurrentOptions withDropout(double p) { return new RecurrentOptions(layers, bidirectional, batchFirst, p, bias, dtype); }
  public RecurrentOptions withBias(boolean on) { return new RecurrentOptions(layers, bidirectional, batchFirst, dropout, on, dtype); }
  public RecurrentOptions withDtype(DType type) { return new RecurrentOptions(layers, bidirectional, batchFirst, dropout, bias, type); }

  /** 2 for a bidirectional layer, else 1. */
  public int directions() { return bidirectional ? 2 : 1; }
}
