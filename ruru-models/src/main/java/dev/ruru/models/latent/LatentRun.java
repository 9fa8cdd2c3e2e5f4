package dev.ruru.models.latent;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.BatchSource;
import dev.ruru.data.DataLoader;
import dev.ruru.data.Splits;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.classify.DataIdentity;
import dev.ruru.models.run.ClusterTraining;
import dev.ruru.models.run.MnistShards;
import dev.ruru.models.run.Recipe;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.run.RunDivergedException;
import dev.ruru.models.run.TrainingRecipe;
import dev.ruru.nn.Params;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.TrainerBuilder;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.objective.Objective;
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
 * One latent-model run, {@code ruru train --model autoencoder|conv-autoencoder|vae|conv-vae}, top to
 * bottom: hold out a seeded validation split; build the {@link LatentSpec}'s model and its objective
 * ({@link Reconstruction} or {@link Elbo}); train it with the one {@link Trainer}, a progress bar and a
 * checkpoint after every good epoch; evaluate it on the test set (a VAE also by the importance-weighted
 * log-likelihood); write the model, metrics.json, the learning curves and the {@link LatentPictures}.
 * A resumed run continues from its checkpoint exactly, with its settings, only on the same data.
 *
 * <pre>{@code
 * LatentReport report = new LatentRun(Path.of("runs/vae"), out, System.nanoTime()).train(data, settings, 10);
 * }</pre>
 */
public final class LatentRun {
  /** The importance-weighted estimate's samples per image, and how many test images it covers (it costs k decodes each). */
  static final int IW_SAMPLES = 50;
  static final int IW_IMAGES = 1000;
  private static final long NOISE_STREAM = 0x6E6F697365L;
  private final Path directory;
  private final PrintWriter out;
  private final long start;
  private ClusterTraining cluster;
  private Path dataDirectory;

  public LatentRun(Path directory, PrintWriter out, long startNanos) {
    this.directory = directory;
    this.out = out;
    this.start = startNanos;
  }

  /**
   * Runs the steps on {@code cluster} instead of on this machine; its workers read the training images from
   * {@code dataDirectory} (a path every node reaches; null for the embedded sample).
   */
  public LatentRun onCluster(ClusterTraining cluster, Path dataDirectory) {
    this.cluster = cluster;
    this.dataDirectory = dataDirectory;
    return this;
  }

  /**
   * What a cluster's nodes make of a run of {@code settings} on {@code variant}'s images of
   * {@code height × width} in {@code dataDirectory} (null: the embedded sample): the objective, with the
   * run's initial weights, and the training part's shards.
   */
  public static TrainingRecipe trainingRecipe(LatentSettings settings, MnistVariant variant, Path dataDirectory, int height, int width) {
    String json = settings.toJson();
    int classes = variant.classCount();
    Recipe<Objective> objective = () -> {
      LatentSettings made = LatentSettings.fromJson(json, "the run's settings");
      return objective(made.spec(classes, height, width).build(new ResumableRandom(made.seed())), made);
    };
    return new TrainingRecipe(objective, MnistShards.of(variant, dataDirectory, settings.validationSplit(), settings.seed()));
  }

  /** Whether {@code checkpoint} is a latent-model run's. */
  public static boolean isLatentRun(Checkpoint checkpoint) {
    return checkpoint.extra().containsKey(LatentSettings.KEY);
  }

  /** The settings a latent run's checkpoint holds, so that a resume loads the data it used. */
  public static LatentSettings settingsOf(Checkpoint checkpoint, Path directory) {
    return LatentSettings.fromJson(checkpoint.extra().get(LatentSettings.KEY), directory.resolve(RunCheckpoint.FILE).toString());
  }

  /**
   * Trains a new run of {@code epochs} epochs on {@code data}.
   *
   * @throws RunDivergedException when training diverges; the message names the checkpoint kept
   */
  public LatentReport train(MnistData data, LatentSettings settings, int epochs) throws IOException {
    return run(data, settings, null, epochs);
  }

  /** Continues the run whose {@code checkpoint} is in the directory, up to {@code epochs} (or those it planned); refused on other data. */
  public LatentReport resume(MnistData data, Checkpoint checkpoint, OptionalInt epochs) throws IOException {
    LatentSettings settings = settingsOf(checkpoint, directory);
    String stored = checkpoint.extra().get(DataIdentity.KEY);
    DataIdentity identity = DataIdentity.of(data);
    if (stored != null && !DataIdentity.fromJson(stored, directory.resolve(RunCheckpoint.FILE).toString()).sameData(identity)) {
      throw new IllegalArgumentException("--resume: the run in " + directory + " trained on other data than " + identity.describe()
          + "; point --data-dir at the data it used");
    }
    return run(data, settings, checkpoint, RunCheckpoint.epochsToReach(directory, checkpoint, epochs, settings.controls()));
  }

  private LatentReport run(MnistData data, LatentSettings settings, Checkpoint checkpoint, int epochs) throws IOException {
    out.println("data: " + data.source() + (data.isEmbeddedSample() ? " (no full dataset found; see --data-dir)" : ""));
    Splits parts = split(data.train(), settings);
    NDArray trainImages = data.train().features();
    LatentSpec spec = settings.spec(data.variant().classCount(), trainImages.dim(1), trainImages.dim(2));
    ResumableRandom random = new ResumableRandom(settings.seed());
    LatentModel model = spec.build(random);
    Objective objective = objective(model, settings);
    RunCheckpoint checkpoints = new RunCheckpoint(directory, epochs, Map.of(LatentSettings.KEY, settings.toJson(), DataIdentity.KEY,
        DataIdentity.of(data).toJson()), out);
    ArrayDataset validation = parts.validation().size() == 0 ? null : parts.validation();
    TrainerBuilder builder = Trainer.builder(objective).batchSize(settings.batchSize()).seed(settings.seed()).random(random)
        .progress(new ProgressBar(out, ProgressStyle.detect())).callbacks(checkpoints.callback());
    TrainingRecipe recipe = cluster == null ? null : trainingRecipe(settings, data.variant(), dataDirectory, trainImages.dim(1), trainImages.dim(2));
    BatchSource train = cluster == null ? DataLoader.of(parts.train(), settings.batchSize()).shuffled(settings.seed())
        : cluster.attach(builder, objective, recipe.objective(), recipe.data(), settings.batchSize(), settings.seed());
    Trainer trainer = settings.controls().applyTo(builder, settings.learningRate(), epochs, train.batchCount(), validation != null).build();
    describe(model, parts, data.test().size(), settings, epochs);
    if (checkpoint != null) {
      checkpoints.resume(trainer, checkpoint, epochs);
    }
    BatchSource checked = validation == null ? null : DataLoader.of(validation, settings.batchSize());
    History history = checkpoints.fit(trainer, epochs, () -> trainer.fit(train, checked, epochs));
    LatentReport report = report(model, settings, data, parts, history, trainer);
    List<Path> written = save(model, settings, data, parts.train(), report);
    written.add(checkpoints.file());
    printResults(report, written);
    return report;
  }

  private static Objective objective(LatentModel model, LatentSettings settings) {
    Optimizer optimizer = settings.optimizer().create(model.parameters(), settings.learningRate(), settings.momentum(), settings.weightDecay());
    ResumableRandom noise = new ResumableRandom(settings.seed() ^ NOISE_STREAM);
    return model.spec().isVariational()
        ? new Elbo(model, optimizer, DecoderDistribution.fromId(settings.loss()), settings.beta(), noise)
        : new Reconstruction(model, optimizer, ReconstructionLoss.fromId(settings.loss()), settings.corruption(), settings.sparsity(), noise);
  }

  private LatentReport report(LatentModel model, LatentSettings settings, MnistData data, Splits parts, History history, Trainer trainer) {
    Map<String, Double> test = trainer.evaluate(data.test());
    int images = Math.min(IW_IMAGES, data.test().size());
    double iw = Double.NaN;
    if (model.spec().isVariational()) {
      NDArray firstImages = data.test().features().slice(0, 0, images, 1);
      NDArray labels = model.spec().isConditional() ? data.test().labels().slice(0, 0, images, 1) : null;
      iw = importanceWeighted(model, DecoderDistribution.fromId(settings.loss()), firstImages, labels, settings.seed());
    }
    return new LatentReport(settings.model(), settings.dataName(), parts.train().size(), parts.validation().size(), data.test().size(),
        history.epochs(), trainer.steps(), test, iw, model.spec().isVariational() ? IW_SAMPLES : 0, model.spec().isVariational() ? images : 0);
  }

  /** The mean importance-weighted log-likelihood (k = {@link #IW_SAMPLES}) of {@code images}, in batches of 100. */
  static double importanceWeighted(LatentModel model, DecoderDistribution decoder, NDArray images, NDArray labels, long seed) {
    ResumableRandom rng = new ResumableRandom(seed + 1);
    double sum = 0;
    for (int begin = 0; begin < images.dim(0); begin += 100) {
      int end = Math.min(images.dim(0), begin + 100);
      NDArray batch = images.slice(0, begin, end, 1).astype(DType.FLOAT32);
      NDArray batchLabels = labels == null ? null : labels.slice(0, begin, end, 1);
      sum += Autodiff.noGrad(() -> Elbo.importanceWeightedLogLikelihood(model, decoder, batch, batchLabels, IW_SAMPLES, rng))
          .astype(DType.FLOAT64).sum().item();
    }
    return sum / images.dim(0);
  }

  private List<Path> save(LatentModel model, LatentSettings settings, MnistData data, ArrayDataset train, LatentReport report) throws IOException {
    LatentSpec spec = model.spec();
    LatentPictures.CodeDistribution codes = spec.isVariational() ? LatentPictures.CodeDistribution.standardNormal(spec.latent())
        : LatentPictures.CodeDistribution.of(LatentPictures.encode(model, train.features(), spec.isConditional() ? train.labels() : null));
    List<String> classNames = data.variant().classNames();
    LatentModelFiles.save(directory, model, settings.loss(), classNames, codes.mean(), codes.std(),
        Map.of("dataset", settings.dataset(), "trained_on", settings.dataName()));
    List<Path> written = new ArrayList<>(List.of(directory.resolve(ModelDirectory.WEIGHTS), directory.resolve(ModelDirectory.DESCRIPTION)));
    written.addAll(report.write(directory));
    written.addAll(LatentPictures.write(directory, model, codes, data.test().features(), data.test().labels(), classNames, settings.seed(), out));
    return written;
  }

  private void describe(LatentModel model, Splits parts, int testSize, LatentSettings settings, int epochs) {
    LatentSpec spec = model.spec();
    String objective = spec.isVariational() ? "negative ELBO, " + settings.loss() + " decoder" + (settings.beta() == 1 ? "" : ", beta " + settings.beta())
        : settings.loss() + " reconstruction" + (settings.corruption().kind() == Corruption.Kind.NONE ? "" : ", denoising " + settings.corruption().describe())
            + (settings.sparsity() > 0 ? ", L1 on the code " + settings.sparsity() : "");
    out.printf(Locale.ROOT, "model: %s (%,d parameters); objective: %s%n", spec.describe(), Params.count(model.parameters()), objective);
    out.printf(Locale.ROOT, "training %d, validation %d, test %d images; %d epoch%s, batch %d, %s, seed %d, %d thread%s%n", parts.train().size(),
        parts.validation().size(), testSize, epochs, epochs == 1 ? "" : "s", settings.batchSize(),
        settings.optimizer().describe(settings.learningRate(), settings.momentum(), settings.weightDecay()) + settings.controls().describe(),
        settings.seed(), Parallel.threads(), Parallel.threads() == 1 ? "" : "s");
    if (cluster != null) {
      out.println("steps on " + cluster.describe() + "; each worker reads its shard of the training set");
    }
    out.flush();
  }

  private void printResults(LatentReport report, List<Path> written) {
    StringBuilder test = new StringBuilder("test:");
    report.test().keySet().stream().sorted().forEach(name -> test.append(String.format(Locale.ROOT, " %s %.4f", name, report.test().get(name))));
    out.println(test);
    if (Double.isFinite(report.iwLogLikelihood())) {
      out.printf(Locale.ROOT, "test log-likelihood (importance-weighted, k = %d, first %d images): %.2f nats per image%n", report.iwSamples(),
          report.iwImages(), report.iwLogLikelihood());
    }
    out.println("wrote:");
    written.forEach(path -> out.println("  " + path));
    out.printf(Locale.ROOT, "done in %.1f s; sample with: ruru generate --model-dir %s --out samples.png%n", (System.nanoTime() - start) / 1e9,
        directory);
    out.flush();
  }

  /** Training and validation parts, stratified and seeded; all training when the split is 0 (as the cluster's shards make them). */
  private static Splits split(ArrayDataset all, LatentSettings settings) {
    return MnistShards.split(all, settings.validationSplit(), settings.seed());
  }
}
