package dev.ruru.models.wavenet;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Losses;
import dev.ruru.nn.Mode;
import dev.ruru.optim.Adam;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.List;
import java.util.Map;

/**
 * WaveNet's training objective: the mean cross-entropy of every next code given the codes before it,
 * −(1/NT)·Σ log p(x[t + 1] | x[0..t], digit), in nats per sample. A batch's features are windows of
 * codes [N, T + 1] (int32) and its labels the digits [N]: the network reads codes 0..T−1 and is scored
 * on codes 1..T, all T predictions of a window in one pass (teacher forcing, as the causal convolutions
 * allow). Metric {@code accuracy}: the share of next codes it ranks first.
 */
public final class NextSampleObjective implements Objective {
  private final WaveNet net;
  private final List<Phase> phases;

  /** Trains {@code net} with {@code optimizer} (usually Adam over {@code net.parameters()}). */
  public NextSampleObjective(WaveNet net, Optimizer optimizer) {
    this.net = net;
    this.phases = List.of(Phase.of(optimizer));
  }

  /** Adam at {@code learningRate} over every parameter of {@code net}. */
  public NextSampleObjective(WaveNet net, double learningRate) {
    this(net, new Adam(net.parameters(), learningRate));
  }

  public WaveNet net() { return net; }

  @Override public Map<String, Layer> models() { return Map.of("wavenet", net); }
  @Override public List<Phase> phases() { return phases; }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    NDArray windows = batch.features();
    if (windows.rank() != 2 || windows.dim(1) < 2) {
      throw new IllegalArgumentException("wavenet: expected windows of codes [batch, time + 1] with time at least 1, got " + windows.shape());
    }
    int n = windows.dim(0);
    int time = windows.dim(1) - 1;
    NDArray inputs = windows.slice(1, 0, time, 1);
    NDArray targets = windows.slice(1, 1, time + 1, 1).reshape(n * time);
    Tensor logits = net.logits(inputs, batch.labels(), mode).permute(0, 2, 1).reshape(n * time, MuLaw.LEVELS);
    Tensor loss = Losses.crossEntropy(logits, targets);
    double correct = logits.value().argmax(1).eq(targets.astype(DType.INT64)).sum().item();
    return Result.of(loss).with("accuracy", correct / (n * (double) time));
  }
}
