package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * out[targets[e], h, :] += w[e, h] · x[sources[e], h, :] over the edges e: weights w [E, heads] and
 * rows x [N, heads, d] give [count, heads, d] (GAT's Σ_j α_ij z_j, one weight per edge and head). One
 * pass over the edges, where a row pick, a broadcast product and a segment sum wrote and read
 * [E, heads, d] messages three times forward and as often back; they stay its test oracle. Bilinear in
 * (w, x): the VJP for x is this rule on the reversed edges (each source gathers from its targets), the
 * VJP for w is {@link EdgeDotRule} (⟨g[target], x[source]⟩ per edge and head), the JVP this rule once
 * per tangent; all are primitives, so the derivatives can be differentiated again.
 */
final class EdgeWeightedSumRule implements Rule {
  private final int[] sources;
  private final int[] targets;
  private final int count;

  /** Edge e goes from row sources[e] of x to row targets[e] of the output; ids are checked by the caller. */
  EdgeWeightedSumRule(int[] sources, int[] targets, int count) {
    this.sources = sources;
    this.targets = targets;
    this.count = count;
  }

  public String name() { return "edgeWeightedSum"; }

  public NDArray forward(NDArray... in) {
    int heads = in[1].dim(1), width = in[1].dim(2);
    if (in[1].dtype() == DType.FLOAT64) {
      double[] w = in[0].doublesToRead(), x = in[1].doublesToRead(), out = new double[count * heads * width];
      for (int e = 0; e < sources.length; e++) {
        for (int h = 0, from = (sources[e] * heads) * width, to = (targets[e] * heads) * width; h < heads; h++, from += width, to += width) {
          double weight = w[e * heads + h];
          for (int j = 0; j < width; j++) {
            out[to + j] += weight * x[from + j];
          }
        }
      }
      return NDArray.wrap(out, count, heads, width);
    }
    float[] w = in[0].floatsToRead(), x = in[1].floatsToRead(), out = new float[count * heads * width];
    for (int e = 0; e < sources.length; e++) {
      for (int h = 0, from = (sources[e] * heads) * width, to = (targets[e] * heads) * width; h < heads; h++, from += width, to += width) {
        float weight = w[e * heads + h];
        for (int j = 0; j < width; j++) {
          out[to + j] += weight * x[from + j];
        }
      }
    }
    return NDArray.wrap(out, count, heads, width);
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return input == 1 ? Tensor.apply(new EdgeWeightedSumRule(targets, sources, in[1].shape().dim(0)), in[0], g)
        : Tensor.apply(new EdgeDotRule(targets, sources), g, in[1]);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.sumOfTangents(t[0] == null ? null : Tensor.apply(this, t[0], in[1]),
        t[1] == null ? null : Tensor.apply(this, in[0], t[1]));
  }
}
