package dev.ruru.models.quality;

import dev.ruru.array.NDArray;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.array.linalg.SymmetricEigen;

/**
 * The Fréchet (2-Wasserstein) distance between two Gaussians, as FID computes it (Heusel et al. 2017):
 * d² = ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2·(Σ₁Σ₂)^½).
 *
 * <p>Σ₁Σ₂ is not symmetric, but it is similar to the symmetric positive semi-definite
 * M = Σ₁^½·Σ₂·Σ₁^½ (conjugate by Σ₁^½), so Tr((Σ₁Σ₂)^½) = Tr(M^½) = Σᵢ √λᵢ(M): two symmetric
 * eigendecompositions (LAPACK's syevd), no general square root, and no complex rounding residue as
 * scipy's {@code sqrtm} leaves.
 *
 * <pre>{@code
 * double d = FrechetDistance.between(FeatureStatistics.of(realFeatures), FeatureStatistics.of(fakeFeatures));
 * }</pre>
 */
public final class FrechetDistance {
  private FrechetDistance() {}

  /**
   * The squared Fréchet distance d² (what FID reports) between the Gaussians {@code first} and {@code second}.
   *
   * @throws ShapeMismatchException when their dimensions differ
   */
  public static double between(FeatureStatistics first, FeatureStatistics second) {
    if (first.dimension() != second.dimension()) {
      throw new ShapeMismatchException("FrechetDistance: the feature dimensions differ: " + first.dimension() + " != "
          + second.dimension() + "; compute both with the same classifier");
    }
    NDArray difference = first.mean().sub(second.mean());
    double meanTerm = difference.mul(difference).sum().item();
    NDArray root = SymmetricEigen.sqrtPsd(first.covariance());
    NDArray product = root.matmul(second.covariance()).matmul(root);
    // Σ₁^½Σ₂Σ₁^½ is symmetric in exact arithmetic; GEMM's rounding is removed before eigh.
    NDArray symmetric = product.add(product.transpose()).mul(0.5);
    double traceOfRoot = 0;
    for (double value : SymmetricEigen.of(symmetric).eigenvalues().toDoubleArray()) {
      traceOfRoot += Math.sqrt(Math.max(value, 0));
    }
    double traces = first.covariance().diagonal().sum().item() + second.covariance().diagonal().sum().item();
    return meanTerm + traces - 2 * traceOfRoot;
  }

  /** The squared Fréchet distance between the Gaussians fitted to two sets of feature vectors [n, d] and [m, d]. */
  public static double between(NDArray firstFeatures, NDArray secondFeatures) {
    return between(FeatureStatistics.of(firstFeatures), FeatureStatistics.of(secondFeatures));
  }
}
