package dev.ruru.spark;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import dev.ruru.train.StepRunner;
import dev.ruru.train.TrainingDivergedException;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The driver's side of a round, as the trainer's step: broadcast the state, let every shard compute, sum
 * their contributions with {@code treeAggregate}, and update the driver's objective. With one step per
 * round each phase is its own round (a GAN's generator sees the discriminator its phase just updated, as
 * on one machine); with K the workers run all phases K times and their states are averaged.
 */
final class DataParallelStep implements StepRunner {
  /** Metric names for the communication of each round, beside the objective's. */
  static final String ROUND_SECONDS = "round_seconds";
  static final String COMMUNICATION_SECONDS = "communication_seconds";
  static final String EXCHANGED_MEGABYTES = "exchanged_megabytes";

  private final JavaSparkContext spark;
  private final JavaRDD<WorkerShard> shards;
  private final Objective objective;
  private final int workers;
  private final int syncEvery;
  private final long seed;
  private int failInRound = -1;
  private OuterMomentum outer;
  private RoundLog log;
  private int rounds;

  DataParallelStep(JavaSparkContext spark, JavaRDD<WorkerShard> shards, Objective objective, int workers, int syncEvery, long seed) {
    this.spark = spark;
    this.shards = shards;
    this.objective = objective;
    this.workers = workers;
    this.syncEvery = syncEvery;
    this.seed = seed;
  }

  /** With K local steps: the driver's momentum step on the averaged weights (null: plain averaging). */
  void outerMomentum(OuterMomentum step) {
    this.outer = step;
  }

  /** Writes every round's numbers to {@code roundLog} too (null: none). */
  void log(RoundLog roundLog) {
    this.log = roundLog;
  }

  /** Test hook: in round {@code round} (counted from 1), shard 0's first attempt fails. */
  void injectFailure(int round) {
    this.failInRound = round;
  }

  /** The outer momentum's velocity, for the run's checkpoint; nothing with plain averaging. */
  @Override
  public Map<String, Map<String, NDArray>> optimizerStates() {
    return outer == null ? Map.of() : Map.of(OuterMomentum.NAME, outer.state());
  }

  @Override
  public void loadOptimizerStates(Map<String, Map<String, NDArray>> states) {
    if (outer != null && states.containsKey(OuterMomentum.NAME)) {
      outer.load(states.get(OuterMomentum.NAME), StateVector.parameterNames(objective));
    }
  }

  @Override
  public Map<String, Double> run(Batch batch, int epoch, int index, int batches, List<EpochMetrics> history) {
    long start = System.nanoTime();
    int firstStep = (index - 1) * syncEvery;
    Map<String, Double> metrics = new LinkedHashMap<>();
    double slowest = 0;
    long bytes = 0;
    if (syncEvery == 1) {
      for (int p = 0; p < objective.phases().size(); p++) {
        Exchange exchange = exchange(StateVector.of(objective, false), gradientLayout(p), p, epoch - 1, firstStep, 0);
        check(exchange, epoch, index, batches, history);
        StateVector.apply(objective, objective.phases().get(p), exchange.sum().layout.arrays(exchange.sum().vector, 1.0 / exchange.sum().examples));
        metrics.putAll(exchange.sum().meanMetrics());
        slowest += exchange.sum().slowestSeconds;
        bytes += exchange.bytes();
      }
    } else {
      Map<String, NDArray> state = StateVector.of(objective, true);
      Exchange exchange = exchange(state, null, 0, epoch - 1, firstStep, syncEvery);
      check(exchange, epoch, index, batches, history);
      Map<String, NDArray> averaged = exchange.sum().layout.arrays(exchange.sum().vector, 1.0 / exchange.sum().examples);
      StateVector.load(objective, outer == null ? averaged : outer.step(state, averaged, StateVector.parameterNames(objective)), true);
      metrics.putAll(exchange.sum().meanMetrics());
      slowest = exchange.sum().slowestSeconds;
      bytes = exchange.bytes();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    metrics.put(ROUND_SECONDS, seconds);
    metrics.put(COMMUNICATION_SECONDS, Math.max(0, seconds - slowest));
    metrics.put(EXCHANGED_MEGABYTES, bytes / 1e6);
    if (log != null) {
      log.write(epoch, index, metrics);
    }
    return metrics;
  }

  private record Exchange(Contribution sum, long bytes) {}

  private Exchange exchange(Map<String, NDArray> state, FlatLayout resultLayout, int phase, int epoch, int firstStep, int localSteps) {
    rounds++;
    FlatLayout stateLayout = FlatLayout.of(state);
    double[] vector = new double[stateLayout.length()];
    stateLayout.accumulate(state, 1, vector);
    Broadcast<double[]> broadcast = spark.broadcast(vector);
    try {
      Round round = new Round(broadcast, stateLayout, resultLayout, phase, epoch, firstStep, localSteps, seed,
          rounds == failInRound ? 0 : -1);
      Contribution sum = shards.treeAggregate(new Contribution(null), (total, shard) -> total.plus(shard.run(round)), Contribution::plus);
      // Broadcast once to each worker, one vector back from each: what a tree or ring all-reduce moves per node.
      long bytes = 8L * (stateLayout.length() + (long) sum.vector.length) * workers;
      return new Exchange(sum, bytes);
    } finally {
      broadcast.destroy();
    }
  }

  private FlatLayout gradientLayout(int phase) {
    Phase chosen = objective.phases().get(phase);
    Map<String, NDArray> shapes = new LinkedHashMap<>();
    chosen.optimizer().parameters().forEach((path, parameter) -> shapes.put("grad/" + path, parameter.value()));
    objective.models().forEach((name, model) -> model.buffers().forEach((path, buffer) -> shapes.put("buffer/" + name + "/" + path, buffer.value())));
    return FlatLayout.of(shapes);
  }

  private void check(Exchange exchange, int epoch, int index, int batches, List<EpochMetrics> history) {
    for (Map.Entry<String, Double> metric : exchange.sum().meanMetrics().entrySet()) {
      if (!Double.isFinite(metric.getValue())) {
        throw new TrainingDivergedException(epoch, index, batches, "the mean " + metric.getKey() + " over the workers is " + metric.getValue(),
            "the workers' updates were not applied", history);
      }
    }
  }
}
