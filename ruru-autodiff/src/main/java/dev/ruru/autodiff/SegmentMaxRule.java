package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * The maximum of each group of rows: x [E, w] and a group id per row give [groups, w], 0 for a group
 * with no rows (PyTorch's {@code scatter_reduce("amax", include_self=False)} on zeros). The forward
 * pass records which row won each output (the first on ties), so the VJP sends each output's gradient
 * there and nowhere else ({@link ScatterAddRule} at the recorded rows), and the JVP reads the tangent
 * there ({@link GatherRule}): both are primitives, so the derivatives can be differentiated again.
 */
final class SegmentMaxRule implements Rule {
  private final int[] groups;
  private final int count;
  /** The winning row of each output [groups, w] (0 for an empty group), filled by {@link #forward}. */
  private NDArray argmax;
  /** 1 where the group has rows, 0 where it is empty: empty groups pass no gradient. */
  private NDArray filled;

  SegmentMaxRule(int[] groups, int count) {
    this.groups = groups;
    this.count = count;
  }

  public String name() { return "segmentMax"; }

  public NDArray forward(NDArray... in) {
    int rows = in[0].dim(0), width = in[0].dim(1);
    double[] x = in[0].toDoubleArray();
    double[] best = new double[count * width];
    long[] winner = new long[count * width];
    double[] present = new double[count * width];
    for (int e = 0; e < rows; e++) {
      int base = groups[e] * width;
      for (int k = 0; k < width; k++) {
        // A NaN wins and stays, so that it shows in the output instead of vanishing.
        if (present[base + k] == 0 || x[e * width + k] > best[base + k] || Double.isNaN(x[e * width + k]) && !Double.isNaN(best[base + k])) {
          best[base + k] = x[e * width + k];
          winner[base + k] = e;
          present[base + k] = 1;
        }
      }
    }
    argmax = NDArray.wrap(winner, count, width);
    filled = NDArray.wrap(present, count, width).astype(in[0].dtype());
    return NDArray.wrap(best, count, width).astype(in[0].dtype());
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return Tensor.apply(new ScatterAddRule(in[0].shape(), 0, argmax), g.mul(Tensor.constant(filled.astype(g.dtype()))));
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return t[0].gather(0, argmax).mul(Tensor.constant(filled.astype(t[0].dtype())));
  }
}
