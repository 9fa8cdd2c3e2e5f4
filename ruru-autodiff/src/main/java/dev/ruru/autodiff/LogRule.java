package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/** Natural logarithm; d/dx log(x) = 1/x. */
final class LogRule implements Rule {
  public String name() { return "log"; }
  public NDArray forward(NDArray... in) { return in[0].log(); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return g.div(in[0]); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return t[0].div(in[0]); }
}
