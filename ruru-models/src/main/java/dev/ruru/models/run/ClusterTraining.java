package dev.ruru.models.run;

import dev.ruru.data.BatchSource;
import dev.ruru.train.TrainerBuilder;
import dev.ruru.train.objective.Objective;

/**
 * Training a run's steps data-parallel on a cluster instead of on this machine ({@code ruru train
 * --spark}; ruru-spark provides it). The run keeps its trainer, progress, checkpoints and reports; only
 * where its steps execute changes.
 */
public interface ClusterTraining extends AutoCloseable {
  /**
   * Makes {@code builder}'s steps run on the cluster: each worker makes the objective from {@code objective}
   * and reads its own shard of {@code trainingSet}; the driver's {@code driverObjective} (made from the same
   * recipe) is the one that holds the trained weights. Returns the batches to fit on.
   *
   * @param batchSize the global batch, shared among the workers
   */
  BatchSource attach(TrainerBuilder builder, Objective driverObjective, Recipe<Objective> objective, ShardedData trainingSet,
      int batchSize, long seed);

  /** The cluster in words, for the run's report ("spark local[2], 2 workers, 1 step per round"). */
  String describe();

  @Override
  void close();
}
