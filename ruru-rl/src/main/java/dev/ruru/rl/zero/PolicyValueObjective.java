package dev.ruru.rl.zero;

import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.List;
import java.util.Map;

/**
 * AlphaZero's loss, {@code l = (z − v)² − πᵀ log p} averaged over the batch: the value head learns the
 * game's result {@code z}, the policy head the search's visit distribution {@code π} (cross-entropy with
 * the softmax of the logits). Weight decay, the paper's {@code c‖θ‖²}, is the optimiser's. A batch holds
 * board encodings as features {@code [b, E]} and, as labels {@code [b, A + 1]}, {@code π} then {@code z}
 * ({@link PositionReplay#batch}).
 */
public final class PolicyValueObjective implements Objective {
  private final PolicyValueNet network;
  private final List<Phase> phases;
  private final Map<String, ResumableRandom> generators;

  public PolicyValueObjective(PolicyValueNet network, Optimizer optimizer) {
    this(network, optimizer, Map.of());
  }

  /** The objective with the generators of the self-play around it, which checkpoints then hold. */
  public PolicyValueObjective(PolicyValueNet network, Optimizer optimizer, Map<String, ResumableRandom> generators) {
    this.network = network;
    this.phases = List.of(Phase.of(optimizer));
    this.generators = Map.copyOf(generators);
  }

  @Override public Map<String, Layer> models() { return Map.of("model", network); }
  @Override public List<Phase> phases() { return phases; }
  @Override public Map<String, ResumableRandom> generators() { return generators; }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    int actions = network.game().actionCount();
    if (batch.labels().rank() != 2 || batch.labels().dim(1) != actions + 1) {
      throw new IllegalArgumentException("PolicyValueObjective: expected labels [batch, " + (actions + 1) + "] (visit policy, then result), got "
          + batch.labels().shape());
    }
    Tensor output = network.forward(Tensor.constant(batch.features()), mode);
    Tensor targets = Tensor.constant(batch.labels());
    Tensor policyLoss = crossEntropy(output.slice(1, 0, actions, 1), targets.slice(1, 0, actions, 1));
    Tensor valueLoss = output.slice(1, actions, actions + 1, 1).sub(targets.slice(1, actions, actions + 1, 1)).pow(2).mean();
    return Result.of(policyLoss.add(valueLoss)).with("policy_loss", policyLoss).with("value_loss", valueLoss);
  }

  /** {@code mean over rows of −Σ π log softmax(logits)}: cross-entropy against a distribution, not a label. */
  static Tensor crossEntropy(Tensor logits, Tensor distribution) {
    return distribution.mul(logits.logSoftmax(1)).sum().neg().div(logits.shape().dim(0));
  }
}
