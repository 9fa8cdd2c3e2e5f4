package dev.ruru.rl.ppo;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Params;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.rl.policy.ActorCritic;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PPO's step as an objective for the one training loop: a minibatch of a rollout in, {@link PpoLoss} out,
 * one Adam (ε = 1e-5, as the PPO implementations use) over the actor's and the critic's parameters.
 *
 * <p>A minibatch is a {@link Batch} whose labels are the actions (int64) and whose features are, per
 * transition, the encoded observation followed by four columns: the old log-probability, the advantage,
 * the return and the old value ({@link #batch}). The objective names the run's random generators (action
 * sampling, minibatch order) so that checkpoints save them.
 */
public final class PpoObjective implements Objective {
  /** Columns after the observation: old log-probability, advantage, return, old value. */
  static final int EXTRA_COLUMNS = 4;

  private final ActorCritic policy;
  private final PpoConfig config;
  private final List<Phase> phases;
  private final Map<String, ResumableRandom> generators;
  private double clip;

  public PpoObjective(ActorCritic policy, PpoConfig config, Map<String, ResumableRandom> generators) {
    this.policy = policy;
    this.config = config;
    this.clip = config.clip();
    this.generators = new LinkedHashMap<>(generators);
    Map<String, dev.ruru.nn.Parameter> parameters = Params.merge(Params.nested("actor", policy.actor().parameters()),
        Params.nested("critic", policy.critic().parameters()));
    this.phases = List.of(Phase.of(new Adam(parameters, AdamConfig.adam(config.learningRate()).withEpsilon(1e-5))));
  }

  @Override public Map<String, Layer> models() { return Map.of("actor", policy.actor(), "critic", policy.critic()); }
  @Override public List<Phase> phases() { return phases; }
  @Override public Map<String, ResumableRandom> generators() { return generators; }

  /** The ratio's clip range now (annealed with the learning rate when the config says so). */
  public void setClip(double newClip) { this.clip = newClip; }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    int width = policy.inputSize();
    NDArray features = batch.features();
    Tensor input = Tensor.constant(features.slice(1, 0, width, 1).contiguous());
    PpoLoss.Targets targets = new PpoLoss.Targets(batch.labels(), column(features, width), column(features, width + 1),
        column(features, width + 2), column(features, width + 3));
    PpoLoss.Terms terms = PpoLoss.compute(policy.logits(input, mode), policy.values(input, mode), targets, clip, config.valueClip(),
        config.entropyCoefficient(), config.valueCoefficient());
    return Result.of(terms.loss()).with("policy_loss", terms.policyLoss()).with("value_loss", terms.valueLoss())
        .with("entropy", terms.entropy()).with("approx_kl", terms.approximateKl()).with("clip_fraction", terms.clipFraction());
  }

  private static NDArray column(NDArray features, int index) {
    return features.slice(1, index, index + 1, 1).reshape(features.dim(0));
  }

  /**
   * The minibatch of transitions {@code rows} (indices into the flattened rollout): features
   * [b, inputSize + 4] as the class comment says, labels the actions.
   */
  public static Batch batch(NDArray observations, int[] actions, double[] logProbabilities, double[] advantages, double[] returns,
      double[] values, int[] rows) {
    int width = observations.dim(1);
    int columns = width + EXTRA_COLUMNS;
    float[] source = observations.floatsToRead();
    float[] data = new float[rows.length * columns];
    long[] labels = new long[rows.length];
    for (int j = 0; j < rows.length; j++) {
      int r = rows[j];
      System.arraycopy(source, r * width, data, j * columns, width);
      data[j * columns + width] = (float) logProbabilities[r];
      data[j * columns + width + 1] = (float) advantages[r];
      data[j * columns + width + 2] = (float) returns[r];
      data[j * columns + width + 3] = (float) values[r];
      labels[j] = actions[r];
    }
    return new Batch(NDArray.wrap(data, rows.length, columns), NDArray.wrap(labels, rows.length));
  }
}
