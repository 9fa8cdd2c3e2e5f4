package dev.ruru.nn.graph;

import dev.ruru.autodiff.Tensor;

/**
 * Whole-graph outputs from node features: the sum, mean or maximum of each graph's node rows, x
 * [Σ nodes, d] → [graphs, d], for graph classification and regression on a {@link GraphBatch}. Sum
 * keeps the graph's size (a molecule's polar surface adds over its atoms), mean does not.
 */
public final class GlobalPooling {
  private GlobalPooling() {}

  public static Tensor sum(Tensor x, GraphBatch batch) { return pool(Aggregation.SUM, x, batch); }
  public static Tensor mean(Tensor x, GraphBatch batch) { return pool(Aggregation.MEAN, x, batch); }
  public static Tensor max(Tensor x, GraphBatch batch) { return pool(Aggregation.MAX, x, batch); }

  /** The rows of each graph combined by {@code aggregation}: [graphs, d...]. */
  public static Tensor pool(Aggregation aggregation, Tensor x, GraphBatch batch) {
    if (x.rank() < 1 || x.shape().dim(0) != batch.graph().nodes()) {
      throw new IllegalArgumentException("GlobalPooling: expected one row per node of " + batch + ", got " + x.shape());
    }
    return aggregation.reduce(x, batch.graphOfNode(), batch.graphs());
  }
}
