package dev.ruru.models.gan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.Parallel;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.data.BatchSource;
import dev.ruru.data.DataLoader;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.run.ClusterTraining;
import dev.ruru.models.run.MnistShards;
import dev.ruru.models.run.Recipe;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.models.run.TrainingRecipe;
import dev.ruru.nn.Params;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.MetricsJson;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.TrainerBuilder;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.plot.LearningCurves;
import dev.ruru.train.plot.Png;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One GAN run, {@code ruru train --model gan}, top to bottom: build the {@link GanSpec}'s networks and the
 * {@link AdversarialObjective}; train on all the training images with the one {@link Trainer}, a progress
 * bar, a checkpoint and a sample grid after every epoch ({@link SampleGrids}); then save the generator
 * ({@link GanFiles}), the learning curves (both losses, D(x) and D(G(z))) and the animated GIF.
 * {@link #resume} continues from the directory's checkpoint exactly, with the settings stored in it.
 *
 * <pre>{@code
 * new GanRun(Path.of("runs/gan"), out).train(data, new GanRun.Settings(100, 32, false, 64, 2e-4, 0), 5);
 * }</pre>
 */
public final class GanRun {
  static final String SETTINGS_KEY = "gan";
  static final String DATASET_KEY = "gan_dataset";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path directory;
  private final PrintWriter out;
  private ClusterTraining cluster;
  private Path dataDirectory;

  /**
   * @param latent the noise size L
   * @param width the networks' width f
   * @param conditional whether both networks see the class
   * @param batchSize real images per step (and as many fakes)
   * @param learningRate both Adams' rate (β₁ 0.5, as DCGAN)
   * @param seed the weights' seed; the noise is drawn from seed + 1
   */
  public record Settings(int latent, int width, boolean conditional, int batchSize, double learningRate, long seed) {
    public Settings {
      if (batchSize < 2) {
        throw new IllegalArgumentException("gan: --batch-size must be at least 2 (batch normalisation needs a batch), got " + batchSize);
      }
      if (!(learningRate > 0)) {
        throw new IllegalArgumentException("gan: --lr must be positive, got " + learningRate);
      }
    }

    /** {@code "latent=100 width=32 conditional=false batch=64 lr=0.0002 seed=0"}: what a checkpoint keeps to resume with. */
    public String toText() {
      return "latent=" + latent + " width=" + width + " conditional=" + conditional + " batch=" + batchSize + " lr=" + learningRate
          + " seed=" + seed;
    }

    /** The settings {@link #toText} wrote; {@code source} names the file in a message. */
    public static Settings fromText(String text, String source) {
      Map<String, String> values = new HashMap<>();
      for (String pair : text.trim().split(" ")) {
        String[] parts = pair.split("=", 2);
        values.put(parts[0], parts.length == 2 ? parts[1] : "");
      }
      try {
        return new Settings(Integer.parseInt(values.get("latent")), Integer.parseInt(values.get("width")),
            Boolean.parseBoolean(values.get("conditional")), Integer.parseInt(values.get("batch")), Double.parseDouble(values.get("lr")),
            Long.parseLong(values.get("seed")));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(source + ": unreadable GAN settings '" + text + "' (" + e.getMessage() + ")", e);
      }
    }
  }

  /** Whether {@code checkpoint} is a GAN run's, written by {@link #train}. */
  public static boolean isGanRun(Checkpoint checkpoint) {
    return checkpoint.extra().containsKey(SETTINGS_KEY);
  }

  /** The dataset id ({@code fashion-mnist}, {@code mnist}) a GAN checkpoint trained on. */
  public static String datasetOf(Checkpoint checkpoint) {
    return checkpoint.extra().getOrDefault(DATASET_KEY, "fashion-mnist");
  }

  public GanRun(Path directory, PrintWriter out) {
    this.directory = directory;
    this.out = out;
  }

  /**
   * Runs the steps on {@code cluster} instead of on this machine; its workers read the training images from
   * {@code dataDirectory} (a path every node reaches; null for the embedded sample). With one step per
   * round each phase is a round (the generator's sees the discriminator its round just updated); with K
   * the workers run K whole steps and both models and both Adams are averaged.
   */
  public GanRun onCluster(ClusterTraining cluster, Path dataDirectory) {
    this.cluster = cluster;
    this.dataDirectory = dataDirectory;
    return this;
  }

  /**
   * What a cluster's nodes make of a run of {@code settings} on {@code variant}'s training images in
   * {@code dataDirectory} (null: the embedded sample): the objective, with the run's initial weights, and
   * shards of all the training images (a GAN holds none out).
   */
  public static TrainingRecipe trainingRecipe(Settings settings, MnistVariant variant, Path dataDirectory) {
    String text = settings.toText();
    int classes = settings.conditional() ? variant.classNames().size() : 0;
    Recipe<Objective> objective = () -> objective(Settings.fromText(text, "the run's settings"), classes);
    return new TrainingRecipe(objective, MnistShards.of(variant, dataDirectory, 0, settings.seed()));
  }

  /** The GAN of {@code settings}: weights drawn from the seed, noise from seed + 1. */
  private static AdversarialObjective objective(Settings settings, int classes) {
    return new AdversarialObjective(new GanSpec(settings.latent(), settings.width(), classes), new ResumableRandom(settings.seed()),
        new ResumableRandom(settings.seed() + 1), settings.learningRate());
  }

  /** Trains a new GAN on {@code data}'s training images for {@code epochs}. */
  public History train(MnistData data, Settings settings, int epochs) throws IOException {
    return run(data, settings, epochs, null);
  }

  /** Continues the run whose {@code checkpoint} this is, with its settings, up to {@code epochs} in all (default: the epochs it planned). */
  public History resume(MnistData data, Checkpoint checkpoint, OptionalInt epochs) throws IOException {
    Settings settings = Settings.fromText(checkpoint.extra().get(SETTINGS_KEY), directory.resolve(RunCheckpoint.FILE).toString());
    // GAN runs take no learning-rate schedule, so any new total of epochs keeps the run's meaning.
    return run(data, settings, RunCheckpoint.epochsToReach(directory, checkpoint, epochs, TrainingControls.NONE), checkpoint);
  }

  private History run(MnistData data, Settings settings, int epochs, Checkpoint checkpoint) throws IOException {
    AdversarialObjective gan = objective(settings, settings.conditional() ? data.variant().classNames().size() : 0);
    GanSpec spec = gan.spec();
    Files.createDirectories(directory);
    SampleGrids grids = new SampleGrids(gan, directory, settings.seed() + 2);
    RunCheckpoint checkpoints = new RunCheckpoint(directory, epochs, Map.of(SETTINGS_KEY, settings.toText(), DATASET_KEY, data.variant().id()),
        out);
    TrainerBuilder builder = Trainer.builder(gan).batchSize(settings.batchSize()).seed(settings.seed())
        .progress(new ProgressBar(out, ProgressStyle.detect())).callbacks(checkpoints.callback(), grids);
    TrainingRecipe recipe = cluster == null ? null : trainingRecipe(settings, data.variant(), dataDirectory);
    BatchSource train = cluster == null ? DataLoader.of(data.train(), settings.batchSize()).shuffled(settings.seed())
        : cluster.attach(builder, gan, recipe.objective(), recipe.data(), settings.batchSize(), settings.seed());
    Trainer trainer = builder.build();
    out.println("data: " + data.source() + ", " + data.train().size() + " training images");
    if (cluster != null) {
      out.println("steps on " + cluster.describe() + "; each worker reads its shard of the training images");
    }
    out.printf(Locale.ROOT, "model: %s (generator %,d, discriminator %,d parameters); %d epochs, batch %d, Adam %.2g beta1 0.5, %d thread%s%n",
        spec.describe(), Params.count(gan.generator().parameters()), Params.count(gan.discriminator().parameters()), epochs,
        settings.batchSize(), settings.learningRate(), Parallel.threads(), Parallel.threads() == 1 ? "" : "s");
    if (checkpoint != null) {
      checkpoints.resume(trainer, checkpoint, epochs);
    }
    History history = checkpoints.fit(trainer, epochs, () -> trainer.fit(train, null, epochs));
    GanFiles.save(directory, spec, gan.generator());
    writeMetrics(spec, history);
    Png.write(directory.resolve("learning_curves.png"), LearningCurves.render(history.epochs(), trainer.steps()));
    out.println("saved: " + directory.resolve("model.safetensors") + ", metrics.json, " + grids.frame(history.epochs().size()) + ", " + grids.animation()
        + ", " + directory.resolve("learning_curves.png"));
    out.flush();
    return history;
  }

  /** metrics.json: the model and every epoch's losses, D's beliefs and seconds. */
  private void writeMetrics(GanSpec spec, History history) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("task", "gan");
    root.put("model", spec.describe());
    ArrayNode epochs = root.putArray("epochs");
    history.epochs().forEach(epoch -> epochs.add(MetricsJson.epoch(epoch)));
    AtomicFile.writeString(directory.resolve("metrics.json"), JSON.writeValueAsString(root) + "\n");
  }
}
