package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.autodiff.RecurrentCell;
import java.util.random.RandomGenerator;

/** One step of {@link RNN}: h' = tanh(x·W_ihᵀ + b_ih + h·W_hhᵀ + b_hh), or ReLU. */
public final class RNNCell extends RecurrentCellLayer {
  /** tanh, float32. */
  public RNNCell(int inputSize, int hiddenSize, RandomGenerator rng) {
    this(inputSize, hiddenSize, RNN.Nonlinearity.TANH, DType.FLOAT32, rng);
  }

  /** As {@link #RNNCell(int, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public RNNCell(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, Seed.generator());
  }

  public RNNCell(int inputSize, int hiddenSize, RNN.Nonlinearity nonlinearity, DType dtype, RandomGenerator rng) {
    super("RNNCell", nonlinearity == RNN.Nonlinearity.TANH ? RecurrentCell.RNN_TANH : RecurrentCell.RNN_RELU, inputSize, hiddenSize, dtype, rng);
  }

  /** As {@link #RNNCell(int, int, RNN.Nonlinearity, DType, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public RNNCell(int inputSize, int hiddenSize, RNN.Nonlinearity nonlinearity, DType dtype) {
    this(inputSize, hiddenSize, nonlinearity, dtype, Seed.generator());
  }
}
