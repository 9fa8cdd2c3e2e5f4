package dev.ruru.models.graph;

import dev.ruru.array.NDArray;
import dev.ruru.nn.Layer;
import dev.ruru.train.Callback;
import dev.ruru.train.Trainer;
import dev.ruru.train.metrics.EpochMetrics;
import java.util.Map;

/**
 * Keeps the weights of the epoch with the best validation accuracy (the lower validation loss breaks
 * a tie), the model selection of the GAT paper and of PyTorch Geometric's examples: with 140 labelled
 * nodes, the last epoch's weights are a noisy choice.
 */
public final class BestValidation implements Callback {
  private final Layer model;
  private double bestAccuracy = Double.NEGATIVE_INFINITY;
  private double bestLoss = Double.POSITIVE_INFINITY;
  private int bestEpoch;
  private Map<String, NDArray> bestState;

  public BestValidation(Layer model) {
    this.model = model;
  }

  @Override
  public void onEpochEnd(Trainer trainer, EpochMetrics metrics) {
    double accuracy = metrics.validation().getOrDefault("accuracy", Double.NaN);
    double loss = metrics.validation().getOrDefault("loss", Double.NaN);
    if (Double.isNaN(accuracy)) {
      return;
    }
    if (accuracy > bestAccuracy || accuracy == bestAccuracy && loss < bestLoss) {
      bestAccuracy = accuracy;
      bestLoss = loss;
      bestEpoch = metrics.epoch();
      bestState = model.stateDict();
    }
  }

  /** Puts the best epoch's weights back into the model; false when no epoch was validated. */
  public boolean restore() {
    if (bestState == null) {
      return false;
    }
    model.loadStateDict(bestState);
    return true;
  }

  public int bestEpoch() { return bestEpoch; }
  public double bestAccuracy() { return bestAccuracy; }
}
