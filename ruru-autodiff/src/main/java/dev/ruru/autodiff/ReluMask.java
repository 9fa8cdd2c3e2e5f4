package dev.ruru.autodiff;

/**
 * g·H(y) for a rule with relu fused after it ({@link Conv2dRule}, {@link LinearRule}): relu's
 * derivative applied to the output gradient, made once per gradient because the ComputationGraph asks for each
 * input's VJP in turn with the same g. It goes through {@link MulHeavisideRule}, so a pass that records
 * its graph records it and second derivatives see it.
 */
final class ReluMask {
  private Tensor gradient;
  private Tensor masked;

  /** g·H(out), {@code out} being the rule's (clipped) output. */
  Tensor of(Tensor g, Tensor out) {
    if (g != gradient) {
      gradient = g;
      masked = Tensor.apply(new MulHeavisideRule(), g, out);
    }
    return masked;
  }
}
