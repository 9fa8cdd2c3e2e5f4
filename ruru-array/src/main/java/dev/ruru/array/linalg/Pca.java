package dev.ruru.array.linalg;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.ShapeMismatchException;

/**
 * Principal component analysis: the {@code k} orthonormal directions along which the rows of a data
 * matrix vary most, found as the leading eigenvectors of its covariance matrix (scikit-learn's
 * {@code PCA}). Codes are coordinates along them: transform(x) = (x − mean)·Wᵀ, and
 * inverseTransform(z) = z·W + mean maps codes back to the best rank-k approximation of the data.
 *
 * <p>{@code mean} [d], {@code components} W [k, d] (rows by decreasing variance, each signed so that its
 * largest-magnitude entry is positive), {@code explainedVariance} [k] (the variance along each, with
 * n − 1 in the denominator as scikit-learn), {@code explainedVarianceRatio} [k] (its share of the total
 * variance). All float64: the covariance of pixel data loses digits in float32.
 *
 * <pre>{@code
 * Pca pca = Pca.fit(images.reshape(n, 784), 32);
 * NDArray reconstructed = pca.inverseTransform(pca.transform(testImages));
 * }</pre>
 */
public record Pca(NDArray mean, NDArray components, NDArray explainedVariance, NDArray explainedVarianceRatio) {

  /**
   * Fits {@code components} principal components to {@code data} [n, d] (not modified).
   *
   * @throws IllegalArgumentException when data is not a matrix of at least two rows, holds NaN or an
   *     infinity, or {@code components} is outside [1, min(n, d)]
   */
  public static Pca fit(NDArray data, int components) {
    if (data.rank() != 2 || data.dim(0) < 2) {
      throw new ShapeMismatchException("Pca.fit: expected data [samples, features] with at least 2 samples, got " + data.shape());
    }
    int n = data.dim(0);
    int d = data.dim(1);
    if (components < 1 || components > Math.min(n, d)) {
      throw new IllegalArgumentException("Pca.fit: components must be in [1, min(samples, features)] = [1, "
          + Math.min(n, d) + "], got " + components);
    }
    finite("Pca.fit", data);
    NDArray x = data.astype(DType.FLOAT64);
    NDArray mean = x.mean(0);
    NDArray centred = x.sub(mean);
    NDArray covariance = centred.transpose().matmul(centred).div(n - 1);
    // A·Aᵀ from GEMM can differ from its transpose in the last bit; eigh insists on symmetry.
    covariance = covariance.add(covariance.transpose()).mul(0.5);
    SymmetricEigen eigen = SymmetricEigen.of(covariance);
    double[] values = eigen.eigenvalues().toDoubleArray();
    double total = 0;
    for (double value : values) {
      total += Math.max(value, 0);
    }
    double[] kept = new double[components];
    double[] ratio = new double[components];
    double[] rows = new double[components * d];
    double[] vectors = eigen.eigenvectors().toDoubleArray();
    for (int c = 0; c < components; c++) {
      int column = d - 1 - c; // eigenvalues ascend; components go by decreasing variance
      kept[c] = Math.max(values[column], 0);
      ratio[c] = total > 0 ? kept[c] / total : 0;
      copySigned(vectors, column, d, rows, c * d);
    }
    return new Pca(mean, NDArray.wrap(rows, components, d), NDArray.wrap(kept, components), NDArray.wrap(ratio, components));
  }

  /** Codes [n, k] of {@code data} [n, d], in float64. */
  public NDArray transform(NDArray data) {
    fits("Pca.transform", data, mean.dim(0), "features");
    return data.astype(DType.FLOAT64).sub(mean).matmul(components.transpose());
  }

  /** The points [n, d] whose codes are {@code codes} [n, k]: the data's projection onto the components. */
  public NDArray inverseTransform(NDArray codes) {
    fits("Pca.inverseTransform", codes, components.dim(0), "components");
    return codes.astype(DType.FLOAT64).matmul(components).add(mean);
  }

  /** Squared distance of each row of {@code data} to its reconstruction, divided by d: a per-row MSE [n]. */
  public NDArray reconstructionError(NDArray data) {
    NDArray difference = data.astype(DType.FLOAT64).sub(inverseTransform(transform(data)));
    return difference.mul(difference).mean(1);
  }

  private static void fits(String op, NDArray data, int width, String what) {
    if (data.rank() != 2 || data.dim(1) != width) {
      throw new ShapeMismatchException(op + ": expected [samples, " + width + "] (the fitted number of " + what + "), got " + data.shape());
    }
  }

  /** An error that names the data's first NaN or infinity, if it has one. */
  private static void finite(String op, NDArray data) {
    double[] values = data.doublesToRead();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(op + ": the data holds " + values[i] + " at [" + i / data.dim(1) + ", "
            + i % data.dim(1) + "]; remove or impute missing values first");
      }
    }
  }

  /** Row {@code column} of the eigenvector matrix's columns into {@code rows}, with its largest entry positive. */
  private static void copySigned(double[] vectors, int column, int d, double[] rows, int start) {
    int largest = 0;
    for (int i = 0; i < d; i++) {
      if (Math.abs(vectors[i * d + column]) > Math.abs(vectors[largest * d + column])) {
        largest = i;
      }
    }
    double sign = vectors[largest * d + column] < 0 ? -1 : 1;
    for (int i = 0; i < d; i++) {
      rows[start + i] = sign * vectors[i * d + column];
    }
  }
}
