package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * max(x, 0), fused because every hidden layer applies it: as maximum(x, 0) it cost a broadcast
 * constant, a comparison and two selects per step. relu'(x) is 1 where x > 0 and 0 elsewhere, so
 * relu'(0) = 0 as in PyTorch. Both derivatives multiply by that step in one pass
 * ({@link MulHeavisideRule}), whose own derivative in x is 0, so second derivatives are 0 as they should be.
 * {@link MaximumRule} with a zero operand stays as its test oracle.
 */
final class ReluRule implements Rule {
  public String name() { return "relu"; }
  public NDArray forward(NDArray... in) { return in[0].relu(); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return Tensor.apply(new MulHeavisideRule(), g, in[0]); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return Tensor.apply(new MulHeavisideRule(), t[0], in[0]); }
}
