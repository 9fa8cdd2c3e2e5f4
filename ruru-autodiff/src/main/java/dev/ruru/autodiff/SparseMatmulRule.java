package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import dev.ruru.array.sparse.CsrMatrix;

/**
 * Y = A·X for a sparse A whose pattern is fixed and whose values are input 0 ([nonZeros]); X is input
 * 1 ([columns, k]). Reverse mode: ∂L/∂X = Aᵀ·G, the same primitive on the transposed pattern with the
 * values permuted (a differentiable row pick, so second derivatives reach the values too), and
 * ∂L/∂a_e = ⟨G[row e], X[column e]⟩ for each stored entry e (the product sampled at A's pattern,
 * composed from row picks). Forward mode: Ẏ = Ȧ·X + A·Ẋ, the primitive twice.
 */
final class SparseMatmulRule implements Rule {
  private final CsrMatrix pattern;

  SparseMatmulRule(CsrMatrix pattern) {
    this.pattern = pattern;
  }

  public String name() { return "sparseMatmul"; }

  public NDArray forward(NDArray... in) { return pattern.withValues(in[0]).matmul(in[1]); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    if (input == 1) {
      Tensor transposedValues = in[0].takeRows(NDArray.wrap(pattern.transposeOrder(), pattern.nonZeros()));
      return Tensor.apply(new SparseMatmulRule(pattern.transpose()), transposedValues, g);
    }
    int entries = pattern.nonZeros();
    NDArray rows = NDArray.wrap(pattern.rowIndices(), entries);
    NDArray columns = NDArray.wrap(pattern.columnIndices(), entries);
    return g.takeRows(rows).mul(in[1].takeRows(columns)).sum(1, dev.ruru.array.Dims.DROP);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.sumOfTangents(t[0] == null ? null : Tensor.apply(this, t[0], in[1]),
        t[1] == null ? null : Tensor.apply(this, in[0], t[1]));
  }
}
