package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * a·(σ(x) − y) for inputs [a, x] of one shape and constant y: the binary cross-entropy's derivative
 * applied to a gradient or a tangent a ({@link BinaryCrossEntropyRule}), in one pass. It is linear in
 * a, so a's derivative is the same product with the incoming gradient; x's is a·σ(x)·(1 − σ(x)),
 * composed from tensor operations (only second derivatives need it).
 */
final class MulSigmoidResidualRule implements Rule {
  private final NDArray targets;
  /** σ(x) of the one x this rule is applied to, when the caller already has it (else null: computed here). */
  private final NDArray sigmoid;

  MulSigmoidResidualRule(NDArray targets) {
    this(targets, null);
  }

  MulSigmoidResidualRule(NDArray targets, NDArray sigmoid) {
    this.targets = targets;
    this.sigmoid = sigmoid;
  }

  public String name() { return "mulSigmoidResidual"; }

  public NDArray forward(NDArray... in) {
    return sigmoid == null ? BinaryCrossEntropy.mulSigmoidResidual(in[0], in[1], targets) : BinaryCrossEntropy.mulResidual(in[0], sigmoid, targets);
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return input == 0 ? Tensor.apply(this, g, in[1]) : g.mul(in[0]).mul(sigmoidSlope(in[1]));
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    Tensor fromA = t[0] == null ? null : Tensor.apply(this, t[0], in[1]);
    Tensor fromX = t[1] == null ? null : t[1].mul(in[0]).mul(sigmoidSlope(in[1]));
    return Tensor.sumOfTangents(fromA, fromX);
  }

  /** σ'(x) = σ(x)·(1 − σ(x)). */
  private static Tensor sigmoidSlope(Tensor x) {
    Tensor s = x.sigmoid();
    return s.mul(s.neg().add(1));
  }
}
