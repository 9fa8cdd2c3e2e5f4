package dev.ruru.data.graph;

import java.util.Arrays;

/**
 * Which nodes train, validate and test a node classifier (the Planetoid split of Cora: 140, 500 and
 * 1,000 nodes). The others are in the graph, and their features pass messages, but their labels are
 * never used.
 */
public record NodeSplit(int[] train, int[] validation, int[] test) {
  public NodeSplit {
    train = train.clone();
    validation = validation.clone();
    test = test.clone();
  }

  @Override public int[] train() { return train.clone(); }
  @Override public int[] validation() { return validation.clone(); }
  @Override public int[] test() { return test.clone(); }

  @Override
  public boolean equals(Object other) {
    return other instanceof NodeSplit s && Arrays.equals(train, s.train) && Arrays.equals(validation, s.validation)
        && Arrays.equals(test, s.test);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(train) * 961 + Arrays.hashCode(validation) * 31 + Arrays.hashCode(test);
  }

  @Override
  public String toString() {
    return "NodeSplit(" + train.length + " train, " + validation.length + " validation, " + test.length + " test)";
  }
}
