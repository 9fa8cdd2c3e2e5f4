package dev.ruru.models.gan;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.train.plot.Png;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * {@code ruru generate} for a GAN: {@code samples} images from a saved generator as one PNG grid. A
 * conditional GAN draws every class in turn (a column each), or only {@code chosenClass}; asking an
 * unconditional one for a class is refused, since it cannot be told which.
 */
public final class GanGeneration {
  private static final int SCALE = 2;

  private GanGeneration() {}

  /** Writes the grid to {@code png} and returns the images [samples, 28, 28] in [0, 1]. */
  public static NDArray writeGrid(GanFiles.Loaded gan, int samples, OptionalInt chosenClass, long seed, Path png) throws IOException {
    if (samples < 1 || samples > 10_000) {
      throw new IllegalArgumentException("generate: --samples must be in [1, 10000], got " + samples);
    }
    GanSpec spec = gan.spec();
    if (chosenClass.isPresent() && !spec.conditional()) {
      throw new IllegalArgumentException("generate: --class " + chosenClass.getAsInt() + " needs a conditional GAN, and this one ("
          + spec.describe() + ") is not; train with --conditional, or leave --class out");
    }
    if (chosenClass.isPresent() && (chosenClass.getAsInt() < 0 || chosenClass.getAsInt() >= spec.classes())) {
      throw new IllegalArgumentException("generate: --class " + chosenClass.getAsInt() + " is not one of the model's classes 0.."
          + (spec.classes() - 1));
    }
    NDArray noise = NDArray.randn(Shape.of(samples, spec.latent()), new SplittableRandom(seed));
    NDArray labels = null;
    if (spec.conditional()) {
      long[] classes = new long[samples];
      for (int i = 0; i < samples; i++) {
        classes[i] = chosenClass.orElse(i % spec.classes());
      }
      labels = NDArray.of(classes, samples);
    }
    NDArray images = spec.sample(gan.generator(), noise, labels);
    int across = spec.conditional() && chosenClass.isEmpty() ? spec.classes() : (int) Math.ceil(Math.sqrt(samples));
    Png.write(png, ImageGrid.render(images, across, SCALE));
    return images;
  }
}
