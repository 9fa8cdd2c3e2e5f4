package dev.ruru.nn;

import dev.ruru.array.NDArray;

/**
 * Options of {@link Losses#crossEntropy(dev.ruru.autodiff.Tensor, NDArray, CrossEntropyOptions)}, with PyTorch's
 * meanings: label smoothing ε mixes the one-hot target with the uniform distribution (Szegedy et al.,
 * 2016), class weights w [C] scale each sample's loss by the weight of its label, and the mean divides
 * by Σ w_{yᵢ}. {@code classWeights} null means every class weighs 1.
 *
 * <pre>{@code
 * CrossEntropyOptions options = CrossEntropyOptions.DEFAULT.withLabelSmoothing(0.1);
 * }</pre>
 */
public record CrossEntropyOptions(double labelSmoothing, NDArray classWeights, LossReduction reduction) {
  /** No smoothing, no class weights, the mean. */
  public static final CrossEntropyOptions DEFAULT = new CrossEntropyOptions(0, null, LossReduction.MEAN);

  public CrossEntropyOptions {
    if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
      throw new IllegalArgumentException("Invalid label smoothing: " + labelSmoothing + " (must be in [0, 1])");
    }
    if (classWeights != null && (classWeights.rank() != 1 || !classWeights.dtype().isFloating())) {
      throw new IllegalArgumentException("crossEntropy: class weights must be a floating vector [classes], got "
          + classWeights.dtype() + " " + classWeights.shape());
    }
    if (reduction == null) {
      throw new IllegalArgumentException("crossEntropy: the reduction must be MEAN, SUM or NONE, got null");
    }
  }

  public CrossEntropyOptions withLabelSmoothing(double epsilon) {
    return new CrossEntropyOptions(epsilon, classWeights, reduction);
  }

  public CrossEntropyOptions withClassWeights(NDArray weights) {
    return new CrossEntropyOptions(labelSmoothing, weights, reduction);
  }

  public CrossEntropyOptions withReduction(LossReduction newReduction) {
    return new CrossEntropyOptions(labelSmoothing, classWeights, newReduction);
  }
}
