package dev.ruru.spark;

import dev.ruru.data.BatchSource;
import dev.ruru.models.run.ClusterTraining;
import dev.ruru.models.run.Recipe;
import dev.ruru.models.run.ShardedData;
import dev.ruru.train.TrainerBuilder;
import dev.ruru.train.objective.Objective;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code ruru train --spark MASTER [--workers N] [--sync-every K]}: a run's steps on a Spark cluster. It
 * connects when a run attaches, and {@link #close} stops the context.
 */
public final class SparkCluster implements ClusterTraining {
  private final String master;
  private final int workers;
  private final int syncEvery;
  private double outerRate = 1;
  private double outerMomentum;
  private Path roundLog;
  private JavaSparkContext spark;
  private SparkTraining training;

  /** A cluster at {@code master}: {@code local[N]}, {@code spark://HOST:PORT}, or null for the master spark-submit set. */
  public SparkCluster(String master, int workers, int syncEvery) {
    if (workers < 1) {
      throw new IllegalArgumentException("Invalid --workers: " + workers + " (must be >= 1)");
    }
    if (syncEvery < 1) {
      throw new IllegalArgumentException("Invalid --sync-every: " + syncEvery + " (must be >= 1)");
    }
    this.master = master;
    this.workers = workers;
    this.syncEvery = syncEvery;
  }

  /** With K local steps, the driver's Nesterov step on the averaged weights ({@link SparkTraining#outerMomentum}). */
  public SparkCluster outerMomentum(double learningRate, double momentum) {
    new OuterMomentum(learningRate, momentum); // checks the values now rather than at the first round
    this.outerRate = learningRate;
    this.outerMomentum = momentum;
    return this;
  }

  /** Writes every round's numbers to {@code directory}'s {@code rounds.csv}, appending to what a resumed run's first part wrote. */
  public SparkCluster roundLog(Path directory) {
    this.roundLog = directory.resolve(RoundLog.FILE);
    return this;
  }

  @Override
  public BatchSource attach(TrainerBuilder builder, Objective driverObjective, Recipe<Objective> objective, ShardedData trainingSet,
      int batchSize, long seed) {
    if (training != null) {
      throw new IllegalStateException("spark: this cluster already runs a training");
    }
    spark = SparkSession.connect(master, "ruru train");
    training = SparkTraining.on(spark, objective, trainingSet).workers(workers)
        .syncEvery(syncEvery).batchSize(batchSize).seed(seed).outerMomentum(outerRate, outerMomentum);
    if (roundLog != null) {
      training.roundLog(roundLog);
    }
    return training.attach(builder, driverObjective);
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "spark %s, %d worker%s, %d step%s per round%s", master == null ? "(spark-submit's master)" : master, workers,
        workers == 1 ? "" : "s", syncEvery, syncEvery == 1 ? "" : "s", outerRate == 1 && outerMomentum == 0 ? ""
            : String.format(Locale.ROOT, ", outer momentum %s at rate %s", outerMomentum, outerRate));
  }

  @Override
  public void close() {
    if (training != null) {
      training.close();
    }
    if (spark != null) {
      spark.stop();
    }
  }
}
