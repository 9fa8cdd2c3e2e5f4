package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/** d/dx sin(x) = cos(x). */
final class SinRule implements Rule {
  public String name() { return "sin"; }
  public NDArray forward(NDArray... in) { return in[0].sin(); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return g.mul(in[0].cos()); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return t[0].mul(in[0].cos()); }
}
