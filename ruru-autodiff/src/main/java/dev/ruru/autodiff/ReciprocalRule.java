package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/** 1 / a. d/da = −1/a² = −out²: both rules reuse the forward output. */
final class ReciprocalRule implements Rule {
  public String name() { return "reciprocal"; }
  public NDArray forward(NDArray... in) { return NDArray.scalar(1, in[0].dtype()).div(in[0]); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return g.mul(out).mul(out).neg(); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return t[0].mul(out).mul(out).neg(); }
}
