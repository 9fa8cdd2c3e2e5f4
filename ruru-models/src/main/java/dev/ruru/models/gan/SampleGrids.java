package dev.ruru.models.gan;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.train.Callback;
import dev.ruru.train.History;
import dev.ruru.train.Trainer;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.plot.AnimatedGif;
import dev.ruru.train.plot.Png;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * After every epoch, the generator's samples for one fixed set of noise vectors as a PNG grid
 * ({@code samples/epoch-001.png}, ...), so the pictures show the same z's images improving; at the end
 * of training, all the epochs' grids as one looping animated GIF ({@code samples.gif}). A conditional GAN's
 * grid has a column per class. The frames are read back from the PNG files, so a resumed run's GIF
 * still starts at epoch 1.
 */
public final class SampleGrids implements Callback {
  static final int UNCONDITIONAL_SAMPLES = 64;
  private static final int SCALE = 2;
  private static final int FRAME_MILLIS = 500;

  private final AdversarialObjective gan;
  private final Path directory;
  private final NDArray noise;
  private final NDArray labels;
  private final int across;

  /** Grids of {@code gan}'s samples into {@code directory}, for noise drawn from {@code seed} (not the training generator). */
  public SampleGrids(AdversarialObjective gan, Path directory, long seed) {
    this.gan = gan;
    this.directory = directory;
    GanSpec spec = gan.spec();
    int classes = spec.classes();
    int n = spec.conditional() ? classes * Math.min(10, classes) : UNCONDITIONAL_SAMPLES;
    this.across = spec.conditional() ? classes : 8;
    this.noise = NDArray.randn(Shape.of(n, spec.latent()), new SplittableRandom(seed));
    long[] classOfColumn = new long[n];
    for (int i = 0; i < n; i++) {
      classOfColumn[i] = i % Math.max(1, classes);
    }
    this.labels = spec.conditional() ? NDArray.of(classOfColumn, n) : null;
  }

  /** The grid file of {@code epoch}. */
  public Path frame(int epoch) {
    return directory.resolve("samples").resolve(String.format(Locale.ROOT, "epoch-%03d.png", epoch));
  }

  /** The animation of every epoch's grid. */
  public Path animation() {
    return directory.resolve("samples.gif");
  }

  @Override
  public void onEpochEnd(Trainer trainer, EpochMetrics metrics) {
    BufferedImage grid = ImageGrid.render(gan.spec().sample(gan.generator(), noise, labels), across, SCALE);
    try {
      Files.createDirectories(frame(metrics.epoch()).getParent());
      Png.write(frame(metrics.epoch()), grid);
    } catch (IOException e) {
      throw new UncheckedIOException("gan: could not write " + frame(metrics.epoch()), e);
    }
  }

  @Override
  public void onTrainEnd(Trainer trainer, History history) {
    List<BufferedImage> frames = new ArrayList<>();
    try {
      for (int epoch = 1; Files.isRegularFile(frame(epoch)); epoch++) {
        frames.add(ImageIO.read(frame(epoch).toFile()));
      }
      if (!frames.isEmpty()) {
        AnimatedGif.write(animation(), frames, FRAME_MILLIS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("gan: could not write " + animation(), e);
    }
  }
}
