package dev.ruru.spark;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Gradients;
import dev.ruru.data.Dataset;
import dev.ruru.data.Batch;
import dev.ruru.data.DataLoader;
import dev.ruru.models.run.Recipe;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.train.Trainer;
import dev.ruru.train.TrainingDivergedException;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.TaskContext;

/**
 * A worker's part of the run, kept in the executor's memory across rounds (a cached RDD element): its
 * shard of the training set, and the objective it builds from the recipe on first use. Each round it
 * takes the broadcast state, computes, and returns a {@link Contribution}. Not serialisable on purpose:
 * it lives where it was made, and Spark rebuilds a lost one from the recipe and the shard's files.
 */
final class WorkerShard {
  private final int index;
  private final Dataset data;
  private final Recipe<Objective> recipe;
  private final DataLoader order;
  private final int localBatch;
  private Objective objective;
  private Trainer localTrainer;
  private int cachedEpoch = -1;
  private int[] cachedOrder;

  WorkerShard(int index, Dataset data, Recipe<Objective> recipe, long seed, int localBatch) {
    this.index = index;
    this.data = data;
    this.recipe = recipe;
    this.localBatch = localBatch;
    this.order = DataLoader.of(data, localBatch).shuffled(seed * 1_000_003L + index);
  }

  int size() {
    return data.size();
  }

  /** The round's work on this shard: one phase's gradients, or K local steps. */
  synchronized Contribution run(Round round) {
    TaskContext task = TaskContext.get();
    if (index == 0 && task != null && task.attemptNumber() == round.failAtAttempt()) {
      throw new IllegalStateException("spark: failure injected into shard 0, attempt " + task.attemptNumber());
    }
    long start = System.nanoTime();
    Objective built = objective();
    Map<String, NDArray> state = round.stateLayout().arrays(round.state().value(), 1.0);
    StateVector.load(built, state, !round.gradientsOnly());
    Contribution contribution = round.gradientsOnly() ? gradients(built, round) : localSteps(built, round);
    contribution.slowestSeconds = (System.nanoTime() - start) / 1e9;
    return contribution;
  }

  private Contribution gradients(Objective built, Round round) {
    Phase phase = built.phases().get(round.phase());
    Batch batch = batch(round.epoch(), round.firstStep());
    reseed(built, round, round.firstStep(), round.phase());
    Objective.Result result = built.compute(batch, phase, Mode.TRAIN);
    double loss = result.loss().item();
    Contribution contribution = new Contribution(round.resultLayout());
    int n = batch.size();
    if (Double.isFinite(loss)) {
      Map<String, Parameter> parameters = phase.optimizer().parameters();
      Gradients gradients = result.loss().backward(Params.tensors(parameters));
      Map<Parameter, NDArray> byParameter = Params.gradients(parameters, gradients);
      round.resultLayout().accumulate(StateVector.gradientsAndBuffers(built, parameters, byParameter), n, contribution.vector);
    }
    contribution.addMetric(phase.lossName(), loss, n);
    result.metrics().forEach((name, value) -> contribution.addMetric(name, value, n));
    contribution.examples = n;
    return contribution;
  }

  private Contribution localSteps(Objective built, Round round) {
    if (localTrainer == null) {
      localTrainer = Trainer.builder(built).batchSize(localBatch).quiet().build();
    }
    Map<String, Double> sums = new LinkedHashMap<>();
    int n = 0;
    for (int k = 0; k < round.localSteps(); k++) {
      Batch batch = batch(round.epoch(), round.firstStep() + k);
      reseed(built, round, round.firstStep() + k, 0);
      try {
        localTrainer.trainOnBatch(batch).forEach((name, value) -> sums.merge(name, value * batch.size(), Double::sum));
      } catch (TrainingDivergedException e) {
        Contribution diverged = new Contribution(null);
        diverged.addMetric(built.phases().get(0).lossName(), Double.NaN, 1);
        diverged.examples = 1;
        return diverged;
      }
      n += batch.size();
    }
    // Each worker's state counts once per example it trained on, like its metrics.
    Map<String, NDArray> after = StateVector.of(built, true);
    Contribution contribution = new Contribution(FlatLayout.of(after));
    contribution.layout.accumulate(after, n, contribution.vector);
    contribution.metrics.putAll(sums);
    contribution.examples = n;
    return contribution;
  }

  /** Local batch {@code step} of epoch {@code epoch}: the shard shuffled by (seed, shard, epoch), cut in equal batches. */
  private Batch batch(int epoch, int step) {
    if (epoch != cachedEpoch) {
      cachedOrder = order.order(epoch);
      cachedEpoch = epoch;
    }
    int from = step * localBatch;
    if (from + localBatch > cachedOrder.length) {
      throw new IllegalStateException("spark: shard " + index + " has " + cachedOrder.length + " examples, too few for step " + step
          + " of batch " + localBatch);
    }
    return data.batch(Arrays.copyOfRange(cachedOrder, from, from + localBatch));
  }

  private void reseed(Objective built, Round round, int step, int phase) {
    built.generators().values().forEach(generator -> generator.setState(round.generatorSeed(index, step, phase)));
  }

  private Objective objective() {
    if (objective == null) {
      objective = recipe.make();
    }
    return objective;
  }
}
