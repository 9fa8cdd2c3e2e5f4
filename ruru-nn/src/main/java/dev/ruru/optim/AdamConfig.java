package dev.ruru.optim;

/**
 * Adam's hyper-parameters, with PyTorch's defaults: lr 1e-3, β₁ 0.9, β₂ 0.999, ε 1e-8. Weight decay is
 * either added to the gradient (Adam's L2 penalty, default 0) or decoupled from it (AdamW, default
 * 0.01). See {@link Adam#update} for the equations.
 *
 * <pre>{@code
 * AdamConfig adam = AdamConfig.adam(1e-3);
 * AdamConfig adamW = AdamConfig.adamW(1e-3).withWeightDecay(0.05);
 * }</pre>
 */
public record AdamConfig(double learningRate, double beta1, double beta2, double epsilon, double weightDecay, WeightDecay decay)
    implements OptimizerConfig<AdamConfig> {
  /** How weight decay acts: as an L2 term in the gradient (torch.optim.Adam) or on θ directly (torch.optim.AdamW). */
  public enum WeightDecay { L2, DECOUPLED }

  public AdamConfig {
    HyperParameters.positive("learning rate", learningRate);
    HyperParameters.fraction("beta1", beta1);
    HyperParameters.fraction("beta2", beta2);
    HyperParameters.nonNegative("epsilon", epsilon);
    HyperParameters.nonNegative("weight decay", weightDecay);
    if (decay == null) {
      throw new IllegalArgumentException("AdamConfig: the weight decay kind must be L2 or DECOUPLED, got null");
    }
  }

  /** torch.optim.Adam's defaults at the given learning rate. */
  public static AdamConfig adam(double learningRate) {
    return new AdamConfig(learningRate, 0.9, 0.999, 1e-8, 0, WeightDecay.L2);
  }

  /** torch.optim.AdamW's defaults (weight decay 0.01, decoupled) at the given learning rate. */
  public static AdamConfig adamW(double learningRate) {
    return new AdamConfig(learningRate, 0.9, 0.999, 1e-8, 0.01, WeightDecay.DECOUPLED);
  }

  @Override
  public AdamConfig withLearningRate(double rate) {
    return new AdamConfig(rate, beta1, beta2, epsilon, weightDecay, decay);
  }

  @Override
  public AdamConfig withWeightDecay(double newDecay) {
    return new AdamConfig(learningRate, beta1, beta2, epsilon, newDecay, decay);
  }

  public AdamConfig withBetas(double newBeta1, double newBeta2) {
    return new AdamConfig(learningRate, newBeta1, newBeta2, epsilon, weightDecay, decay);
  }

  public AdamConfig withEpsilon(double newEpsilon) {
    return new AdamConfig(learningRate, beta1, beta2, newEpsilon, weightDecay, decay);
  }
}
