package dev.ruru.spark;

import dev.ruru.data.Dataset;
import dev.ruru.data.BatchSource;
import dev.ruru.models.run.Recipe;
import dev.ruru.models.run.ShardedData;
import dev.ruru.train.Trainer;
import dev.ruru.train.TrainerBuilder;
import dev.ruru.train.objective.Objective;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;

/**
 * Data-parallel training of an objective on a Spark cluster, through the one training loop: the
 * {@link Trainer} it configures runs on the driver and each of its steps is a round on the workers.
 *
 * <pre>{@code
 * SparkTraining training = SparkTraining.on(spark, recipe, MnistShards.embeddedSample())   // dev.ruru.models.run
 *     .workers(2).syncEvery(1).batchSize(64).seed(7);
 * Trainer trainer = training.trainer(builder -> builder.quiet());
 * trainer.fit(training.rounds(), null, 5);
 * training.close();
 * }</pre>
 *
 * <p>{@code batchSize} is the global batch: each of the {@code workers} shards trains on
 * {@code batchSize / workers} examples per step, and an epoch has as many steps as the smallest shard
 * fills. Optimiser state: with {@code syncEvery = 1} it lives on the driver only (the workers send
 * gradients), so momentum and Adam's moments are exactly one machine's; with K it is each worker's copy
 * during the K steps, and the copies are averaged with the weights after them.
 */
public final class SparkTraining implements AutoCloseable {
  private final JavaSparkContext spark;
  private final Recipe<Objective> recipe;
  private final ShardedData data;
  private int workers = 2;
  private int syncEvery = 1;
  private int batchSize = 64;
  private long seed;
  private OuterMomentum outer;
  private java.nio.file.Path roundLog;
  private Objective objective;
  private JavaRDD<WorkerShard> shards;
  private DataParallelStep step;
  private Rounds rounds;

  private SparkTraining(JavaSparkContext spark, Recipe<Objective> recipe, ShardedData data) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.recipe = Objects.requireNonNull(recipe, "recipe");
    this.data = Objects.requireNonNull(data, "data");
  }

  /** Training of the objective {@code recipe} builds on {@code data}'s shards, on {@code spark}'s cluster. */
  public static SparkTraining on(JavaSparkContext spark, Recipe<Objective> recipe, ShardedData data) {
    return new SparkTraining(spark, recipe, data);
  }

  /** Shards, one task each per round; by default 2. */
  public SparkTraining workers(int count) {
    checkNotStarted();
    if (count < 1) {
      throw new IllegalArgumentException("Invalid --workers: " + count + " (must be >= 1)");
    }
    this.workers = count;
    return this;
  }

  /** Local steps per round: 1 is synchronous SGD; K averages the workers' states every K steps. */
  public SparkTraining syncEvery(int steps) {
    checkNotStarted();
    if (steps < 1) {
      throw new IllegalArgumentException("Invalid --sync-every: " + steps + " (must be >= 1)");
    }
    this.syncEvery = steps;
    return this;
  }

  /** The global batch, split evenly among the workers. */
  public SparkTraining batchSize(int size) {
    checkNotStarted();
    this.batchSize = size;
    return this;
  }

  /** Seeds the shards' shuffling and the workers' random generators. */
  public SparkTraining seed(long value) {
    checkNotStarted();
    this.seed = value;
    return this;
  }

  /**
   * With {@code syncEvery > 1}: instead of loading the workers' averaged weights, the driver takes a
   * Nesterov momentum step of rate {@code learningRate} and momentum {@code momentum} along the average's
   * difference from the weights it broadcast (SlowMo, DiLoCo's outer optimiser; {@link OuterMomentum}).
   * By default plain averaging ({@code 1, 0}).
   */
  public SparkTraining outerMomentum(double learningRate, double momentum) {
    checkNotStarted();
    this.outer = learningRate == 1 && momentum == 0 ? null : new OuterMomentum(learningRate, momentum);
    return this;
  }

  /** Appends each round's seconds, communication, megabytes and metrics to the CSV file {@code file} ({@code rounds.csv} of a run). */
  public SparkTraining roundLog(java.nio.file.Path file) {
    checkNotStarted();
    this.roundLog = file;
    return this;
  }

  /** The driver's objective: its models hold the trained weights after each round. */
  public Objective objective() {
    start(null);
    return objective;
  }

  /**
   * Makes {@code builder}, a trainer of {@code driverObjective} (made from this training's recipe), run
   * its steps on the cluster; returns the rounds to fit it on. For a run that configures its own trainer.
   */
  public BatchSource attach(TrainerBuilder builder, Objective driverObjective) {
    start(Objects.requireNonNull(driverObjective, "driverObjective"));
    builder.steps(step);
    return rounds;
  }

  /**
   * The trainer that runs the rounds: configure it further (progress, callbacks, checkpoints) through
   * {@code configure}, then {@link Trainer#fit(BatchSource, BatchSource, int) fit} it on {@link #rounds()}.
   */
  public Trainer trainer(java.util.function.UnaryOperator<TrainerBuilder> configure) {
    start(null);
    return configure.apply(Trainer.builder(objective).batchSize(batchSize).seed(seed).steps(step)).build();
  }

  /** The rounds of an epoch, for {@link Trainer#fit(BatchSource, BatchSource, int)}. */
  public BatchSource rounds() {
    start(null);
    return rounds;
  }

  /** Test hook: round {@code round} (from 1) fails once in shard 0, and Spark must retry it. */
  void injectFailure(int round) {
    start(null);
    step.injectFailure(round);
  }

  /** Frees the shards cached on the executors. */
  @Override
  public void close() {
    if (shards != null) {
      shards.unpersist(false);
    }
  }

  /** Reads the shards into the executors' memory and prepares the rounds, once; {@code driverObjective} null: made from the recipe. */
  private void start(Objective driverObjective) {
    if (objective != null) {
      if (driverObjective != null && driverObjective != objective) {
        throw new IllegalStateException("spark: this training already runs another objective");
      }
      return;
    }
    if (batchSize % workers != 0) {
      throw new IllegalArgumentException("spark: the batch size " + batchSize + " must be a multiple of --workers " + workers
          + ", so that every worker trains on as many examples; try --batch-size " + (batchSize / workers + 1) * workers);
    }
    int localBatch = batchSize / workers;
    objective = driverObjective != null ? driverObjective : recipe.make();
    ShardedData source = data;
    Recipe<Objective> build = recipe;
    long shuffleSeed = seed;
    int count = workers;
    List<Integer> indices = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      indices.add(i);
    }
    shards = spark.parallelize(indices, workers).map(i -> new WorkerShard(i, read(source, i, count), build, shuffleSeed, localBatch))
        .persist(StorageLevel.MEMORY_ONLY());
    int smallest = shards.map(WorkerShard::size).collect().stream().mapToInt(Integer::intValue).min().orElseThrow();
    int steps = smallest / localBatch;
    if (steps < syncEvery) {
      throw new IllegalArgumentException("spark: the smallest shard of " + data.describe() + " holds " + smallest + " examples, "
          + steps + " steps of " + localBatch + ", fewer than --sync-every " + syncEvery + "; use fewer workers or a smaller batch");
    }
    step = new DataParallelStep(spark, shards, objective, workers, syncEvery, seed);
    step.outerMomentum(outer);
    step.log(roundLog == null ? null : new RoundLog(roundLog));
    rounds = new Rounds(steps / syncEvery, batchSize * syncEvery);
  }

  private static Dataset read(ShardedData data, int index, int count) {
    try {
      return data.shard(index, count);
    } catch (IOException e) {
      throw new UncheckedIOException("spark: shard " + index + " of " + data.describe() + ": " + e.getMessage(), e);
    }
  }

  private void checkNotStarted() {
    if (objective != null) {
      throw new IllegalStateException("spark: the training has started; set workers, batch and seed before");
    }
  }
}
