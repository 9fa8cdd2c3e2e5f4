package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * a^b elementwise. ∂/∂a = b·a^(b−1); ∂/∂b = a^b·log(a), which is only real for a > 0: where a = 0 and
 * the result is 0 it is taken as 0 (PyTorch's convention), elsewhere it is NaN as the math says.
 */
final class PowRule implements Rule {
  public String name() { return "pow"; }
  public NDArray forward(NDArray... in) { return in[0].pow(in[1]); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return g.mul(input == 0 ? byBase(in) : byExponent(in, out));
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.sumOfTangents(t[0] == null ? null : t[0].mul(byBase(in)), t[1] == null ? null : t[1].mul(byExponent(in, out)));
  }

  private static Tensor byBase(Tensor[] in) {
    return in[1].mul(in[0].pow(in[1].sub(1)));
  }

  private static Tensor byExponent(Tensor[] in, Tensor out) {
    Tensor zero = Tensor.constant(NDArray.scalar(0, out.dtype()));
    Tensor safeLog = Tensor.where(out.eq(zero), zero, in[0].log());
    return out.mul(safeLog);
  }
}
