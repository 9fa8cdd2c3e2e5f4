package dev.ruru.rl.dqn;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.nn.Layer;
import dev.ruru.nn.LossReduction;
import dev.ruru.nn.Losses;
import dev.ruru.nn.Mode;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.List;
import java.util.Map;

/**
 * DQN's step as an objective: the Huber loss between Q(s, a) and the target
 * <pre>
 *   y = r + γ · (1 − terminated) · Q_target(s', a*),   a* = argmax_a Q(s', a) (Double DQN) or argmax_a Q_target(s', a)
 * </pre>
 * computed without gradients, each transition's loss scaled by its importance weight (1 for uniform
 * replay; {@link PrioritizedReplay}'s otherwise). Adam updates the online network only; the target network
 * is a model too, so checkpoints hold it. A batch is {@link ReplayBuffer#batch}'s. The last step's TD
 * errors {@code |y − Q(s, a)|} stay behind for the prioritised replay ({@link #tdErrors()}).
 */
public final class DqnObjective implements Objective {
  private final Layer online;
  private final Layer target;
  private final int width;
  private final DqnConfig config;
  private final List<Phase> phases;
  private final Map<String, ResumableRandom> generators;
  private double[] tdErrors = new double[0];

  public DqnObjective(Layer online, Layer target, int width, DqnConfig config, Map<String, ResumableRandom> generators) {
    this.online = online;
    this.target = target;
    this.width = width;
    this.config = config;
    this.generators = Map.copyOf(generators);
    this.phases = List.of(Phase.of(new Adam(online.parameters(), AdamConfig.adam(config.learningRate()))));
  }

  @Override public Map<String, Layer> models() { return Map.of("q", online, "target", target); }
  @Override public List<Phase> phases() { return phases; }
  @Override public Map<String, ResumableRandom> generators() { return generators; }

  /** Copies the online network's weights into the target network. */
  public void refreshTarget() {
    target.loadStateDict(online.stateDict());
  }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    NDArray features = batch.features();
    if (features.rank() != 2 || features.dim(1) != 2 * width + 3) {
      throw new IllegalArgumentException("DqnObjective: expected features [batch, " + (2 * width + 3) + "] (s, s', r, terminated, weight), got "
          + features.shape() + "; draw batches with ReplayBuffer.batch");
    }
    int b = features.dim(0);
    Tensor observations = Tensor.constant(features.slice(1, 0, width, 1).contiguous());
    NDArray next = features.slice(1, width, 2 * width, 1).contiguous();
    NDArray rewards = features.slice(1, 2 * width, 2 * width + 1, 1).reshape(b);
    NDArray continues = features.slice(1, 2 * width + 1, 2 * width + 2, 1).reshape(b).neg().add(1);
    Tensor weights = Tensor.constant(features.slice(1, 2 * width + 2, 2 * width + 3, 1).reshape(b).contiguous());
    NDArray nextValues = Autodiff.noGrad(() -> nextValues(next, b));
    Tensor y = Tensor.constant(rewards.add(continues.mul(nextValues).mul(config.gamma())));
    Tensor q = online.forward(observations, mode).gather(1, batch.labels().astype(DType.INT64).reshape(b, 1)).reshape(b);
    Tensor loss = Losses.huber(q, y, 1, LossReduction.NONE).mul(weights).mean();
    tdErrors = q.value().sub(y.value()).abs().toDoubleArray();
    return Result.of(loss).with("q", q.value().mean().item());
  }

  /** {@code |y − Q(s, a)|} of each transition of the last batch computed. */
  public double[] tdErrors() {
    return tdErrors.clone();
  }

  private NDArray nextValues(NDArray next, int b) {
    NDArray targetValues = target.forward(Tensor.constant(next), Mode.EVAL).value();
    if (!config.doubleQ()) {
      return targetValues.max(1, Dims.DROP);
    }
    NDArray choice = online.forward(Tensor.constant(next), Mode.EVAL).value().argmax(1).astype(DType.INT64).reshape(b, 1);
    return targetValues.gather(1, choice).reshape(b);
  }
}
