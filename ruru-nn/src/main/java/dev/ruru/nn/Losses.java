package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.BinaryCrossEntropy;
import dev.ruru.autodiff.Tensor;

/**
 * Losses as pure functions, with PyTorch's definitions and reductions (the mean by default).
 * Predictions and targets are tensors where both may be differentiated; class labels are integer
 * arrays. All are composed from autodiff primitives; inputs are not modified.
 *
 * <pre>{@code
 * Tensor loss = Losses.crossEntropy(logits, labels);          // logits [N, C], labels int [N]
 * }</pre>
 */
public final class Losses {
  private Losses() {}

  /** Mean squared error: mean((p − t)²). */
  public static Tensor mse(Tensor prediction, Tensor target) {
    return mse(prediction, target, LossReduction.MEAN);
  }

  public static Tensor mse(Tensor prediction, Tensor target, LossReduction reduction) {
    Tensor difference = difference("mse", prediction, target);
    return reduce(difference.mul(difference), reduction);
  }

  /** Mean absolute error: mean(|p − t|); the gradient at p = t is 0, as in PyTorch. */
  public static Tensor l1(Tensor prediction, Tensor target) {
    return l1(prediction, target, LossReduction.MEAN);
  }

  public static Tensor l1(Tensor prediction, Tensor target, LossReduction reduction) {
    return reduce(difference("l1", prediction, target).abs(), reduction);
  }

  /** Huber loss with δ = 1 (equal to smooth L1 there). */
  public static Tensor huber(Tensor prediction, Tensor target) {
    return huber(prediction, target, 1, LossReduction.MEAN);
  }

  /**
   * Huber (1964): ½d² where |d| &lt; δ, else δ·(|d| − ½δ), for d = p − t: quadratic near the target,
   * linear (robust to outliers) far from it.
   */
  public static Tensor huber(Tensor prediction, Tensor target, double delta, LossReduction reduction) {
    if (!(delta > 0)) {
      throw new IllegalArgumentException("huber: invalid delta: " + delta + " (must be > 0)");
    }
    Tensor d = difference("huber", prediction, target);
    Tensor size = d.abs();
    Tensor quadratic = d.mul(d).mul(0.5);
    Tensor linear = size.sub(0.5 * delta).mul(delta);
    return reduce(Tensor.where(Tensor.constant(size.value().lt(delta)), quadratic, linear), reduction);
  }

  /** Binary cross-entropy from logits, averaged over all elements. */
  public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor target) {
    return binaryCrossEntropyWithLogits(logits, target, null, LossReduction.MEAN);
  }

  /**
   * −[p·y·log σ(x) + (1 − y)·log(1 − σ(x))] for logits x and targets y in [0, 1], written as
   * (1 − y)·x + (1 + (p − 1)·y)·softplus(−x) so that no logit overflows and the gradient is σ(x) − y
   * even at x = 0. {@code positiveWeight} p (broadcast over the last axis, PyTorch's pos_weight) weighs
   * the positive class; null means 1. Without a weight, and with targets that need no gradient or tangent, it is
   * the fused {@link BinaryCrossEntropy#withLogits}.
   */
  public static Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor target, NDArray positiveWeight, LossReduction reduction) {
    Tensor y = target.astype(logits.dtype());
    checkSameShape("binaryCrossEntropyWithLogits", logits, y);
    if (positiveWeight == null && !y.requiresGrad() && y.tangent() == null) {
      // The fused primitive: one pass forward and one back (the composite below is its oracle).
      return reduce(BinaryCrossEntropy.withLogits(logits, y.value()), reduction);
    }
    Tensor logWeight = positiveWeight == null ? null
        : y.mul(Tensor.constant(positiveWeight.astype(logits.dtype())).sub(1)).add(1);
    Tensor softplus = Functional.softplus(logits.neg());
    Tensor weighted = logWeight == null ? softplus : logWeight.mul(softplus);
    return reduce(y.neg().add(1).mul(logits).add(weighted), reduction);
  }

  /** Softmax cross-entropy from logits [N, C] and integer class labels [N], averaged over the batch. */
  public static Tensor crossEntropy(Tensor logits, NDArray labels) {
    return crossEntropy(logits, labels, CrossEntropyOptions.DEFAULT);
  }

  /**
   * Softmax cross-entropy: lᵢ = −w_{yᵢ}·log softmax(xᵢ)_{yᵢ}, composed as log-softmax and gather.
   * The log-softmax subtracts each row's maximum, so logits of ±1e4 give finite values and gradients
   * (softmax(x) − onehot(y)). With label smoothing ε, PyTorch's definition:
   * (1 − ε)·l + (ε / C)·sᵢ with sᵢ = −Σ_c w_c·log softmax(xᵢ)_c, reduced like l.
   */
  public static Tensor crossEntropy(Tensor logits, NDArray labels, CrossEntropyOptions options) {
    checkClassification("crossEntropy", logits, labels);
    return fromLogProbabilities(logits.logSoftmax(1), labels, options);
  }

  /** Negative log-likelihood from log-probabilities [N, C] and integer labels [N], averaged. */
  public static Tensor nll(Tensor logProbabilities, NDArray labels) {
    return nll(logProbabilities, labels, null, LossReduction.MEAN);
  }

  /** −w_{yᵢ}·log pᵢ,yᵢ; the mean divides by Σ w_{yᵢ}. {@code classWeights} [C] may be null (all 1). */
  public static Tensor nll(Tensor logProbabilities, NDArray labels, NDArray classWeights, LossReduction reduction) {
    checkClassification("nll", logProbabilities, labels);
    return fromLogProbabilities(logProbabilities, labels, new CrossEntropyOptions(0, classWeights, reduction));
  }

  private static Tensor fromLogProbabilities(Tensor logProbabilities, NDArray labels, CrossEntropyOptions options) {
    int n = labels.dim(0);
    int classes = logProbabilities.shape().dim(1);
    NDArray weights = classWeights(options.classWeights(), classes, logProbabilities.dtype());
    Tensor picked = logProbabilities.gather(1, labels.reshape(n, 1)).reshape(n).neg();
    NDArray sampleWeights = weights == null ? null : weights.take(labels, 0);
    Tensor perSample = sampleWeights == null ? picked : picked.mul(Tensor.constant(sampleWeights));
    double epsilon = options.labelSmoothing();
    if (epsilon > 0) {
      Tensor weightedLogProbabilities = weights == null ? logProbabilities : logProbabilities.mul(Tensor.constant(weights));
      Tensor smooth = weightedLogProbabilities.sum(1, Dims.DROP).neg();
      perSample = perSample.mul(1 - epsilon).add(smooth.mul(epsilon / classes));
    }
    return switch (options.reduction()) {
      case NONE -> perSample;
      case SUM -> perSample.sum();
      case MEAN -> sampleWeights == null ? perSample.mean() : perSample.sum().div(sampleWeights.sum().item());
    };
  }

  private static NDArray classWeights(NDArray weights, int classes, DType dtype) {
    if (weights == null) {
      return null;
    }
    if (weights.dim(0) != classes) {
      throw new ShapeMismatchException("crossEntropy: class weights have shape " + weights.shape() + " but the logits have "
          + classes + " classes");
    }
    return weights.astype(dtype);
  }

  /** Scores [N, C] and labels [N] with every label in [0, C). */
  private static void checkClassification(String op, Tensor scores, NDArray labels) {
    if (scores.rank() != 2) {
      throw new ShapeMismatchException(op + ": expected scores [batch, classes], got " + scores.shape());
    }
    if (labels.rank() != 1 || !labels.dtype().isInteger() || labels.dim(0) != scores.shape().dim(0)) {
      throw new ShapeMismatchException(op + ": expected integer labels [" + scores.shape().dim(0) + "] for scores "
          + scores.shape() + ", got " + labels.dtype() + " " + labels.shape());
    }
    int classes = scores.shape().dim(1);
    long[] values = labels.toLongArray();
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0 || values[i] >= classes) {
        throw new IllegalArgumentException(op + ": label " + values[i] + " at index " + i + " is out of range for "
            + classes + " classes (labels must be in [0, " + classes + "))");
      }
    }
  }

  private static Tensor difference(String op, Tensor prediction, Tensor target) {
    checkSameShape(op, prediction, target);
    return prediction.sub(target);
  }

  private static void checkSameShape(String op, Tensor prediction, Tensor target) {
    if (!prediction.shape().equals(target.shape())) {
      throw new ShapeMismatchException(op + ": prediction " + prediction.shape() + " and target " + target.shape()
          + " differ; reshape the target to the prediction's shape");
    }
  }

  private static Tensor reduce(Tensor values, LossReduction reduction) {
    return switch (reduction) {
      case MEAN -> values.mean();
      case SUM -> values.sum();
      case NONE -> values;
    };
  }
}
