package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * ℓ(x, y) = max(x, 0) − x·y + log(1 + e^−|x|) elementwise against constant targets y
 * ({@link BinaryCrossEntropy}). Both derivatives multiply by ∂ℓ/∂x = σ(x) − y in one pass
 * ({@link MulSigmoidResidualRule}), which is itself differentiable, so second derivatives work. The
 * forward pass keeps σ(x), which it gets from its own e^−|x|, so the backward pass needs no exponential.
 */
final class BinaryCrossEntropyRule implements Rule {
  private final NDArray targets;
  /** σ(x) from the forward pass, for both derivatives. */
  private NDArray sigmoid;

  BinaryCrossEntropyRule(NDArray targets) {
    this.targets = targets;
  }

  public String name() { return "binaryCrossEntropyWithLogits"; }
  public NDArray forward(NDArray... in) {
    BinaryCrossEntropy.LossAndSigmoid result = BinaryCrossEntropy.loss(in[0], targets);
    sigmoid = result.sigmoid();
    return result.loss();
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return Tensor.apply(new MulSigmoidResidualRule(targets, sigmoid), g.broadcastTo(in[0].shape()), in[0]);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.apply(new MulSigmoidResidualRule(targets, sigmoid), t[0].broadcastTo(in[0].shape()), in[0]);
  }
}
