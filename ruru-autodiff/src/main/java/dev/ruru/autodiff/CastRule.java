package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/** A change of floating dtype; the gradient is cast back. */
final class CastRule implements Rule {
  private final DType target;

  CastRule(DType target) {
    this.target = target;
  }

  public String name() { return "astype(" + target + ")"; }
  public NDArray forward(NDArray... in) { return in[0].astype(target); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return g.astype(in[0].dtype()); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return t[0].astype(target); }
}
