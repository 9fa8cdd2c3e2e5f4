package dev.ruru.train;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.AnomalyException;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.GradientBuffers;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.data.DataLoader;
import dev.ruru.data.Dataset;
import dev.ruru.nn.Loss;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Module;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.optim.GradientClipping;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains a model by mini-batch gradient descent, Keras's {@code fit}/{@code evaluate}/{@code predict}:
 * for each epoch, every batch of the shuffled training set goes forward in {@link Mode#TRAIN}, the loss's
 * gradients by every parameter come back by reverse mode, and the optimiser takes one step; then the
 * validation set is evaluated in {@link Mode#EVAL} and the callbacks see the epoch's {@link EpochMetrics}.
 *
 * <pre>{@code
 * Trainer trainer = Trainer.builder(model, new Sgd(model.parameters(), new SgdConfig(0.1))).batchSize(128).seed(1).build();
 * History history = trainer.fit(train, validation, 5);
 * Evaluation test = trainer.evaluate(testSet);
 * }</pre>
 *
 * <p>Reproducible: epoch {@code e} visits the examples in an order fixed by (seed, e), and the only other
 * randomness is the {@link ResumableRandom} given to the builder, so the same seed and thread count give
 * bit-identical weights; {@link #checkpoint()} after an epoch and {@link #resume} continue exactly as if
 * never interrupted. A NaN or infinite loss stops training before that batch's update
 * ({@link TrainingDivergedException}).
 */
public final class Trainer {
  private final Module model;
  private final Optimizer optimizer;
  private final Loss loss;
  private final int batchSize;
  private final long seed;
  private final ResumableRandom random;
  private final double clipNorm;
  private final ProgressBar progress;
  private final TrainerBuilder.AnomalyCheck anomalyCheck;
  private final List<Callback> callbacks;
  private final Map<String, Parameter> parameters;
  private final List<EpochMetrics> history = new ArrayList<>();
  /** Where each step's weight gradients are written: the optimiser does not keep them past its step. */
  private final GradientBuffers gradientBuffers = new GradientBuffers();
  private boolean resumed;
  private String stopRequest;

  Trainer(TrainerBuilder builder) {
    this.model = builder.model;
    this.optimizer = builder.optimizer;
    this.loss = builder.loss;
    this.batchSize = builder.batchSize;
    this.seed = builder.seed;
    this.random = builder.random;
    this.clipNorm = builder.clipNorm;
    this.progress = builder.progress != null ? builder.progress : new ProgressBar(new java.io.PrintWriter(java.io.Writer.nullWriter()), ProgressStyle.SILENT);
    this.anomalyCheck = builder.anomalyCheck;
    this.callbacks = List.copyOf(builder.callbacks);
    this.parameters = model.parameters();
  }

  /** A builder for training {@code model} with {@code optimizer} (which must manage the model's parameters). */
  public static TrainerBuilder builder(Module model, Optimizer optimizer) {
    return new TrainerBuilder(model, optimizer);
  }

  public Module model() { return model; }
  public Optimizer optimizer() { return optimizer; }
  public long seed() { return seed; }
  public int batchSize() { return batchSize; }

  /** The metrics of the epochs trained so far, in order (including those restored by {@link #resume}). */
  public List<EpochMetrics> history() {
    return List.copyOf(history);
  }

  /** Asks {@link #fit} to stop after the current epoch; {@code reason} becomes {@link History#detail()}. */
  public void requestStop(String reason) {
    stopRequest = reason;
  }

  /**
   * Trains until {@code epochs} epochs in all are done (counting those a resume restored), or a callback
   * stops it. {@code validation} may be null.
   *
   * @throws TrainingDivergedException when a batch's loss is NaN or infinite
   */
  public History fit(Dataset train, Dataset validation, int epochs) {
    if (epochs < 1) {
      throw new IllegalArgumentException("Invalid epochs: " + epochs + " (must be >= 1)");
    }
    if (train.size() == 0) {
      throw new IllegalArgumentException("fit: the training set is empty");
    }
    DataLoader loader = DataLoader.of(train, batchSize).shuffled(seed);
    if (resumed) {
      callbacks.forEach(callback -> callback.onResume(this, history()));
      resumed = false;
    }
    stopRequest = null;
    callbacks.forEach(callback -> callback.onTrainStart(this));
    for (int epoch = history.size() + 1; epoch <= epochs && stopRequest == null; epoch++) {
      int current = epoch;
      callbacks.forEach(callback -> callback.onEpochStart(this, current));
      EpochMetrics metrics = trainEpoch(loader, epoch, epochs, validation);
      history.add(metrics);
      callbacks.forEach(callback -> callback.onEpochEnd(this, metrics));
    }
    History result = stopRequest == null
        ? new History(history, History.StopReason.COMPLETED, history.size() + " epochs completed")
        : new History(history, History.StopReason.STOPPED_BY_CALLBACK, stopRequest);
    callbacks.forEach(callback -> callback.onTrainEnd(this, result));
    return result;
  }

  private EpochMetrics trainEpoch(DataLoader loader, int epoch, int epochs, Dataset validation) {
    double learningRate = optimizer.learningRate();
    long start = System.nanoTime();
    int batches = loader.batchCount();
    progress.startEpoch(epoch, epochs, batches, loader.dataset().size());
    double lossSum = 0;
    long correct = 0;
    long seen = 0;
    long labelsSeen = 0;
    int index = 0;
    long step = (long) (epoch - 1) * batches;
    for (Batch batch : loader.epoch(epoch - 1)) {
      long currentStep = step + index;
      callbacks.forEach(callback -> callback.onBatchStart(this, currentStep));
      index++;
      BatchResult result = trainBatch(batch, epoch, index, batches);
      lossSum += result.loss() * batch.size();
      correct += result.correct();
      seen += batch.size();
      labelsSeen += batch.labels().size();
      progress.update(index, seen, lossSum / seen, correct < 0 ? Double.NaN : (double) correct / labelsSeen);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Evaluation checked = validation == null || validation.size() == 0 ? null : evaluate(validation);
    EpochMetrics metrics = new EpochMetrics(epoch, lossSum / seen, correct < 0 ? Double.NaN : (double) correct / labelsSeen,
        checked == null ? Double.NaN : checked.loss(), checked == null ? Double.NaN : checked.accuracy(), seconds, learningRate);
    progress.endEpoch(summary(metrics, epochs, progress.rate(seen, seconds)));
    return metrics;
  }

  /** A batch's loss and how many of its examples were classified correctly (negative: not a classifier). */
  private record BatchResult(double loss, long correct) {}

  /** One optimisation step on {@code batch}. */
  private BatchResult trainBatch(Batch batch, int epoch, int index, int batches) {
    long randomBefore = random == null ? 0 : random.state();
    Tensor output = model.forward(Tensor.constant(batch.features()), Mode.TRAIN);
    Tensor value = loss.apply(output, batch.labels());
    double lossValue = value.item();
    if (!Double.isFinite(lossValue)) {
      throw new TrainingDivergedException(epoch, index, batches, lossValue, locateAnomaly(batch, randomBefore), history);
    }
    Gradients gradients = value.backward(Params.tensors(parameters), gradientBuffers);
    Map<Parameter, NDArray> byParameter = Params.gradients(parameters, gradients);
    if (!Double.isNaN(clipNorm)) {
      byParameter = GradientClipping.byGlobalNorm(byParameter, clipNorm).gradients();
    }
    optimizer.step(byParameter);
    return new BatchResult(lossValue, correctCount(output.value(), batch.labels()));
  }

  /** Re-runs the batch under anomaly detection, with the same random state, to name the operation. */
  private String locateAnomaly(Batch batch, long randomBefore) {
    if (anomalyCheck == TrainerBuilder.AnomalyCheck.OFF) {
      return "anomaly detection was off";
    }
    if (random != null) {
      random.setState(randomBefore);
    }
    try {
      Autodiff.detectAnomaly(() -> {
        Tensor output = model.forward(Tensor.constant(batch.features()), Mode.TRAIN);
        return loss.apply(output, batch.labels()).backward(Params.tensors(parameters));
      });
      return "anomaly detection found no operation that made NaN or Inf from finite inputs (the inputs or weights already held them)";
    } catch (AnomalyException e) {
      return e.getMessage();
    }
  }

  /**
   * Labels matched by the highest output: class scores [..., classes] against integer labels [...] (one
   * per example, or one per position for a sequence model); -1 when the outputs are not class scores.
   */
  static long correctCount(NDArray outputs, NDArray labels) {
    int last = outputs.rank() - 1;
    if (last < 1 || labels.rank() != last || !labels.dtype().isInteger()) {
      return -1;
    }
    for (int axis = 0; axis < last; axis++) {
      if (outputs.dim(axis) != labels.dim(axis)) {
        return -1;
      }
    }
    return outputs.argmax(last).eq(labels).astype(dev.ruru.array.DType.INT64).sum().getLong();
  }

  private static String summary(EpochMetrics metrics, int epochs, String rate) {
    String text = String.format(Locale.ROOT, "epoch %d/%d loss %.4f acc %.2f%%", metrics.epoch(), epochs, metrics.trainLoss(),
        100 * metrics.trainAccuracy());
    if (metrics.hasValidation()) {
      text += String.format(Locale.ROOT, " | val_loss %.4f val_acc %.2f%%", metrics.validationLoss(), 100 * metrics.validationAccuracy());
    }
    return text + String.format(Locale.ROOT, " | %.1f s (%s)", metrics.seconds(), rate);
  }

  /** Loss, accuracy and outputs on {@code data}, in evaluation mode, batch by batch, without recording gradients. */
  public Evaluation evaluate(Dataset data) {
    return evaluate(model, loss, data, batchSize);
  }

  /** {@code model}'s loss, accuracy and outputs on {@code data} in evaluation mode, {@code batchSize} examples at a time. */
  public static Evaluation evaluate(Module model, Loss loss, Dataset data, int batchSize) {
    if (data.size() == 0) {
      throw new IllegalArgumentException("evaluate: the dataset is empty");
    }
    return Autodiff.noGrad(() -> {
      List<NDArray> outputs = new ArrayList<>();
      List<NDArray> labels = new ArrayList<>();
      double lossSum = 0;
      long correct = 0;
      long labelCount = 0;
      for (Batch batch : DataLoader.of(data, batchSize).epoch(0)) {
        Tensor output = model.forward(Tensor.constant(batch.features()), Mode.EVAL);
        lossSum += loss.apply(output, batch.labels()).item() * batch.size();
        correct += correctCount(output.value(), batch.labels());
        labelCount += batch.labels().size();
        outputs.add(output.value());
        labels.add(batch.labels());
      }
      NDArray all = NDArray.concatenate(outputs, 0);
      double accuracy = correct < 0 ? Double.NaN : (double) correct / labelCount;
      return new Evaluation(lossSum / data.size(), accuracy, all, NDArray.concatenate(labels, 0));
    });
  }

  /** The model's outputs for {@code features [n, ...]}, in evaluation mode, computed in batches. */
  public NDArray predict(NDArray features) {
    return predict(model, features, batchSize);
  }

  /** {@code model}'s outputs for {@code features [n, ...]} in evaluation mode, {@code batchSize} rows at a time. */
  public static NDArray predict(Module model, NDArray features, int batchSize) {
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

  /** The state after the last completed epoch, for {@link Checkpoint#write}. */
  public Checkpoint checkpoint() {
    return new Checkpoint(history.size(), seed, random == null ? 0 : random.state(), model.stateDict(), optimizer.stateDict(), history,
        Map.of());
  }

  /**
   * Restores a checkpoint: model and optimiser state, random state and history. The next {@link #fit}
   * continues with epoch {@code checkpoint.epoch() + 1}. Nothing changes when the checkpoint does not fit
   * this trainer (another seed, other parameter names or shapes).
   */
  public void resume(Checkpoint checkpoint) {
    if (checkpoint.seed() != seed) {
      throw new IllegalArgumentException("resume: the checkpoint was trained with seed " + checkpoint.seed() + " but this trainer has seed "
          + seed + "; the data order would differ");
    }
    Map<String, NDArray> before = model.stateDict();
    model.loadStateDict(checkpoint.model());
    try {
      optimizer.loadStateDict(checkpoint.optimizer());
    } catch (IllegalArgumentException e) {
      model.loadStateDict(before);
      throw e;
    }
    if (random != null) {
      random.setState(checkpoint.randomState());
    }
    history.clear();
    history.addAll(checkpoint.history());
    resumed = true;
  }
}
