package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/** a · b elementwise. ∂/∂a = b, ∂/∂b = a. */
final class MulRule implements Rule {
  public String name() { return "mul"; }
  public NDArray forward(NDArray... in) { return in[0].mul(in[1]); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return g.mul(in[1 - input]); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.sumOfTangents(t[0] == null ? null : t[0].mul(in[1]), t[1] == null ? null : in[0].mul(t[1]));
  }
}
