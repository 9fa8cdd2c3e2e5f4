package dev.ruru.autodiff;

import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;

/**
 * Maximum over {@code axes}. The gradient goes to the elements equal to the maximum, shared equally
 * among ties (PyTorch's amax convention), which keeps it a valid subgradient.
 */
final class MaxRule implements Rule {
  private final SumRule shape;
  private final int[] axes;
  private final Dims dims;

  MaxRule(int[] axes, Dims dims) {
    this.axes = axes.clone();
    this.dims = dims;
    this.shape = new SumRule(axes, dims);
  }

  public String name() { return "max"; }
  public NDArray forward(NDArray... in) { return in[0].max(axes, dims); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return g.reshape(shape.keptShape(in[0].shape())).broadcastTo(in[0].shape()).mul(share(in[0], out));
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return t[0].mul(share(in[0], out)).sum(axes, dims);
  }

  /** 1/k at the k positions that attain the maximum, 0 elsewhere (a constant: no gradient). */
  private Tensor share(Tensor x, Tensor out) {
    NDArray maximum = out.value().reshape(shape.keptShape(x.shape()));
    NDArray mask = x.value().eq(maximum).astype(x.dtype());
    return Tensor.constant(mask.div(mask.sum(axes, Dims.KEEP)));
  }

}
