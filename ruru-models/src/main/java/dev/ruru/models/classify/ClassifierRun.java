package dev.ruru.models.classify;

import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.BatchSource;
import dev.ruru.data.DataLoader;
import dev.ruru.data.Splits;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.models.run.ClusterTraining;
import dev.ruru.models.run.MnistShards;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.run.RunDivergedException;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Params;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.TrainerBuilder;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.objective.Supervised;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One image-classifier run, {@code ruru train --model mlp|cnn}, top to bottom: hold out a stratified, seeded
 * validation split; build the {@link ModelSpec}'s network and the {@link Supervised} objective with the
 * chosen optimiser; train it with the one {@link Trainer}, a progress bar, the schedule, early stopping and
 * clipping asked for, and a checkpoint after every good epoch; evaluate it on the test set; write the model
 * (model.safetensors + model.json), metrics.json, the pictures (and for a CNN its first convolution's
 * filters and feature maps), and print the results.
 *
 * <p>A resumed run continues from its checkpoint exactly, with the settings it started with, and only on
 * the data it started with ({@link DataIdentity}); one that has all its epochs writes its outputs from it.
 *
 * <pre>{@code
 * RunSummary summary = new ClassifierRun(Path.of("runs/mlp"), out, System.nanoTime()).train(data, settings, 5);
 * }</pre>
 */
public final class ClassifierRun {
  private final Path directory;
  private final PrintWriter out;
  private final long start;
  private ClusterTraining cluster;
  private Path dataDirectory;

  /** A run writing into {@code directory}, printing to {@code out}; "done in" counts from {@code startNanos} ({@link System#nanoTime}). */
  public ClassifierRun(Path directory, PrintWriter out, long startNanos) {
    this.directory = directory;
    this.out = out;
    this.start = startNanos;
  }

  /**
   * Runs the steps on {@code cluster} instead of on this machine; its workers read the training images from
   * {@code dataDirectory} (a path every node reaches; null for the embedded sample).
   */
  public ClassifierRun onCluster(ClusterTraining cluster, Path dataDirectory) {
    this.cluster = cluster;
    this.dataDirectory = dataDirectory;
    return this;
  }

  /**
   * Trains a new run of {@code epochs} epochs on {@code data}.
   *
   * @throws RunDivergedException when training diverges; the message names the checkpoint kept
   */
  public RunSummary train(MnistData data, ClassifierSettings settings, int epochs) throws IOException {
    printData(data);
    return run(data, DataIdentity.of(data), settings, null, epochs);
  }

  /**
   * Continues the run whose {@code checkpoint} is in the directory, on {@code data}, up to {@code epochs}
   * (or the epochs it planned), with the settings it started with; refused when the data is not the same.
   */
  public RunSummary resume(MnistData data, Checkpoint checkpoint, OptionalInt epochs) throws IOException {
    Path file = directory.resolve(RunCheckpoint.FILE);
    ClassifierSettings settings = ClassifierSettings.of(checkpoint, file);
    printData(data);
    DataIdentity identity = DataIdentity.of(data);
    String stored = checkpoint.extra().get(DataIdentity.KEY);
    DataIdentity trained = stored == null ? null : DataIdentity.fromJson(stored, file.toString());
    if (trained != null && !trained.sameData(identity)) {
      throw new IllegalArgumentException("--resume: the run in " + directory + " trained on " + trained.describe() + " but now "
          + identity.describe() + " was found; point --data-dir at the data it used");
    }
    // Checkpoints from before the identity was stored name the data only.
    if (!settings.dataName().equals(identity.name())) {
      throw new IllegalArgumentException("--resume: the run in " + directory + " trained on " + settings.dataName() + " but now "
          + identity.name() + " was found; point --data-dir at the data it used");
    }
    int total = RunCheckpoint.epochsToReach(directory, checkpoint, epochs, settings.controls());
    return run(data, identity, settings, checkpoint, total);
  }

  private void printData(MnistData data) {
    out.println("data: " + data.source() + (data.isEmbeddedSample() ? " (no full dataset found; see --data-dir)" : ""));
  }

  private RunSummary run(MnistData data, DataIdentity identity, ClassifierSettings settings, Checkpoint checkpoint, int epochs)
      throws IOException {
    Splits parts = ClassifierRecipe.split(data.train(), settings);
    ClassifierRecipe recipe = new ClassifierRecipe(settings.toJson(), identity.imageShape(), data.variant().classNames());
    ModelSpec modelSpec = recipe.modelSpec();
    ResumableRandom random = new ResumableRandom(settings.seed());
    Supervised objective = recipe.objective(random);
    Layer network = objective.model();
    RunCheckpoint checkpoints = new RunCheckpoint(directory, epochs, Map.of(ClassifierSettings.KEY, settings.toJson(), DataIdentity.KEY,
        identity.toJson()), out);
    TrainerBuilder builder = Trainer.builder(objective).batchSize(settings.batchSize()).seed(settings.seed()).random(random)
        .progress(new ProgressBar(out, ProgressStyle.detect())).callbacks(checkpoints.callback());
    BatchSource train = cluster == null ? DataLoader.of(parts.train(), settings.batchSize()).shuffled(settings.seed())
        : cluster.attach(builder, objective, recipe.objectiveRecipe(), MnistShards.of(data.variant(), dataDirectory,
            settings.validationSplit(), settings.seed()), settings.batchSize(), settings.seed());
    int batches = train.batchCount();
    ArrayDataset validation = parts.validation().size() == 0 ? null : parts.validation();
    Trainer trainer = settings.controls().applyTo(builder, settings.learningRate(), epochs, batches, validation != null).build();
    describeRun(modelSpec, network, parts, data.test().size(), settings, epochs);
    if (checkpoint != null) {
      checkpoints.resume(trainer, checkpoint, epochs);
    }
    BatchSource checked = validation == null ? null : DataLoader.of(validation, settings.batchSize());
    History history = checkpoints.fit(trainer, epochs, () -> trainer.fit(train, checked, epochs));
    RunSummary summary = new RunSummary(settings.model(), settings.dataName(), modelSpec.describe(), settings.optimizer().describe(
        settings.learningRate(), settings.momentum(), settings.weightDecay()), parts.train().size(), parts.validation().size(),
        history.epochs(), trainer.steps(), objective.evaluate(data.test(), settings.batchSize()), data.variant().classNames());
    List<Path> written = writeResults(modelSpec, network, summary, settings, data.test().features());
    written.add(checkpoints.file());
    RunResults.print(out, summary, history, written, directory, (System.nanoTime() - start) / 1e9);
    return summary;
  }

  /** The model, the report and, for a CNN, the pictures of its first convolution; returns the files written. */
  private List<Path> writeResults(ModelSpec modelSpec, Layer network, RunSummary summary, ClassifierSettings settings, NDArray testImages)
      throws IOException {
    List<Path> written = new ArrayList<>();
    ModelFiles.save(directory, modelSpec, network, Map.of("dataset", settings.dataset(), "trained_on", settings.dataName()));
    written.add(directory.resolve(ModelDirectory.WEIGHTS));
    written.add(directory.resolve(ModelDirectory.DESCRIPTION));
    written.addAll(RunReport.write(directory, summary, testImages));
    if (settings.model().equals(ModelSpec.CNN)) {
      written.addAll(ConvolutionReport.write(directory, network, testImages));
    }
    return written;
  }

  private void describeRun(ModelSpec modelSpec, Layer network, Splits parts, int testSize, ClassifierSettings settings, int epochs) {
    out.printf(Locale.ROOT, "model: %s (%,d parameters)%n", modelSpec.describe(), Params.count(network.parameters()));
    out.printf(Locale.ROOT, "training %d, validation %d, test %d examples; %d epoch%s, batch %d, %s, seed %d, %d thread%s%n",
        parts.train().size(), parts.validation().size(), testSize, epochs, epochs == 1 ? "" : "s", settings.batchSize(),
        settings.optimizer().describe(settings.learningRate(), settings.momentum(), settings.weightDecay()) + settings.controls().describe(),
        settings.seed(), Parallel.threads(), Parallel.threads() == 1 ? "" : "s");
    if (cluster != null) {
      out.println("steps on " + cluster.describe() + "; each worker reads its shard of the training set");
    }
    out.flush();
  }
}
