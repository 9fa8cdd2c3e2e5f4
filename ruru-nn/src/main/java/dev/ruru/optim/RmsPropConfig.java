package dev.ruru.optim;

/**
 * RMSProp's hyper-parameters with PyTorch's defaults: lr 0.01, α 0.99, ε 1e-8, no weight decay, no
 * momentum, not centred. See {@link RmsProp#update} for the equations.
 *
 * <pre>{@code
 * RmsPropConfig config = RmsPropConfig.of(1e-3).withMomentum(0.9).centered();
 * }</pre>
 */
public record RmsPropConfig(double learningRate, double alpha, double epsilon, double weightDecay, double momentum, Centering centering)
    implements OptimizerConfig<RmsPropConfig> {
  /** Whether the squared gradient's average is centred by the gradient's (Graves, 2013). */
  public enum Centering { PLAIN, CENTERED }

  public RmsPropConfig {
    HyperParameters.positive("learning rate", learningRate);
    HyperParameters.fraction("alpha", alpha);
    HyperParameters.nonNegative("epsilon", epsilon);
    HyperParameters.nonNegative("weight decay", weightDecay);
    HyperParameters.fraction("momentum", momentum);
    if (centering == null) {
      throw new IllegalArgumentException("RmsPropConfig: centering must be PLAIN or CENTERED, got null");
    }
  }

  /** torch.optim.RMSprop's defaults at the given learning rate. */
  public static RmsPropConfig of(double learningRate) {
    return new RmsPropConfig(learningRate, 0.99, 1e-8, 0, 0, Centering.PLAIN);
  }

  @Override
  public RmsPropConfig withLearningRate(double rate) {
    return new RmsPropConfig(rate, alpha, epsilon, weightDecay, momentum, centering);
  }

  @Override
  public RmsPropConfig withWeightDecay(double decay) {
    return new RmsPropConfig(learningRate, alpha, epsilon, decay, momentum, centering);
  }

  public RmsPropConfig withAlpha(double newAlpha) {
    return new RmsPropConfig(learningRate, newAlpha, epsilon, weightDecay, momentum, centering);
  }

  public RmsPropConfig withEpsilon(double newEpsilon) {
    return new RmsPropConfig(learningRate, alpha, newEpsilon, weightDecay, momentum, centering);
  }

  public RmsPropConfig withMomentum(double newMomentum) {
    return new RmsPropConfig(learningRate, alpha, epsilon, weightDecay, newMomentum, centering);
  }

  public RmsPropConfig centered() {
    return new RmsPropConfig(learningRate, alpha, epsilon, weightDecay, momentum, Centering.CENTERED);
  }
}
