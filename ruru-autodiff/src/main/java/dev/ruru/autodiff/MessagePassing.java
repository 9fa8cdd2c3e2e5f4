package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.array.sparse.CsrMatrix;
import java.util.Arrays;

/**
 * The operations of graph networks: a sparse matrix times a dense one (propagation, A·X), and
 * reductions over groups of rows (segments), so that message passing is gather → transform →
 * segment-reduce. A message along edge e = (source, target) is computed from
 * {@code x.takeRows(sources)}, and each node's messages are combined by a segment reduction with the
 * targets as group ids. The sparse product, the segment maximum and the weighted sum over edges
 * (attention's gather, product and sum in one pass) are primitives with their own reverse and forward
 * rules; sum is {@link Tensor#takeRows}'s transpose, and mean and softmax are composed, so every one
 * has both modes and second derivatives. Inputs are not modified.
 *
 * <pre>{@code
 * Tensor h = MessagePassing.matmul(propagation, x.matmul(w));             // GCN: Â·(X·W)
 * Tensor messages = x.takeRows(sources);                                  // [edges, d]
 * Tensor mean = MessagePassing.segmentMean(messages, targets, nodes);     // [nodes, d]
 * Tensor attention = MessagePassing.segmentSoftmax(scores, targets, nodes);   // sums to 1 per target
 * Tensor attended = MessagePassing.weightedSum(attention, z, sources, targets, nodes); // [nodes, heads, d]
 * }</pre>
 */
public final class MessagePassing {
  private MessagePassing() {}

  /** A·x for a sparse A with constant values: [rows, columns] · [columns, k] gives [rows, k]. */
  public static Tensor matmul(CsrMatrix a, Tensor x) {
    return matmul(a, Tensor.constant(a.values()), x);
  }

  /**
   * A·x for the sparse pattern of {@code pattern} with the given {@code values} [nonZeros] (a tensor:
   * gradients reach them, as attention weights need). x [columns, k] gives [rows, k]; a vector
   * [columns] gives [rows]. Values and x are promoted to one dtype, float64 if either is.
   */
  public static Tensor matmul(CsrMatrix pattern, Tensor values, Tensor x) {
    if (!values.shape().equals(Shape.of(pattern.nonZeros()))) {
      throw new ShapeMismatchException("sparseMatmul: expected values [" + pattern.nonZeros() + "] (one per stored entry), got "
          + values.shape());
    }
    boolean vector = x.rank() == 1;
    Tensor matrix = vector ? x.reshape(x.shape().dim(0), 1) : x;
    if (matrix.rank() != 2 || matrix.shape().dim(0) != pattern.columns()) {
      throw new ShapeMismatchException("sparseMatmul: shapes " + pattern.shape() + " and " + x.shape()
          + " do not align (expected a dense operand with " + pattern.columns() + " rows)");
    }
    DType dtype = values.dtype() == DType.FLOAT64 || x.dtype() == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
    Tensor product = Tensor.apply(new SparseMatmulRule(pattern), values.astype(dtype), matrix.astype(dtype));
    return vector ? product.reshape(pattern.rows()) : product;
  }

  /** Σ of the rows of x [E, d...] in each group: out[g] = Σ_{e: groups[e] = g} x[e], [count, d...]. */
  public static Tensor segmentSum(Tensor x, int[] groups, int count) {
    NDArray ids = checkedGroups("segmentSum", x, groups, count);
    int[] dims = x.shape().dims().clone();
    dims[0] = count;
    return Tensor.apply(new PutRowsRule(Shape.of(dims), ids), x);
  }

  /** The mean of the rows in each group, [count, d...]; 0 for a group with no rows. */
  public static Tensor segmentMean(Tensor x, int[] groups, int count) {
    return segmentSum(x, groups, count).mul(Tensor.constant(inverseCounts(groups, count, x)));
  }

  /**
   * The elementwise maximum of the rows in each group, [count, d...]; 0 for a group with no rows. The
   * gradient goes to the row that attains the maximum (the first on ties).
   */
  public static Tensor segmentMax(Tensor x, int[] groups, int count) {
    checkedGroups("segmentMax", x, groups, count);
    int[] dims = x.shape().dims().clone();
    int width = x.shape().size() / Math.max(1, dims[0]);
    dims[0] = count;
    Tensor flat = x.reshape(x.shape().dim(0), width);
    return Tensor.apply(new SegmentMaxRule(groups.clone(), count), flat).reshape(Shape.of(dims));
  }

  /**
   * Softmax over the rows of each group, separately in each column: out[e] = exp(x[e]) / Σ_{f in e's
   * group} exp(x[f]), shaped like x [E, d...] (GAT's attention over a node's neighbours, one column
   * per head). Each group's maximum is subtracted first (a constant: softmax does not change), so
   * exp() cannot overflow.
   */
  public static Tensor segmentSoftmax(Tensor x, int[] groups, int count) {
    NDArray ids = checkedGroups("segmentSoftmax", x, groups, count);
    NDArray maximum = Autodiff.noGrad(() -> segmentMax(x.detach(), groups, count).value());
    Tensor exponentials = x.sub(Tensor.constant(maximum.take(ids, 0))).exp();
    return exponentials.div(segmentSum(exponentials, groups, count).takeRows(ids));
  }

  /**
   * Σ over each target's in-edges of weight times source row, per head: out[t, h, :] = Σ_{e: targets[e]
   * = t} weights[e, h] · x[sources[e], h, :]. weights [E, heads] and x [nodes, heads, d] give
   * [count, heads, d] (GAT's h'_i = Σ_j α_ij z_j), the value of
   * {@code segmentSum(x.takeRows(sources).mul(weights.reshape(E, heads, 1)), targets, count)} in one
   * pass, without the [E, heads, d] messages; the gradients reach both weights and x. Promotes as
   * {@link #matmul(CsrMatrix, Tensor, Tensor)} does.
   */
  public static Tensor weightedSum(Tensor weights, Tensor x, int[] sources, int[] targets, int count) {
    if (weights.rank() != 2 || x.rank() != 3 || weights.shape().dim(1) != x.shape().dim(1)) {
      throw new ShapeMismatchException("weightedSum: expected weights [edges, heads] and x [nodes, heads, d], got "
          + weights.shape() + " and " + x.shape());
    }
    if (sources.length != weights.shape().dim(0)) {
      throw new ShapeMismatchException("weightedSum: expected one source per row of weights, got " + sources.length
          + " sources for weights " + weights.shape());
    }
    checkedGroups("weightedSum", weights, targets, count);
    checkedGroups("weightedSum (sources)", weights, sources, x.shape().dim(0));
    DType dtype = weights.dtype() == DType.FLOAT64 || x.dtype() == DType.FLOAT64 ? DType.FLOAT64 : DType.FLOAT32;
    return Tensor.apply(new EdgeWeightedSumRule(sources.clone(), targets.clone(), count), weights.astype(dtype), x.astype(dtype));
  }

  /** How many rows each group has, as a vector [count] of int32. */
  public static int[] groupSizes(int[] groups, int count) {
    int[] sizes = new int[count];
    for (int group : groups) {
      sizes[group]++;
    }
    return sizes;
  }

  /** 1/|group| per group, shaped [count, 1, ...] to broadcast against [count, d...]; 1 for an empty group. */
  private static NDArray inverseCounts(int[] groups, int count, Tensor x) {
    int[] sizes = groupSizes(groups, count);
    double[] inverse = new double[count];
    for (int g = 0; g < count; g++) {
      inverse[g] = 1.0 / Math.max(1, sizes[g]);
    }
    int[] dims = new int[x.rank()];
    Arrays.fill(dims, 1);
    dims[0] = count;
    return NDArray.wrap(inverse, dims).astype(x.dtype());
  }

  private static NDArray checkedGroups(String op, Tensor x, int[] groups, int count) {
    if (x.rank() < 1 || x.shape().dim(0) != groups.length) {
      throw new ShapeMismatchException(op + ": expected one group id per row of x, got " + groups.length + " ids for x "
          + x.shape());
    }
    for (int e = 0; e < groups.length; e++) {
      if (groups[e] < 0 || groups[e] >= count) {
        throw new IndexOutOfBoundsException(op + ": group id " + groups[e] + " of row " + e + " is outside [0, " + count
            + "); pass the number of groups (nodes) as count");
      }
    }
    return NDArray.wrap(groups.clone(), groups.length);
  }
}
