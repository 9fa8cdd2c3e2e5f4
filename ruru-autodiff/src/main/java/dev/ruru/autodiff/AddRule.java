package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/** a + b (same shapes: broadcasting happened before, as an explicit expand). ∂/∂a = ∂/∂b = 1. */
final class AddRule implements Rule {
  public String name() { return "add"; }
  public NDArray forward(NDArray... in) { return in[0].add(in[1]); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return g; }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return Tensor.sumOfTangents(t[0], t[1]); }
}
