package dev.ruru.models.quality;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.ShapeMismatchException;

/**
 * The mean [d] and covariance [d, d] (n − 1 in the denominator, as numpy's {@code np.cov}) of feature
 * vectors, in float64: the Gaussian that the Fréchet distance compares.
 */
public record FeatureStatistics(NDArray mean, NDArray covariance, int count) {

  /**
   * The statistics of {@code features} [n, d] (not modified).
   *
   * @throws IllegalArgumentException for fewer than two vectors, or a NaN or infinity among them
   */
  public static FeatureStatistics of(NDArray features) {
    if (features.rank() != 2 || features.dim(0) < 2) {
      throw new ShapeMismatchException("FeatureStatistics: expected features [n, d] with n >= 2, got " + features.shape());
    }
    NDArray x = features.astype(DType.FLOAT64);
    double[] values = x.doublesToRead();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("FeatureStatistics: feature " + i % features.dim(1) + " of vector " + i / features.dim(1)
            + " is " + values[i] + "; the images or the classifier produced non-finite values");
      }
    }
    NDArray mean = x.mean(0);
    NDArray centred = x.sub(mean);
    NDArray covariance = centred.transpose().matmul(centred).div(features.dim(0) - 1);
    // GEMM's Aᵀ·A may differ from its transpose in the last bit; the square root needs exact symmetry.
    return new FeatureStatistics(mean, covariance.add(covariance.transpose()).mul(0.5), features.dim(0));
  }

  /** The dimension d. */
  public int dimension() {
    return mean.dim(0);
  }
}
