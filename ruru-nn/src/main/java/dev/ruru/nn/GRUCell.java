package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.autodiff.RecurrentCell;
import java.util.random.RandomGenerator;

/** One step of {@link GRU}: h → h'. */
public final class GRUCell extends RecurrentCellLayer {
  /** float32. */
  public GRUCell(int inputSize, int hiddenSize, RandomGenerator rng) {
    this(inputSize, hiddenSize, DType.FLOAT32, rng);
  }

  /** As {@link #GRUCell(int, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public GRUCell(int inputSize, int hiddenSize) {
    this(inputSize, hiddenSize, Seed.generator());
  }

  public GRUCell(int inputSize, int hiddenSize, DType dtype, RandomGenerator rng) {
    super("GRUCell", RecurrentCell.GRU, inputSize, hiddenSize, dtype, rng);
  }

  /** As {@link #GRUCell(int, int, DType, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public GRUCell(int inputSize, int hiddenSize, DType dtype) {
    this(inputSize, hiddenSize, dtype, Seed.generator());
  }
}
