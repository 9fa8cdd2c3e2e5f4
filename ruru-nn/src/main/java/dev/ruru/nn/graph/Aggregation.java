package dev.ruru.nn.graph;

import dev.ruru.autodiff.MessagePassing;
import dev.ruru.autodiff.Tensor;

/**
 * How the rows of a group are combined into one: a node's incoming messages (GraphSAGE, GIN) or a
 * graph's nodes ({@link GlobalPooling}). An empty group gives zeros. Sum keeps the count (GIN's
 * injectivity argument), mean forgets it, max keeps the strongest signal per feature.
 */
public enum Aggregation {
  SUM, MEAN, MAX;

  /** rows [E, d...] combined by group: [count, d...]. */
  public Tensor reduce(Tensor rows, int[] groups, int count) {
    return switch (this) {
      case SUM -> MessagePassing.segmentSum(rows, groups, count);
      case MEAN -> MessagePassing.segmentMean(rows, groups, count);
      case MAX -> MessagePassing.segmentMax(rows, groups, count);
    };
  }
}
