package dev.ruru.data.transform;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Per-channel standardisation, out[n, c, y, x] = (in[n, c, y, x] − mean[c]) / std[c], as torchvision's
 * Normalize; images [N, H, W] have one channel. The statistics are those of the training set
 * (Fashion-MNIST: mean 0.2860, std 0.3530 on pixels scaled to [0, 1]), fixed here, never the batch's.
 *
 * <pre>{@code
 * loader.withTransform(new Normalize(new double[] {0.2860}, new double[] {0.3530}));
 * }</pre>
 */
public final class Normalize implements UnaryOperator<Batch> {
  private final double[] mean;
  private final double[] std;

  public Normalize(double[] mean, double[] std) {
    if (mean.length == 0 || mean.length != std.length) {
      throw new IllegalArgumentException("Normalize: expected one mean and one std per channel, got " + mean.length + " and " + std.length);
    }
    for (double s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("Normalize: standard deviations must be positive, got " + Arrays.toString(std));
      }
    }
    this.mean = mean.clone();
    this.std = std.clone();
  }

  @Override
  public Batch apply(Batch batch) {
    return batch.withFeatures(apply(batch.features()));
  }

  /** The standardised images, of the input's shape and dtype. Inputs are not modified. */
  public NDArray apply(NDArray images) {
    ImageBatch b = ImageBatch.of("Normalize", images);
    if (b.channels() != mean.length) {
      throw new IllegalArgumentException("Normalize: " + mean.length + " channel statistics for images " + images.shape()
          + " with " + b.channels() + " channel(s)");
    }
    double[] pixels = images.toDoubleArray();
    for (int n = 0; n < b.samples(); n++) {
      for (int c = 0; c < b.channels(); c++) {
        int start = n * b.sample() + c * b.plane();
        double scale = 1 / std[c];
        for (int i = start; i < start + b.plane(); i++) {
          pixels[i] = (pixels[i] - mean[c]) * scale;
        }
      }
    }
    return ImageBatch.shaped(pixels, images, b.height(), b.width());
  }

  @Override
  public String toString() {
    return "Normalize(mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + ")";
  }
}
