package dev.ruru.data.transform;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Random crops of zero-padded images, as torchvision's RandomCrop(size, padding): each sample is padded
 * by {@code padding} pixels on every side and a height×width window is cut at a uniformly drawn
 * position (one per sample, shared by its channels). With the crop size equal to the image size this
 * is a random translation by up to {@code padding} pixels, the classic augmentation for small images.
 *
 * <pre>{@code
 * DataLoader loader = DataLoader.of(train, 64).shuffled(1).withTransform(new RandomCrop(2, 42));  // [64, 1, 28, 28] stays
 * }</pre>
 *
 * Draws come from a generator seeded here and are consumed batch by batch, so a loader that visits
 * the same batches in the same order gets the same crops. Batches are processed one at a time.
 */
public final class RandomCrop implements UnaryOperator<Batch> {
  private final int height;
  private final int width;
  private final int padding;
  private final SplittableRandom rng;

  /** Crops of the input's own size from images padded by {@code padding}. */
  public RandomCrop(int padding, long seed) {
    this(0, 0, padding, seed);
  }

  /** Crops of height×width (0×0: the input's size) from images padded by {@code padding}. */
  public RandomCrop(int height, int width, int padding, long seed) {
    if (height < 0 || width < 0 || padding < 0) {
      throw new IllegalArgumentException("RandomCrop: size and padding must be non-negative, got " + height + "x" + width
          + " and padding " + padding);
    }
    this.height = height;
    this.width = width;
    this.padding = padding;
    this.rng = new SplittableRandom(seed);
  }

  @Override
  public Batch apply(Batch batch) {
    return batch.withFeatures(apply(batch.features()));
  }

  /** The cropped images: [N, C, h, w] from [N, C, H, W] (or [N, h, w] from [N, H, W]). Inputs are not modified. */
  public synchronized NDArray apply(NDArray images) {
    ImageBatch b = ImageBatch.of("RandomCrop", images);
    int h = height == 0 ? b.height() : height;
    int w = width == 0 ? b.width() : width;
    if (h > b.height() + 2 * padding || w > b.width() + 2 * padding) {
      throw new IllegalArgumentException("RandomCrop: crop " + h + "x" + w + " is larger than the padded image "
          + (b.height() + 2 * padding) + "x" + (b.width() + 2 * padding) + " (" + b.height() + "x" + b.width() + " plus padding " + padding + ")");
    }
    double[] in = images.toDoubleArray();
    double[] out = new double[b.samples() * b.channels() * h * w];
    for (int n = 0; n < b.samples(); n++) {
      int top = rng.nextInt(b.height() + 2 * padding - h + 1) - padding;
      int left = rng.nextInt(b.width() + 2 * padding - w + 1) - padding;
      b.window(in, n, top, left, out, h, w);
    }
    return ImageBatch.shaped(out, images, h, w);
  }

  @Override
  public String toString() {
    return "RandomCrop(" + (height == 0 ? "input size" : height + "x" + width) + ", padding " + padding + ")";
  }
}
