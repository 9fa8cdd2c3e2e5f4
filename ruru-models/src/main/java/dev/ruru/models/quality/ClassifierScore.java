package dev.ruru.models.quality;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.ShapeMismatchException;

/**
 * The inception score with a Ruru classifier (Salimans et al. 2016): exp(E_x KL(p(y|x) ‖ p(y))), where
 * p(y|x) is the classifier's softmax for sample x and p(y) its mean over the samples. It is 1 when every
 * sample gets the same prediction and at most the number of classes, reached when each sample is
 * confidently one class and the classes are equally common. One split (not the usual ten): the samples
 * here number thousands, not fifty thousand.
 */
public final class ClassifierScore {
  private ClassifierScore() {}

  /**
   * The score of {@code logits} [n, classes] (not modified).
   *
   * @throws ShapeMismatchException when logits is not [n, classes] with n and classes at least 1
   */
  public static double of(NDArray logits) {
    if (logits.rank() != 2 || logits.dim(0) < 1 || logits.dim(1) < 1) {
      throw new ShapeMismatchException("ClassifierScore: expected logits [samples, classes], got " + logits.shape());
    }
    NDArray x = logits.astype(DType.FLOAT64);
    // log softmax with the max subtracted, so large logits do not overflow exp.
    NDArray logP = x.sub(x.logsumexp(new int[] {1}, Dims.KEEP));
    NDArray p = logP.exp();
    NDArray logMarginal = p.mean(0, Dims.KEEP).log();
    NDArray kl = p.mul(logP.sub(logMarginal)).sum(1);
    return Math.exp(kl.mean().item());
  }
}
