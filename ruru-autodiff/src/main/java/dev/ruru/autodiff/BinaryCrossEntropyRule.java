package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * ℓ(x, y) = max(x, 0) − x·y + log(1 + e^−|x|) elementwise against constant targets y
 * ({@link BinaryCrossEntropy}). Both derivatives multiply by ∂ℓ/∂x = σ(x) − y in one pass
 * ({@link MulSigmoidResidualRule}), which is itself differentiable, so second derivatives work.
 */
final class BinaryCrossEntropyRule implements Rule {
  private final NDArray targets;

  BinaryCrossEntropyRule(NDArray targets) {
    this.targets = targets;
  }

  public String name() { return "binaryCrossEntropyWithLogits"; }
  public NDArray forward(NDArray... in) { return BinaryCrossEntropy.loss(in[0], targets); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return Tensor.apply(new MulSigmoidResidualRule(targets), g.broadcastTo(in[0].shape()), in[0]);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.apply(new MulSigmoidResidualRule(targets), t[0].broadcastTo(in[0].shape()), in[0]);
  }
}
