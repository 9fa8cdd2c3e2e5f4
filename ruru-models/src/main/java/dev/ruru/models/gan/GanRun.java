package dev.ruru.models.gan;

import dev.ruru.array.Parallel;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.nn.Params;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.callbacks.Checkpointing;
import dev.ruru.train.plot.LearningCurves;
import dev.ruru.train.plot.Png;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One GAN run, {@code ruru train --model gan}, top to bottom: build the {@link GanSpec}'s networks and the
 * {@link AdversarialObjective}; train on all the training images with the one {@link Trainer}, a progress
 * bar, a checkpoint and a sample grid after every epoch ({@link SampleGrids}); then save the generator
 * ({@link GanFiles}), the learning curves (both losses, D(x) and D(G(z))) and the animated GIF. With
 * {@code resume}, continues from the directory's checkpoint exactly.
 *
 * <pre>{@code
 * new GanRun(Path.of("runs/gan"), out).train(data, new GanRun.Settings(100, 32, false, 64, 2e-4, 0), 5, false);
 * }</pre>
 */
public final class GanRun {
  public static final String CHECKPOINT = "checkpoint.safetensors";

  private final Path directory;
  private final PrintWriter out;

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
  }

  public GanRun(Path directory, PrintWriter out) {
    this.directory = directory;
    this.out = out;
  }

  /** Trains (or with {@code resume} continues) a GAN on {@code data}'s training images up to {@code epochs} in all. */
  public History train(MnistData data, Settings settings, int epochs, boolean resume) throws IOException {
    GanSpec spec = new GanSpec(settings.latent(), settings.width(), settings.conditional() ? data.variant().classNames().size() : 0);
    AdversarialObjective gan = new AdversarialObjective(spec, new ResumableRandom(settings.seed()), new ResumableRandom(settings.seed() + 1),
        settings.learningRate());
    Files.createDirectories(directory);
    SampleGrids grids = new SampleGrids(gan, directory, settings.seed() + 2);
    Trainer trainer = Trainer.builder(gan).batchSize(settings.batchSize()).seed(settings.seed())
        .progress(new ProgressBar(out, ProgressStyle.detect())).callbacks(new Checkpointing(directory.resolve(CHECKPOINT)), grids).build();
    out.println("data: " + data.source() + ", " + data.train().size() + " training images");
    out.printf(Locale.ROOT, "model: %s (generator %,d, discriminator %,d parameters); %d epochs, batch %d, Adam %.2g beta1 0.5, %d thread%s%n",
        spec.describe(), Params.count(gan.generator().parameters()), Params.count(gan.discriminator().parameters()), epochs,
        settings.batchSize(), settings.learningRate(), Parallel.threads(), Parallel.threads() == 1 ? "" : "s");
    if (resume) {
      Checkpoint checkpoint = Checkpoint.read(directory.resolve(CHECKPOINT));
      trainer.resume(checkpoint);
      out.println("resuming after epoch " + checkpoint.epoch());
    }
    History history = trainer.fit(data.train(), null, epochs);
    GanFiles.save(directory, spec, gan.generator());
    Png.write(directory.resolve("learning_curves.png"), LearningCurves.render(history.epochs(), trainer.steps()));
    out.println("saved: " + directory.resolve("model.safetensors") + ", " + grids.frame(history.epochs().size()) + ", " + grids.animation()
        + ", " + directory.resolve("learning_curves.png"));
    out.flush();
    return history;
  }
}
