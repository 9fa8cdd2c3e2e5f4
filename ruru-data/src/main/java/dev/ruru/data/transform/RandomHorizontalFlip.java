package dev.ruru.data.transform;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Mirrors each sample left to right with probability p (all its channels together):
 * out[y, x] = in[y, W − 1 − x]. Right for natural images and clothing; wrong for digits and text,
 * whose meaning changes in a mirror.
 *
 * <pre>{@code
 * loader.withTransform(new RandomHorizontalFlip(0.5, 42));
 * }</pre>
 *
 * Seeded like {@link RandomCrop}: the same seed and batch order give the same flips.
 */
public final class RandomHorizontalFlip implements UnaryOperator<Batch> {
  private final double p;
  private final SplittableRandom rng;

  public RandomHorizontalFlip(double p, long seed) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("RandomHorizontalFlip: invalid probability: " + p + " (must be in [0, 1])");
    }
    this.p = p;
    this.rng = new SplittableRandom(seed);
  }

  @Override
  public Batch apply(Batch batch) {
    return batch.withFeatures(apply(batch.features()));
  }

  /** The images with some samples mirrored, of the input's shape and dtype. Inputs are not modified. */
  public synchronized NDArray apply(NDArray images) {
    ImageBatch b = ImageBatch.of("RandomHorizontalFlip", images);
    double[] pixels = images.toDoubleArray();
    int w = b.width();
    for (int n = 0; n < b.samples(); n++) {
      if (rng.nextDouble() >= p) {
        continue;
      }
      for (int row = n * b.channels() * b.height(); row < (n + 1) * b.channels() * b.height(); row++) {
        for (int x = 0; x < w / 2; x++) {
          double left = pixels[row * w + x];
          pixels[row * w + x] = pixels[row * w + w - 1 - x];
          pixels[row * w + w - 1 - x] = left;
        }
      }
    }
    return ImageBatch.shaped(pixels, images, b.height(), w);
  }

  @Override
  public String toString() {
    return "RandomHorizontalFlip(p=" + p + ")";
  }
}
