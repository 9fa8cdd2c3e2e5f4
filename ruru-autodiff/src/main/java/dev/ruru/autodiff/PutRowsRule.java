package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;

/**
 * The transpose of {@link TakeRowsRule}: rows g [k..., d...] added into a zero array [n, d...] at the
 * rows ids [k...] name, summing where an id repeats. Its VJP takes the rows again.
 */
final class PutRowsRule implements Rule {
  private final Shape target;
  private final NDArray ids;

  PutRowsRule(Shape target, NDArray ids) {
    this.target = target;
    this.ids = ids;
  }

  public String name() { return "putRows"; }

  public NDArray forward(NDArray... in) {
    int[] picks = TakeRowsRule.rowIndices(ids, target.dim(0));
    int width = TakeRowsRule.rowShape(target).size();
    if (in[0].dtype() == DType.FLOAT64) {
      double[] g = in[0].toDoubleArray(), out = new double[target.size()];
      for (int k = 0; k < picks.length; k++) {
        for (int j = 0, from = k * width, to = picks[k] * width; j < width; j++) {
          out[to + j] += g[from + j];
        }
      }
      return NDArray.wrap(out, target.dims());
    }
    float[] g = in[0].toFloatArray(), out = new float[target.size()];
    for (int k = 0; k < picks.length; k++) {
      for (int j = 0, from = k * width, to = picks[k] * width; j < width; j++) {
        out[to + j] += g[from + j];
      }
    }
    return NDArray.wrap(out, target.dims()).astype(in[0].dtype());
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return Tensor.apply(new TakeRowsRule(ids), g);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return Tensor.apply(this, t[0]); }
}
