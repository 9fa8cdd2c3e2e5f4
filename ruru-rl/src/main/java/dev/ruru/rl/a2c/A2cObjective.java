package dev.ruru.rl.a2c;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.optim.Optimizer;
import dev.ruru.optim.RmsProp;
import dev.ruru.optim.RmsPropConfig;
import dev.ruru.rl.policy.ActorCritic;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.List;
import java.util.Map;

/**
 * A2C's step as an objective: on the whole rollout,
 * <pre>
 *   L = −mean(A · log π(a|s)) + c_V · mean((G − V(s))²) − c_H · mean(H(π(·|s)))
 * </pre>
 * with G the n-step return and A = G − V_old(s) the advantage (a constant), as Stable-Baselines3 writes it.
 * A batch's labels are the actions; its features the encoded observation, then the advantage and the return.
 */
public final class A2cObjective implements Objective {
  private final ActorCritic policy;
  private final double entropyCoefficient;
  private final double valueCoefficient;
  private final List<Phase> phases;
  private final Map<String, ResumableRandom> generators;

  /** A2C's objective: RMSprop (α = 0.99, ε = 1e-5) over both networks, as Stable-Baselines3's. */
  public A2cObjective(ActorCritic policy, A2cConfig config, Map<String, ResumableRandom> generators) {
    this(policy, config.entropyCoefficient(), config.valueCoefficient(),
        new RmsProp(parameters(policy), RmsPropConfig.of(config.learningRate()).withAlpha(0.99).withEpsilon(1e-5)), generators);
  }

  /** The same loss with another optimiser over {@link #parameters(ActorCritic)} (REINFORCE with a baseline uses Adam). */
  public A2cObjective(ActorCritic policy, double entropyCoefficient, double valueCoefficient, Optimizer optimizer,
      Map<String, ResumableRandom> generators) {
    this.policy = policy;
    this.entropyCoefficient = entropyCoefficient;
    this.valueCoefficient = valueCoefficient;
    this.generators = Map.copyOf(generators);
    this.phases = List.of(Phase.of(optimizer));
  }

  /** Both networks' parameters, {@code actor.*} and {@code critic.*}. */
  public static Map<String, Parameter> parameters(ActorCritic policy) {
    return Params.merge(Params.nested("actor", policy.actor().parameters()), Params.nested("critic", policy.critic().parameters()));
  }

  @Override public Map<String, Layer> models() { return Map.of("actor", policy.actor(), "critic", policy.critic()); }
  @Override public List<Phase> phases() { return phases; }
  @Override public Map<String, ResumableRandom> generators() { return generators; }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    int width = policy.inputSize();
    NDArray features = batch.features();
    int b = features.dim(0);
    Tensor input = Tensor.constant(features.slice(1, 0, width, 1).contiguous());
    Tensor advantages = Tensor.constant(features.slice(1, width, width + 1, 1).reshape(b));
    Tensor returns = Tensor.constant(features.slice(1, width + 1, width + 2, 1).reshape(b));
    Tensor logProbabilities = policy.logits(input, mode).logSoftmax(1);
    Tensor taken = logProbabilities.gather(1, batch.labels().astype(DType.INT64).reshape(b, 1)).reshape(b);
    Tensor policyLoss = advantages.mul(taken).mean().neg();
    Tensor valueLoss = returns.sub(policy.values(input, mode)).pow(2).mean();
    Tensor entropy = logProbabilities.exp().mul(logProbabilities).sum(1, Dims.DROP).neg().mean();
    Tensor loss = policyLoss.add(valueLoss.mul(valueCoefficient)).sub(entropy.mul(entropyCoefficient));
    return Result.of(loss).with("policy_loss", policyLoss).with("value_loss", valueLoss).with("entropy", entropy);
  }

  /** Every transition of a rollout as one batch: features [T·N, inputSize + 2], labels the actions. */
  public static Batch batch(NDArray observations, int[] actions, double[] advantages, double[] returns) {
    int n = actions.length;
    int width = observations.dim(1);
    float[] source = observations.floatsToRead();
    float[] data = new float[n * (width + 2)];
    long[] labels = new long[n];
    for (int r = 0; r < n; r++) {
      System.arraycopy(source, r * width, data, r * (width + 2), width);
      data[r * (width + 2) + width] = (float) advantages[r];
      data[r * (width + 2) + width + 1] = (float) returns[r];
      labels[r] = actions[r];
    }
    return new Batch(NDArray.wrap(data, n, width + 2), NDArray.wrap(labels, n));
  }
}
