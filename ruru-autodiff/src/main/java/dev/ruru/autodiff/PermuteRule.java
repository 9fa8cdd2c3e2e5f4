package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/** Reordered axes; the gradient is permuted back by the inverse permutation. */
final class PermuteRule implements Rule {
  private final int[] axes;
  private final int[] inverse;

  PermuteRule(int[] axes) {
    this.axes = axes.clone();
    this.inverse = new int[axes.length];
    for (int i = 0; i < axes.length; i++) {
      inverse[axes[i] < 0 ? axes[i] + axes.length : axes[i]] = i;
    }
  }

  public String name() { return "permute"; }
  public NDArray forward(NDArray... in) { return in[0].permute(axes); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return g.permute(inverse); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return t[0].permute(axes); }
}
