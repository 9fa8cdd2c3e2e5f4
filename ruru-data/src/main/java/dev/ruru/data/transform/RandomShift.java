package dev.ruru.data.transform;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Random translations: each sample moves by dy, dx drawn uniformly from [−maxShift, maxShift]
 * (independently, shared by its channels); pixels shifted in from outside are 0 and the size is
 * unchanged: out[y, x] = in[y − dy, x − dx].
 *
 * <pre>{@code
 * loader.withTransform(new RandomShift(3, 42));   // MNIST digits moved by up to 3 pixels
 * }</pre>
 *
 * Seeded like {@link RandomCrop}: the same seed and batch order give the same shifts.
 */
public final class RandomShift implements UnaryOperator<Batch> {
  private final int maxShift;
  private final SplittableRandom rng;

  public RandomShift(int maxShift, long seed) {
    if (maxShift < 0) {
      throw new IllegalArgumentException("RandomShift: the largest shift must be non-negative, got " + maxShift);
    }
    this.maxShift = maxShift;
    this.rng = new SplittableRandom(seed);
  }

  @Override
  public Batch apply(Batch batch) {
    return batch.withFeatures(apply(batch.features()));
  }

  /** The shifted images, of the input's shape and dtype. Inputs are not modified. */
  public synchronized NDArray apply(NDArray images) {
    ImageBatch b = ImageBatch.of("RandomShift", images);
    double[] in = images.toDoubleArray();
    double[] out = new double[in.length];
    for (int n = 0; n < b.samples(); n++) {
      int dy = rng.nextInt(2 * maxShift + 1) - maxShift;
      int dx = rng.nextInt(2 * maxShift + 1) - maxShift;
      b.window(in, n, -dy, -dx, out, b.height(), b.width());
    }
    return ImageBatch.shaped(out, images, b.height(), b.width());
  }

  @Override
  public String toString() {
    return "RandomShift(" + maxShift + ")";
  }
}
