package dev.ruru.rl.ppo;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;

/**
 * PPO's loss on one minibatch, as CleanRL's {@code ppo.py} computes it:
 * <pre>
 *   Â = (A − mean A) / (std A + 1e-8)                          (advantages normalised per minibatch)
 *   r = exp(log π(a|s) − log π_old(a|s))
 *   L_π = mean(max(−Â·r, −Â·clip(r, 1 − ε, 1 + ε)))
 *   L_V = ½·mean(max((V − R)², (V_old + clip(V − V_old, −ε_V, ε_V) − R)²))
 *   H = mean(−Σ_a π(a|s)·log π(a|s))
 *   L = L_π − c_H·H + c_V·L_V
 * </pre>
 * (std with Bessel's correction, as {@code torch.std}). Checked against PyTorch in {@code PpoLossTest}.
 */
public final class PpoLoss {
  private PpoLoss() {}

  /** The loss and its parts; {@code approximateKl} and {@code clipFraction} are diagnostics, not differentiated. */
  public record Terms(Tensor loss, Tensor policyLoss, Tensor valueLoss, Tensor entropy, double approximateKl, double clipFraction) {}

  /** What the rollout fixed for a minibatch of b transitions: each array [b]; actions int64. */
  public record Targets(NDArray actions, NDArray oldLogProbabilities, NDArray advantages, NDArray returns, NDArray oldValues) {}

  /**
   * The loss for the actor's {@code logits [b, actions]} and the critic's {@code values [b]}; inputs are
   * not modified.
   */
  public static Terms compute(Tensor logits, Tensor values, Targets targets, double clip, double valueClip, double entropyCoefficient,
      double valueCoefficient) {
    int b = logits.shape().dim(0);
    Tensor logProbabilities = logits.logSoftmax(1);
    Tensor newLogProbability = logProbabilities.gather(1, targets.actions().astype(DType.INT64).reshape(b, 1)).reshape(b);
    Tensor logRatio = newLogProbability.sub(constant(targets.oldLogProbabilities(), logits));
    Tensor ratio = logRatio.exp();
    Tensor advantages = constant(normalised(targets.advantages()), logits);
    Tensor unclipped = advantages.neg().mul(ratio);
    Tensor clipped = advantages.neg().mul(clamp(ratio, 1 - clip, 1 + clip));
    Tensor policyLoss = unclipped.maximum(clipped).mean();
    Tensor returns = constant(targets.returns(), logits);
    Tensor valueLoss = values.sub(returns).pow(2);
    if (Double.isFinite(valueClip)) {
      Tensor oldValues = constant(targets.oldValues(), logits);
      Tensor moved = oldValues.add(clamp(values.sub(oldValues), -valueClip, valueClip));
      valueLoss = valueLoss.maximum(moved.sub(returns).pow(2));
    }
    valueLoss = valueLoss.mean().mul(0.5);
    Tensor entropy = logProbabilities.exp().mul(logProbabilities).sum(1, dev.ruru.array.Dims.DROP).neg().mean();
    Tensor loss = policyLoss.sub(entropy.mul(entropyCoefficient)).add(valueLoss.mul(valueCoefficient));
    NDArray r = ratio.value();
    double approximateKl = r.sub(1).sub(logRatio.value()).mean().item();
    double clipFraction = r.sub(1).abs().gt(clip).astype(DType.FLOAT64).mean().item();
    return new Terms(loss, policyLoss, valueLoss, entropy, approximateKl, clipFraction);
  }

  /** (x − mean) / (std + 1e-8), std with Bessel's correction; a single value stays as it is less its mean. */
  static NDArray normalised(NDArray advantages) {
    NDArray x = advantages.astype(DType.FLOAT64);
    NDArray centred = x.sub(x.mean());
    double std = x.size() > 1 ? Math.sqrt(x.var(null, dev.ruru.array.Dims.DROP, 1).item()) : 0;
    return centred.div(std + 1e-8);
  }

  private static Tensor clamp(Tensor x, double low, double high) {
    return x.maximum(Tensor.scalar(low, x.dtype())).minimum(Tensor.scalar(high, x.dtype()));
  }

  /** The rollout's numbers in the logits' dtype (float32 when training, float64 in gradient checks). */
  private static Tensor constant(NDArray array, Tensor like) {
    return Tensor.constant(array.astype(like.dtype()));
  }
}
