package dev.ruru.models.latent;

import dev.ruru.array.NDArray;
import java.util.random.RandomGenerator;

/**
 * The noise a denoising autoencoder (Vincent et al., 2008) sees on its input while it learns to
 * reconstruct the clean image: Gaussian noise of standard deviation {@code level} added to every pixel,
 * or masking noise that sets each pixel to 0 with probability {@code level}. Applied only in training.
 *
 * @param kind what noise
 * @param level the noise's standard deviation (Gaussian) or the share of pixels masked (masking)
 */
public record Corruption(Kind kind, double level) {
  public enum Kind { NONE, GAUSSIAN, MASKING }

  public static final Corruption NONE = new Corruption(Kind.NONE, 0);

  public Corruption {
    if (!(level >= 0) || Double.isInfinite(level) || kind == Kind.MASKING && level >= 1) {
      throw new IllegalArgumentException("Invalid --noise: " + level + " (a standard deviation >= 0 for Gaussian noise, a share in [0, 1) for"
          + " masking)");
    }
  }

  public static Corruption gaussian(double standardDeviation) { return new Corruption(Kind.GAUSSIAN, standardDeviation); }
  public static Corruption masking(double share) { return new Corruption(Kind.MASKING, share); }

  /** {@code images} with this noise drawn from {@code rng}; the input is not modified. */
  public NDArray apply(NDArray images, RandomGenerator rng) {
    return switch (kind) {
      case NONE -> images;
      case GAUSSIAN -> level == 0 ? images : images.add(NDArray.normal(images.shape(), 0, level, images.dtype(), rng));
      case MASKING -> NDArray.where(NDArray.rand(images.shape(), rng).lt(level), NDArray.scalar(0, images.dtype()), images);
    };
  }

  /** "Gaussian noise 0.3", "masking 25%" or "none". */
  public String describe() {
    return switch (kind) {
      case NONE -> "none";
      case GAUSSIAN -> "Gaussian noise " + level;
      case MASKING -> "masking " + Math.round(level * 100) + "%";
    };
  }
}
