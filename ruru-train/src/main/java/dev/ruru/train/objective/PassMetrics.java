package dev.ruru.train.objective;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sums up one pass over a batch source (a training epoch, a validation or test evaluation) into its
 * metrics: by default each metric's mean over examples ({@link Means}); an objective whose metrics need
 * the whole pass (perplexity from the mean loss, AUROC from all scores) supplies its own.
 */
public interface PassMetrics {
  /**
   * Adds a batch: every phase's metrics merged (losses under their names), and the outputs the objective
   * returned (null when it returned none).
   */
  void add(Batch batch, Map<String, Double> metrics, NDArray outputs);

  /** The metrics of the batches added so far, by name; readable at any time (the progress bar shows them mid-epoch). */
  Map<String, Double> values();

  /** Each metric's mean over the examples of the batches added, as Keras and PyTorch report a training epoch. */
  final class Means implements PassMetrics {
    private final Map<String, double[]> sums = new LinkedHashMap<>();

    @Override
    public void add(Batch batch, Map<String, Double> metrics, NDArray outputs) {
      int weight = batch.size();
      metrics.forEach((name, value) -> {
        double[] sum = sums.computeIfAbsent(name, key -> new double[2]);
        sum[0] += value * weight;
        sum[1] += weight;
      });
    }

    @Override
    public Map<String, Double> values() {
      Map<String, Double> means = new LinkedHashMap<>();
      sums.forEach((name, sum) -> means.put(name, sum[0] / sum[1]));
      return means;
    }
  }
}
