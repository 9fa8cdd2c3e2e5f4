package dev.ruru.models.anomaly;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.List;
import java.util.Map;

/**
 * One-class Deep SVDD's objective (Ruff et al. 2018, eq. 4): the mean squared distance of the batch's
 * codes to the fixed centre, L = (1/n) Σᵢ ‖φ(xᵢ) − c‖², minimised by Adam over the network's weights
 * (Ruff's weight decay 1e-6 is the L2 term of the paper's objective). Labels are not used: every training
 * image is normal.
 *
 * <pre>{@code
 * Layer network = DeepSvdd.network(rng);
 * DeepSvddObjective objective = new DeepSvddObjective(network, DeepSvdd.centre(network, normal), 1e-4);
 * Trainer.builder(objective).batchSize(200).build().fit(normalData, null, 20);
 * }</pre>
 */
public final class DeepSvddObjective implements Objective {
  private final Layer network;
  private final NDArray centre;
  private final List<Phase> phases;
  private final Shape input;

  /** The objective for images [n, 28, 28] (Ruff's image network). */
  public DeepSvddObjective(Layer network, NDArray centre, double learningRate) {
    this(network, centre, learningRate, Shape.of(28, 28));
  }

  /** The objective for inputs of one example's shape {@code input} ([features] for table rows). */
  public DeepSvddObjective(Layer network, NDArray centre, double learningRate, Shape input) {
    this.network = network;
    this.centre = centre;
    this.input = input;
    this.phases = List.of(Phase.of(new Adam(DeepSvdd.trainableParameters(network), AdamConfig.adam(learningRate).withWeightDecay(1e-6))));
  }

  /** The detector this objective trains: the network (shared, so it sees the training) and the centre. */
  public DeepSvdd detector() {
    return new DeepSvdd(network, centre, input);
  }

  @Override public Map<String, Layer> models() { return Map.of("network", network); }
  @Override public List<Phase> phases() { return phases; }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    return Result.of(loss(batch.features(), mode));
  }

  /** L on inputs [n, ...input]. */
  Tensor loss(NDArray images, Mode mode) {
    return DeepSvdd.squaredDistances(network.forward(Tensor.constant(images), mode), centre).mean();
  }
}
