package dev.ruru.models.latent;

import dev.ruru.train.plot.Png;
import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * {@code ruru generate} for a saved autoencoder or VAE: decodes draws from the code distribution (a
 * VAE's prior, an autoencoder's fitted Gaussian) into a PNG grid, of one class for a conditional model
 * when asked, else a row per class; a seed repeats the picture.
 *
 * <pre>{@code
 * LatentGeneration.write(Path.of("runs/vae"), 64, OptionalInt.empty(), 0, Path.of("samples.png"));
 * }</pre>
 */
public final class LatentGeneration {
  static final int MAX_SAMPLES = 1024;

  private LatentGeneration() {}

  /** Writes {@code samples} decoded draws of the model in {@code modelDirectory} to {@code out}; returns the model's description. */
  public static String write(Path modelDirectory, int samples, OptionalInt label, long seed, Path out) throws IOException {
    if (samples < 1 || samples > MAX_SAMPLES) {
      throw new IllegalArgumentException("Invalid --samples: " + samples + " (must be in [1, " + MAX_SAMPLES + "])");
    }
    LatentModelFiles.Loaded saved = LatentModelFiles.load(modelDirectory);
    LatentSpec spec = saved.spec();
    if (label.isPresent() && !spec.isConditional()) {
      throw new IllegalArgumentException("--class: the model in " + modelDirectory + " is not conditional (it was trained without --conditional);"
          + " leave --class out");
    }
    if (label.isPresent() && (label.getAsInt() < 0 || label.getAsInt() >= spec.classes())) {
      throw new IllegalArgumentException("--class " + label.getAsInt() + " is outside the model's classes 0.." + (spec.classes() - 1));
    }
    LatentPictures.CodeDistribution codes = new LatentPictures.CodeDistribution(saved.codeMean(), saved.codeStd());
    Png.write(out, LatentPictures.samples(saved.model(), codes, samples, label.orElse(-1), new SplittableRandom(seed)));
    String what = label.isPresent() ? " of class " + label.getAsInt() + (label.getAsInt() < saved.classNames().size()
        ? " (" + saved.classNames().get(label.getAsInt()) + ")" : "") : "";
    return spec.describe() + ": " + samples + " samples" + what;
  }
}
