package dev.ruru.nn;

import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.Tensor;
import java.util.Arrays;

/**
 * Batch and layer normalisation as pure functions: x̂ = (x − μ) / √(σ² + ε), y = γ·x̂ + β. In training
 * the statistics are those of the input itself, so gradients flow through μ and σ² too; the biased
 * variance (divided by n) normalises, as in PyTorch. Inputs are not modified.
 */
public final class Normalization {
  private Normalization() {}

  /** A training-mode batch normalisation: the output and the running statistics after this batch. */
  public record BatchNormResult(Tensor output, NDArray runningMean, NDArray runningVar) {}

  /**
   * Batch normalisation in training (Ioffe and Szegedy, 2015) over x [N, C] or [N, C, L]: statistics
   * per channel C over the other axes. The running statistics move towards the batch's:
   * r ← (1 − m)·r + m·s, with the unbiased variance (n / (n − 1)·σ²) as PyTorch keeps it.
   * γ, β, running mean and variance have shape [C].
   */
  public static BatchNormResult batchNormTrain(Tensor x, Tensor weight, Tensor bias, NDArray runningMean, NDArray runningVar,
      double momentum, double eps) {
    int channels = checkBatchNormInput(x, weight, bias, runningMean, runningVar);
    int[] axes = x.rank() == 2 ? new int[] {0} : new int[] {0, 2};
    int count = x.shape().size() / channels;
    if (count < 2) {
      throw new IllegalArgumentException("BatchNorm1d: expected more than 1 value per channel when training, got input "
          + x.shape() + "; use a larger batch or Mode.EVAL");
    }
    Tensor mean = x.mean(axes, Dims.KEEP);
    Tensor centered = x.sub(mean);
    Tensor variance = centered.mul(centered).mean(axes, Dims.KEEP);
    Tensor output = affine(centered.div(variance.add(eps).sqrt()), weight, bias, x.rank());
    NDArray batchMean = mean.value().reshape(channels).astype(runningMean.dtype());
    NDArray unbiased = variance.value().reshape(channels).mul((double) count / (count - 1)).astype(runningVar.dtype());
    NDArray newMean = runningMean.mul(1 - momentum).add(batchMean.mul(momentum));
    NDArray newVar = runningVar.mul(1 - momentum).add(unbiased.mul(momentum));
    return new BatchNormResult(output, newMean, newVar);
  }

  /** Batch normalisation in evaluation: normalises with the running statistics (constants). */
  public static Tensor batchNormEval(Tensor x, Tensor weight, Tensor bias, NDArray runningMean, NDArray runningVar, double eps) {
    int channels = checkBatchNormInput(x, weight, bias, runningMean, runningVar);
    Shape statShape = x.rank() == 2 ? Shape.of(channels) : Shape.of(channels, 1);
    Tensor mean = Tensor.constant(runningMean.reshape(statShape));
    Tensor scale = Tensor.constant(runningVar.add(eps).sqrt().reshape(statShape));
    return affine(x.sub(mean).div(scale), weight, bias, x.rank());
  }

  /**
   * Layer normalisation (Ba et al., 2016) over the last {@code normalizedRank} axes of x, whose shape
   * γ and β share: x [..., D...], γ and β [D...].
   */
  public static Tensor layerNorm(Tensor x, int normalizedRank, Tensor weight, Tensor bias, double eps) {
    int rank = x.rank();
    if (normalizedRank < 1 || normalizedRank > rank) {
      throw new IllegalArgumentException("layerNorm: cannot normalise the last " + normalizedRank + " axes of " + x.shape());
    }
    int[] dims = x.shape().dims();
    Shape normalized = Shape.of(Arrays.copyOfRange(dims, rank - normalizedRank, rank));
    if (!weight.shape().equals(normalized) || !bias.shape().equals(normalized)) {
      throw new ShapeMismatchException("layerNorm: weight and bias must have the normalised shape " + normalized + " of input "
          + x.shape() + ", got " + weight.shape() + " and " + bias.shape());
    }
    int[] axes = new int[normalizedRank];
    for (int i = 0; i < normalizedRank; i++) {
      axes[i] = rank - normalizedRank + i;
    }
    Tensor mean = x.mean(axes, Dims.KEEP);
    Tensor centered = x.sub(mean);
    Tensor variance = centered.mul(centered).mean(axes, Dims.KEEP);
    return centered.div(variance.add(eps).sqrt()).mul(weight).add(bias);
  }

  /** γ·x̂ + β with [C] parameters broadcast along the channel axis (axis 1). */
  private static Tensor affine(Tensor normalized, Tensor weight, Tensor bias, int rank) {
    if (rank == 2) {
      return normalized.mul(weight).add(bias);
    }
    int channels = weight.shape().dim(0);
    return normalized.mul(weight.reshape(channels, 1)).add(bias.reshape(channels, 1));
  }

  private static int checkBatchNormInput(Tensor x, Tensor weight, Tensor bias, NDArray runningMean, NDArray runningVar) {
    int channels = weight.shape().dim(0);
    if ((x.rank() != 2 && x.rank() != 3) || x.shape().dim(1) != channels) {
      throw new ShapeMismatchException("BatchNorm1d(" + channels + "): expected input [batch, " + channels + "] or [batch, "
          + channels + ", length], got " + x.shape());
    }
    Shape expected = Shape.of(channels);
    if (!weight.shape().equals(expected) || !bias.shape().equals(expected) || !runningMean.shape().equals(expected) || !runningVar.shape().equals(expected)) {
      throw new ShapeMismatchException("BatchNorm1d(" + channels + "): weight, bias and running statistics must all be ["
          + channels + "], got " + weight.shape() + ", " + bias.shape() + ", " + runningMean.shape() + ", " + runningVar.shape());
    }
    return channels;
  }
}
