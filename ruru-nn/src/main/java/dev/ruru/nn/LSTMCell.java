package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.autodiff.RecurrentCell;
import java.util.random.RandomGenerator;

/** One step of {@link LSTM}: (h, c) → (h', c'). */
public final class LSTMCell extends RecurrentCellLayer {
  /** float32. */
  public LSTMCell(int inputSize, int hiddenSize, RandomGenerator rng) {
    this(inputSize, hiddenSize, DType.FLOAT32, rng);
  }

  /** As {@link #LSTMCell(int, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public LSTMCell(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, Seed.generator());
  }

  public LSTMCell(int inputSize, int hiddenSize, DType dtype, RandomGenerator rng) {
    super("LSTMCell", RecurrentCell.LSTM, inputSize, hiddenSize, dtype, rng);
  }

  /** As {@link #LSTMCell(int, int, DType, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public LSTMCell(int inputSize, int hiddenSize, DType dtype) {
    this(inputSize, hiddenSize, dtype, Seed.generator());
  }
}
