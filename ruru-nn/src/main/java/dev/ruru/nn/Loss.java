package dev.ruru.nn;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;

/**
 * A training objective: a scalar tensor from a model's output and the targets (class labels for the
 * cross-entropies, values of the output's shape for the regression losses). The factories wrap the
 * pure functions of {@link Losses} with their defaults.
 *
 * <pre>{@code
 * Loss loss = Loss.crossEntropy();
 * Tensor value = loss.apply(model.forward(x, Mode.TRAIN), labels);
 * }</pre>
 */
@FunctionalInterface
public interface Loss {
  Tensor apply(Tensor prediction, NDArray target);

  /** Softmax cross-entropy from logits [N, C] and integer labels [N], averaged. */
  static Loss crossEntropy() {
    return (logits, labels) -> Losses.crossEntropy(logits, labels);
  }

  /** Softmax cross-entropy with the given options. */
  static Loss crossEntropy(CrossEntropyOptions options) {
    return (logits, labels) -> Losses.crossEntropy(logits, labels, options);
  }

  /** Mean squared error against targets of the prediction's shape. */
  static Loss mse() {
    return (prediction, target) -> Losses.mse(prediction, Tensor.constant(target));
  }

  /** Binary cross-entropy from logits against 0/1 (or soft) targets of the logits' shape. */
  static Loss binaryCrossEntropyWithLogits() {
    return (logits, target) -> Losses.binaryCrossEntropyWithLogits(logits, Tensor.constant(target));
  }
}
