package dev.ruru.train;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.data.BatchSource;
import dev.ruru.data.DataLoader;
import dev.ruru.data.Dataset;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.metrics.StepLog;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.PassMetrics;
import dev.ruru.train.objective.Phase;
import dev.ruru.train.progress.ProgressBar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one training loop, Keras's {@code fit}/{@code evaluate}/{@code predict} for any {@link Objective}:
 * for each epoch, every batch of the training source goes through a {@link TrainingStep} (each phase's
 * loss in {@link Mode#TRAIN}, its gradients by reverse mode, its optimiser's step); then the validation
 * source is evaluated in {@link Mode#EVAL} and the callbacks see the epoch's {@link EpochMetrics}.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder(new Supervised(model, new Adam(model.parameters(), 1e-3), Loss.crossEntropy()))
 *     .batchSize(128).seed(1).build();
 * History history = trainer.fit(train, validation, 5);
 * Map<String, Double> test = trainer.evaluate(testSet);          // {loss=..., accuracy=...}
 * }</pre>
 *
 * <p>Reproducible: epoch {@code e} visits the examples in an order fixed by (seed, e), and the only other
 * randomness is the {@link ResumableRandom}s given to the builder and named by the objective, so the same
 * seed and thread count give bit-identical weights; {@link #checkpoint()} after an epoch and
 * {@link #resume} continue exactly as if never interrupted. A NaN or infinite loss stops training before
 * that phase's update ({@link TrainingDivergedException}).
 */
public final class Trainer {
  private final Objective objective;
  private final int batchSize;
  private final long seed;
  private final Map<String, ResumableRandom> generators;
  private final ProgressBar progress;
  private final List<Callback> callbacks;
  private final StepRunner step;
  private final List<EpochMetrics> history = new ArrayList<>();
  private StepLog steps = new StepLog();
  private boolean resumed;
  private String stopRequest;

  Trainer(TrainerBuilder builder, Objective objective) {
    this.objective = objective;
    this.batchSize = builder.batchSize;
    this.seed = builder.seed;
    this.generators = generators(builder.random, objective);
    this.progress = builder.progress;
    this.callbacks = List.copyOf(builder.callbacks);
    this.step = builder.stepRunner != null ? builder.stepRunner
        : new TrainingStep(objective, builder.clipNorm, builder.anomalyCheck, generators);
  }

  private static Map<String, ResumableRandom> generators(ResumableRandom random, Objective objective) {
    Map<String, ResumableRandom> all = new LinkedHashMap<>();
    if (random != null) {
      all.put("random", random);
    }
    objective.generators().forEach((name, generator) -> {
      if (all.putIfAbsent(name, generator) != null && all.get(name) != generator) {
        throw new IllegalArgumentException("Trainer: two random generators are named '" + name + "'");
      }
    });
    return all;
  }

  /** A builder for training {@code objective}. */
  public static TrainerBuilder builder(Objective objective) {
    return new TrainerBuilder(objective);
  }

  /** A builder for the usual case: {@code model} against labels (softmax cross-entropy unless {@link TrainerBuilder#loss} says otherwise). */
  public static TrainerBuilder builder(Layer model, Optimizer optimizer) {
    return new TrainerBuilder(model, optimizer);
  }

  public Objective objective() { return objective; }
  public long seed() { return seed; }
  public int batchSize() { return batchSize; }

  /** The objective's model named {@code "model"}, or its only one. */
  public Layer model() {
    Map<String, Layer> models = objective.models();
    Layer model = models.get("model");
    if (model == null && models.size() != 1) {
      throw new IllegalStateException("Trainer: the objective has models " + models.keySet() + "; ask the objective for one by name");
    }
    return model != null ? model : models.values().iterator().next();
  }

  /** The optimiser of the first phase (the only one for most objectives). */
  public Optimizer optimizer() {
    return objective.phases().get(0).optimizer();
  }

  /** Every phase's optimiser, by its name in checkpoints, in phase order. */
  public Map<String, Optimizer> optimizers() {
    Map<String, Optimizer> optimizers = new LinkedHashMap<>();
    for (Phase phase : objective.phases()) {
      Optimizer known = optimizers.putIfAbsent(phase.optimizerName(), phase.optimizer());
      if (known != null && known != phase.optimizer()) {
        throw new IllegalStateException("Trainer: two phases name different optimisers '" + phase.optimizerName() + "'");
      }
    }
    return optimizers;
  }

  /** The metrics of the epochs trained so far, in order (including those restored by {@link #resume}). */
  public List<EpochMetrics> history() {
    return List.copyOf(history);
  }

  /** The training metrics of every step so far (including those restored by {@link #resume}). */
  public StepLog steps() {
    return StepLog.of(steps.toArrays());
  }

  /** Asks {@link #fit} to stop after the current epoch; {@code reason} becomes {@link History#detail()}. */
  public void requestStop(String reason) {
    stopRequest = reason;
  }

  /**
   * Trains on {@code train}, shuffled by the seed, batch by batch, until {@code epochs} epochs in all are
   * done (counting those a resume restored), or a callback stops it. {@code validation} may be null.
   *
   * @throws TrainingDivergedException when a batch's loss is NaN or infinite
   */
  public History fit(Dataset train, Dataset validation, int epochs) {
    if (train.size() == 0) {
      throw new IllegalArgumentException("fit: the training set is empty");
    }
    return fit(DataLoader.of(train, batchSize).shuffled(seed), validation == null || validation.size() == 0 ? null
        : DataLoader.of(validation, batchSize), epochs);
  }

  /** Trains on the batches of {@code train}, in its order, as {@link #fit(Dataset, Dataset, int)} does. */
  public History fit(BatchSource train, BatchSource validation, int epochs) {
    if (epochs < 1) {
      throw new IllegalArgumentException("Invalid epochs: " + epochs + " (must be >= 1)");
    }
    if (train.batchCount() == 0) {
      throw new IllegalArgumentException("fit: the training source has no batches");
    }
    if (resumed) {
      callbacks.forEach(callback -> callback.onResume(this, history()));
      resumed = false;
    }
    stopRequest = null;
    callbacks.forEach(callback -> callback.onTrainStart(this));
    for (int epoch = history.size() + 1; epoch <= epochs && stopRequest == null; epoch++) {
      int current = epoch;
      callbacks.forEach(callback -> callback.onEpochStart(this, current));
      EpochMetrics metrics = trainEpoch(train, epoch, epochs, validation);
      history.add(metrics);
      callbacks.forEach(callback -> callback.onEpochEnd(this, metrics));
    }
    History result = stopRequest == null
        ? new History(history, History.StopReason.COMPLETED, history.size() + " epochs completed")
        : new History(history, History.StopReason.STOPPED_BY_CALLBACK, stopRequest);
    callbacks.forEach(callback -> callback.onTrainEnd(this, result));
    return result;
  }

  private EpochMetrics trainEpoch(BatchSource train, int epoch, int epochs, BatchSource validation) {
    double learningRate = optimizer().learningRate();
    long start = System.nanoTime();
    int batches = train.batchCount();
    progress.startEpoch(epoch, epochs, batches, train.exampleCount());
    PassMetrics pass = objective.newPass();
    objective.startPass(Mode.TRAIN);
    long seen = 0;
    int index = 0;
    long first = (long) (epoch - 1) * batches;
    for (Batch batch : train.epoch(epoch - 1)) {
      long currentStep = first + index;
      callbacks.forEach(callback -> callback.onBatchStart(this, currentStep));
      index++;
      Map<String, Double> metrics = step.run(batch, epoch, index, batches, history);
      steps.add(metrics);
      pass.add(batch, metrics, null);
      seen += batch.size();
      progress.update(index, seen, pass::values);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> checked = validation == null ? Map.of() : evaluate(validation);
    EpochMetrics metrics = new EpochMetrics(epoch, pass.values(), checked, seconds, learningRate);
    progress.endEpoch(ProgressBar.summary(metrics, epochs, progress.rate(seen, seconds)));
    return metrics;
  }

  /**
   * One step on {@code batch} outside any epoch, Keras's {@code train_on_batch}: every phase's loss,
   * gradients and update, with the same divergence check as {@link #fit}; returns the step's metrics. No
   * callback runs and the history does not change (benchmarks time steps this way).
   */
  public Map<String, Double> trainOnBatch(Batch batch) {
    return step.run(batch, history.size() + 1, 1, 1, history);
  }

  /** The objective's metrics on {@code data} in evaluation mode, batch by batch, without recording gradients. */
  public Map<String, Double> evaluate(Dataset data) {
    if (data.size() == 0) {
      throw new IllegalArgumentException("evaluate: the dataset is empty");
    }
    return evaluate(DataLoader.of(data, batchSize));
  }

  /** The objective's metrics on the batches of {@code data} (its epoch 0), in evaluation mode. */
  public Map<String, Double> evaluate(BatchSource data) {
    return evaluate(objective, data).values();
  }

  /**
   * One evaluation pass of {@code objective} over {@code data}'s epoch 0: every phase computed in
   * {@link Mode#EVAL} without gradients, summed up by the objective's {@link Objective#newPass()}.
   */
  public static PassMetrics evaluate(Objective objective, BatchSource data) {
    return Autodiff.noGrad(() -> {
      PassMetrics pass = objective.newPass();
      objective.startPass(Mode.EVAL);
      for (Batch batch : data.epoch(0)) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        NDArray outputs = null;
        for (Phase phase : objective.phases()) {
          Objective.Result result = objective.compute(batch, phase, Mode.EVAL);
          metrics.put(phase.lossName(), result.loss().item());
          metrics.putAll(result.metrics());
          outputs = outputs != null ? outputs : result.outputs();
        }
        pass.add(batch, metrics, outputs);
      }
      return pass;
    });
  }

  /** {@code model}'s outputs for {@code features [n, ...]} in evaluation mode, {@code batchSize} rows at a time. */
  public static NDArray predict(Layer model, NDArray features, int batchSize) {
    if (features.rank() == 0 || features.dim(0) == 0) {
      throw new IllegalArgumentException("predict: expected features [n, ...] with n >= 1, got " + features.shape());
    }
    return Autodiff.noGrad(() -> {
      List<NDArray> outputs = new ArrayList<>();
      for (int start = 0; start < features.dim(0); start += batchSize) {
        NDArray rows = features.slice(0, start, Math.min(start + batchSize, features.dim(0)), 1);
        outputs.add(model.forward(Tensor.constant(rows), Mode.EVAL).value());
      }
      return NDArray.concatenate(outputs, 0);
    });
  }

  /** {@link #model()}'s outputs for {@code features [n, ...]}, in evaluation mode, in batches. */
  public NDArray predict(NDArray features) {
    return predict(model(), features, batchSize);
  }

  /** The state after the last completed epoch, for {@link Checkpoint#write}. */
  public Checkpoint checkpoint() {
    Map<String, Map<String, NDArray>> models = new LinkedHashMap<>();
    objective.models().forEach((name, model) -> models.put(name, model.stateDict()));
    Map<String, Map<String, NDArray>> optimizerStates = new LinkedHashMap<>();
    optimizers().forEach((name, optimizer) -> optimizerStates.put(name, optimizer.stateDict()));
    optimizerStates.putAll(step.optimizerStates());
    Map<String, Long> states = new LinkedHashMap<>();
    generators.forEach((name, random) -> states.put(name, random.state()));
    return new Checkpoint(history.size(), seed, states, models, optimizerStates, history, steps.toArrays(), Map.of());
  }

  /**
   * Restores a checkpoint: every model's and optimiser's state, the random states and the history. The
   * next {@link #fit} continues with epoch {@code checkpoint.epoch() + 1}. Nothing changes when the
   * checkpoint does not fit this trainer (another seed, other models, optimisers or generators, other
   * parameter names or shapes).
   */
  public void resume(Checkpoint checkpoint) {
    if (checkpoint.seed() != seed) {
      throw new IllegalArgumentException("resume: the checkpoint was trained with seed " + checkpoint.seed() + " but this trainer has seed "
          + seed + "; the data order would differ");
    }
    Map<String, Optimizer> optimizers = optimizers();
    sameNames("models", checkpoint.models().keySet(), objective.models().keySet());
    Map<String, Map<String, NDArray>> runnerStates = new LinkedHashMap<>(checkpoint.optimizers());
    runnerStates.keySet().retainAll(step.optimizerStates().keySet());
    sameNames("optimisers", checkpoint.optimizers().keySet(), union(optimizers.keySet(), runnerStates.keySet()));
    sameNames("random generators", checkpoint.randomStates().keySet(), generators.keySet());
    StepLog restored = checkpoint.stepLog();
    Checkpoint before = checkpoint();
    try {
      objective.models().forEach((name, model) -> model.loadStateDict(checkpoint.models().get(name)));
      optimizers.forEach((name, optimizer) -> optimizer.loadStateDict(checkpoint.optimizers().get(name)));
    } catch (IllegalArgumentException e) {
      // Each load checks everything before it changes anything; the ones before a refusal are undone.
      objective.models().forEach((name, model) -> model.loadStateDict(before.models().get(name)));
      optimizers.forEach((name, optimizer) -> optimizer.loadStateDict(before.optimizers().get(name)));
      throw e;
    }
    step.loadOptimizerStates(runnerStates);
    checkpoint.randomStates().forEach((name, state) -> generators.get(name).setState(state));
    history.clear();
    history.addAll(checkpoint.history());
    steps = restored;
    resumed = true;
  }

  private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    java.util.Set<String> all = new java.util.LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static void sameNames(String what, java.util.Set<String> saved, java.util.Set<String> here) {
    if (!saved.equals(here)) {
      throw new IllegalArgumentException("resume: the checkpoint holds " + what + " " + saved + " but this trainer has " + here);
    }
  }
}
