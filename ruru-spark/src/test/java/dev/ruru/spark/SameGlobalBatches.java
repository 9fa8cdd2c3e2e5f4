package dev.ruru.spark;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import dev.ruru.data.DataLoader;
import dev.ruru.data.Dataset;
import dev.ruru.models.run.Recipe;
import dev.ruru.models.run.ShardedData;
import dev.ruru.train.Trainer;
import dev.ruru.train.objective.Objective;
import java.io.IOException;
import java.util.Arrays;

/**
 * The reference for synchronous SGD on Spark: one machine, each step on the concatenation of the shards'
 * local batches in the shards' order (each shard shuffled by its seed, as a {@link WorkerShard} does).
 */
final class SameGlobalBatches {
  private SameGlobalBatches() {}

  /** Something to do before each step, such as reseeding the objective's noise as a worker does. */
  @FunctionalInterface
  interface BeforeStep {
    void prepare(Objective objective, int epoch, int step);
  }

  /** The objective {@code recipe} makes, trained {@code epochs} epochs on one machine as {@code workers} workers would. */
  static Objective train(Recipe<Objective> recipe, ShardedData data, int workers, int batch, long seed, int epochs) throws IOException {
    return train(recipe, data, workers, batch, seed, epochs, (objective, epoch, step) -> {});
  }

  /** As {@link #train(Recipe, ShardedData, int, int, long, int)}, with {@code before} run before every step. */
  static Objective train(Recipe<Objective> recipe, ShardedData data, int workers, int batch, long seed, int epochs, BeforeStep before)
      throws IOException {
    int local = batch / workers;
    Dataset[] shards = new Dataset[workers];
    int steps = Integer.MAX_VALUE;
    for (int i = 0; i < workers; i++) {
      shards[i] = data.shard(i, workers);
      steps = Math.min(steps, shards[i].size() / local);
    }
    Objective objective = recipe.make();
    Trainer trainer = Trainer.builder(objective).quiet().build();
    for (int epoch = 0; epoch < epochs; epoch++) {
      int[][] orders = new int[workers][];
      for (int i = 0; i < workers; i++) {
        orders[i] = DataLoader.of(shards[i], local).shuffled(seed * 1_000_003L + i).order(epoch);
      }
      for (int step = 0; step < steps; step++) {
        NDArray[] features = new NDArray[workers];
        NDArray[] labels = new NDArray[workers];
        for (int i = 0; i < workers; i++) {
          Batch part = shards[i].batch(Arrays.copyOfRange(orders[i], step * local, step * local + local));
          features[i] = part.features();
          labels[i] = part.labels();
        }
        before.prepare(objective, epoch, step);
        trainer.trainOnBatch(new Batch(NDArray.concatenate(Arrays.asList(features), 0), NDArray.concatenate(Arrays.asList(labels), 0)));
      }
    }
    return objective;
  }

  /** The largest absolute difference between two arrays of one shape. */
  static double maxDifference(NDArray a, NDArray b) {
    double[] x = a.toDoubleArray();
    double[] y = b.toDoubleArray();
    double worst = 0;
    for (int i = 0; i < x.length; i++) {
      worst = Math.max(worst, Math.abs(x[i] - y[i]));
    }
    return worst;
  }
}
