package dev.ruru.train.objective;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import dev.ruru.train.metrics.Auroc;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The means of a pass, plus {@code auroc}: how well the outputs, one score per example (an anomaly score,
 * a detector's logit), rank the examples whose label is positive (non-zero) above the others. For an
 * objective whose {@link Objective.Result#outputs()} are scores {@code [n]} or {@code [n, 1]} in
 * evaluation: {@code public PassMetrics newPass() { return new AurocPass(); }}. A pass that saw no
 * outputs, or only one class, reports no {@code auroc}.
 */
public final class AurocPass implements PassMetrics {
  private final PassMetrics.Means means = new PassMetrics.Means();
  private double[] scores = new double[64];
  private boolean[] positive = new boolean[64];
  private int size;

  @Override
  public void add(Batch batch, Map<String, Double> metrics, NDArray outputs) {
    means.add(batch, metrics, outputs);
    if (outputs == null) {
      return;
    }
    if (outputs.size() != batch.size() || batch.labels().size() != batch.size()) {
      throw new IllegalArgumentException("auroc: expected one score and one label per example, got outputs " + outputs.shape()
          + " and labels " + batch.labels().shape() + " for " + batch.size() + " examples");
    }
    double[] batchScores = outputs.toDoubleArray();
    double[] labels = batch.labels().toDoubleArray();
    while (size + batchScores.length > scores.length) {
      scores = Arrays.copyOf(scores, 2 * scores.length);
      positive = Arrays.copyOf(positive, 2 * positive.length);
    }
    for (int i = 0; i < batchScores.length; i++) {
      scores[size] = batchScores[i];
      positive[size++] = labels[i] != 0;
    }
  }

  @Override
  public Map<String, Double> values() {
    Map<String, Double> values = new LinkedHashMap<>(means.values());
    double[] seen = Arrays.copyOf(scores, size);
    boolean[] labels = Arrays.copyOf(positive, size);
    boolean both = false;
    for (int i = 1; i < size && !both; i++) {
      both = labels[i] != labels[0];
    }
    if (both) {
      values.put("auroc", Auroc.of(seen, labels));
    }
    return values;
  }
}
