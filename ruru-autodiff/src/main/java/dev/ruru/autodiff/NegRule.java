package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/** −a. */
final class NegRule implements Rule {
  public String name() { return "neg"; }
  public NDArray forward(NDArray... in) { return in[0].neg(); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return g.neg(); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return t[0].neg(); }
}
