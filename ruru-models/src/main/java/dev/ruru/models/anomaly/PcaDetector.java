package dev.ruru.models.anomaly;

import dev.ruru.array.NDArray;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.array.linalg.Pca;
import java.util.Arrays;

/**
 * The baseline detector: the reconstruction error of a principal component analysis of the normal data.
 * Normal inputs lie near the subspace of the first k components and reconstruct well; others do not.
 * Score = mean over features of (x − inverse(transform(x)))², the squared distance to the subspace per
 * feature. Inputs [n, ...] are flattened to [n, d].
 */
public record PcaDetector(Pca pca, int[] inputShape) implements AnomalyDetector {
  public PcaDetector {
    inputShape = inputShape.clone();
  }

  @Override public int[] inputShape() { return inputShape.clone(); }

  /** Fits {@code components} components to {@code normal} [n, ...]. */
  public static PcaDetector fit(NDArray normal, int components) {
    int[] shape = Arrays.copyOfRange(normal.shape().dims(), 1, normal.rank());
    return new PcaDetector(Pca.fit(normal.reshape(normal.dim(0), -1), components), shape);
  }

  @Override
  public NDArray scores(NDArray inputs) {
    int[] shape = Arrays.copyOfRange(inputs.shape().dims(), 1, inputs.rank());
    if (!Arrays.equals(shape, inputShape)) {
      throw new ShapeMismatchException("PcaDetector: expected inputs [n, " + Arrays.toString(inputShape).replaceAll("[\\[\\]]", "") + "], got "
          + inputs.shape() + "; the detector was fitted on inputs of that shape");
    }
    return pca.reconstructionError(inputs.reshape(inputs.dim(0), -1));
  }

  @Override
  public String describe() {
    return "PCA reconstruction, " + pca.components().dim(0) + " components";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PcaDetector detector && pca.equals(detector.pca) && Arrays.equals(inputShape, detector.inputShape);
  }

  @Override
  public int hashCode() {
    return 31 * pca.hashCode() + Arrays.hashCode(inputShape);
  }

  @Override
  public String toString() {
    return describe();
  }
}
