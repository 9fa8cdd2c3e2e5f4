package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/** Zero padding, {@code widths[axis] = {before, after}}; the gradient is the slice that held the input. */
final class PadRule implements Rule {
  private final int[][] widths;

  PadRule(int[][] widths) {
    this.widths = new int[widths.length][];
    for (int i = 0; i < widths.length; i++) {
      this.widths[i] = widths[i].clone();
    }
  }

  public String name() { return "pad"; }
  public NDArray forward(NDArray... in) { return in[0].pad(widths, 0); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    Tensor result = g;
    for (int axis = 0; axis < widths.length; axis++) {
      if (widths[axis][0] != 0 || widths[axis][1] != 0) {
        result = result.slice(axis, widths[axis][0], widths[axis][0] + in[0].shape().dim(axis), 1);
      }
    }
    return result;
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return t[0].pad(widths); }
}
