package dev.ruru.spark;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.Batch;
import dev.ruru.data.BatchSource;
import java.util.Collections;

/**
 * The driver's view of an epoch on the cluster: one "batch" per round, as many rows as the workers train
 * on in it and no values, since the examples stay on the executors. The trainer counts progress and
 * weighs metrics by these sizes; {@link DataParallelStep} does the work.
 */
record Rounds(int batchCount, int examplesPerRound) implements BatchSource {
  @Override
  public long exampleCount() {
    return (long) batchCount * examplesPerRound;
  }

  @Override
  public Iterable<Batch> epoch(int epoch) {
    Batch placeholder = new Batch(NDArray.zeros(Shape.of(examplesPerRound, 0)), NDArray.zeros(Shape.of(examplesPerRound), DType.INT64));
    return Collections.nCopies(batchCount, placeholder);
  }
}
