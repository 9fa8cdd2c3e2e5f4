package dev.ruru.spark;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the workers send back in one round, summed by {@code treeAggregate}: a vector (gradients or
 * weights, each worker's times its examples) with its layout, the metrics times examples, the examples,
 * and the longest a worker computed (to tell computation from communication). The layout travels with
 * the vector because only the workers know it after local steps: an optimiser's state appears with its
 * first step.
 */
final class Contribution implements Serializable {
  private static final long serialVersionUID = 1L;

  FlatLayout layout;
  double[] vector;
  final Map<String, Double> metrics = new LinkedHashMap<>();
  long examples;
  double slowestSeconds;

  /** An empty sum over {@code layout}; null for the aggregation's zero, which takes the first layout it meets. */
  Contribution(FlatLayout layout) {
    this.layout = layout;
    this.vector = new double[layout == null ? 0 : layout.length()];
  }

  /** Adds {@code value × weight} to metric {@code name}. */
  void addMetric(String name, double value, double weight) {
    metrics.merge(name, value * weight, Double::sum);
  }

  /** This plus {@code other}, in place: the combine step of the aggregation. */
  Contribution plus(Contribution other) {
    if (layout == null && other.layout != null) {
      layout = other.layout;
      vector = new double[layout.length()];
    }
    if (other.layout != null && !other.layout.equals(layout)) {
      throw new IllegalStateException("spark: two workers sent states of different names or shapes; the recipe must build the same models on every node");
    }
    for (int i = 0; i < other.vector.length; i++) {
      vector[i] += other.vector[i];
    }
    other.metrics.forEach((name, value) -> metrics.merge(name, value, Double::sum));
    examples += other.examples;
    slowestSeconds = Math.max(slowestSeconds, other.slowestSeconds);
    return this;
  }

  /** The metrics' example-weighted means. */
  Map<String, Double> meanMetrics() {
    Map<String, Double> means = new LinkedHashMap<>();
    metrics.forEach((name, sum) -> means.put(name, sum / examples));
    return means;
  }
}
