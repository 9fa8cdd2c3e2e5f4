package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * out[e, h] = ⟨a[first[e], h, :], b[second[e], h, :]⟩ over the edges e: a [Na, heads, d] and
 * b [Nb, heads, d] give [E, heads], the product of two dense matrices sampled at the edges (what the
 * attention weights' gradient in {@link EdgeWeightedSumRule} is), without the two [E, heads, d] row
 * picks. Bilinear: the VJP for a gathers g-weighted rows of b into a's rows, {@link EdgeWeightedSumRule}
 * on the edges second → first (and symmetrically for b); the JVP is this rule once per tangent.
 */
final class EdgeDotRule implements Rule {
  private final int[] first;
  private final int[] second;

  /** Edge e pairs row first[e] of a with row second[e] of b; ids are checked by the caller. */
  EdgeDotRule(int[] first, int[] second) {
    this.first = first;
    this.second = second;
  }

  public String name() { return "edgeDot"; }

  public NDArray forward(NDArray... in) {
    int heads = in[0].dim(1), width = in[0].dim(2), edges = first.length;
    if (in[0].dtype() == DType.FLOAT64) {
      double[] a = in[0].doublesToRead(), b = in[1].doublesToRead(), out = new double[edges * heads];
      for (int e = 0; e < edges; e++) {
        for (int h = 0, i = first[e] * heads * width, k = second[e] * heads * width; h < heads; h++) {
          double sum = 0;
          for (int j = 0; j < width; j++) {
            sum += a[i++] * b[k++];
          }
          out[e * heads + h] = sum;
        }
      }
      return NDArray.wrap(out, edges, heads);
    }
    float[] a = in[0].floatsToRead(), b = in[1].floatsToRead(), out = new float[edges * heads];
    for (int e = 0; e < edges; e++) {
      for (int h = 0, i = first[e] * heads * width, k = second[e] * heads * width; h < heads; h++) {
        float sum = 0;
        for (int j = 0; j < width; j++) {
          sum += a[i++] * b[k++];
        }
        out[e * heads + h] = sum;
      }
    }
    return NDArray.wrap(out, edges, heads);
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return input == 0 ? Tensor.apply(new EdgeWeightedSumRule(second, first, in[0].shape().dim(0)), g, in[1])
        : Tensor.apply(new EdgeWeightedSumRule(first, second, in[1].shape().dim(0)), g, in[0]);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.sumOfTangents(t[0] == null ? null : Tensor.apply(this, t[0], in[1]),
        t[1] == null ? null : Tensor.apply(this, in[0], t[1]));
  }
}
