package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * tanh, a primitive rather than a ratio of exponentials because exp overflows for large |x| while
 * tanh saturates; d/dx tanh(x) = 1 − tanh²(x) reuses the output, applied in one pass
 * ({@link MulSlopeRule}). float32 runs {@link dev.ruru.array.FloatTanh}.
 */
final class TanhRule implements Rule {
  public String name() { return "tanh"; }
  public NDArray forward(NDArray... in) { return in[0].tanh(); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return Tensor.apply(new MulSlopeRule(MulSlopeRule.Slope.TANH), g, out); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return Tensor.apply(new MulSlopeRule(MulSlopeRule.Slope.TANH), t[0], out); }
}
