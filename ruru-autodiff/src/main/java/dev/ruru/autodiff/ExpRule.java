package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/** d/dx exp(x) = exp(x): both rules reuse the forward output. */
final class ExpRule implements Rule {
  public String name() { return "exp"; }
  public NDArray forward(NDArray... in) { return in[0].exp(); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return g.mul(out); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return t[0].mul(out); }
}
