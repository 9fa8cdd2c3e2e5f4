package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * PyTorch's gather along {@code axis} with a constant integer index. The VJP scatters the gradient
 * back, adding where an element was gathered several times ({@link ScatterAddRule}, its transpose).
 */
final class GatherRule implements Rule {
  private final int axis;
  private final NDArray index;

  GatherRule(int axis, NDArray index) {
    this.axis = axis;
    this.index = index;
  }

  public String name() { return "gather"; }
  public NDArray forward(NDArray... in) { return in[0].gather(axis, index); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return Tensor.apply(new ScatterAddRule(in[0].shape(), axis, index), g);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return Tensor.apply(this, t[0]); }
}
