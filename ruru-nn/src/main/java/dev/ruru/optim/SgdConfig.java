package dev.ruru.optim;

/**
 * Stochastic gradient descent's hyper-parameters, with PyTorch's meanings and defaults (momentum,
 * dampening and weight decay 0, heavy-ball momentum). See {@link Sgd#update} for the equations.
 *
 * <pre>{@code
 * SgdConfig config = new SgdConfig(0.1, 0.9).withNesterov().withWeightDecay(5e-4);
 * }</pre>
 */
public record SgdConfig(double learningRate, double momentum, double dampening, double weightDecay, MomentumKind kind)
    implements OptimizerConfig<SgdConfig> {
  /** How momentum enters the step: PyTorch's {@code nesterov=False} or {@code True}. */
  public enum MomentumKind { HEAVY_BALL, NESTEROV }

  public SgdConfig {
    HyperParameters.positive("learning rate", learningRate);
    HyperParameters.fraction("momentum", momentum);
    HyperParameters.closedFraction("dampening", dampening);
    HyperParameters.nonNegative("weight decay", weightDecay);
    if (kind == MomentumKind.NESTEROV && (momentum == 0 || dampening != 0)) {
      throw new IllegalArgumentException("Invalid Nesterov momentum: it needs a momentum > 0 and zero dampening, got momentum "
          + momentum + " and dampening " + dampening);
    }
  }

  /** Plain SGD: θ ← θ − lr·g. */
  public SgdConfig(double learningRate) {
    this(learningRate, 0);
  }

  /** SGD with heavy-ball momentum and no dampening or weight decay. */
  public SgdConfig(double learningRate, double momentum) {
    this(learningRate, momentum, 0, 0, MomentumKind.HEAVY_BALL);
  }

  @Override
  public SgdConfig withLearningRate(double rate) {
    return new SgdConfig(rate, momentum, dampening, weightDecay, kind);
  }

  @Override
  public SgdConfig withWeightDecay(double decay) {
    return new SgdConfig(learningRate, momentum, dampening, decay, kind);
  }

  public SgdConfig withMomentum(double newMomentum) {
    return new SgdConfig(learningRate, newMomentum, dampening, weightDecay, kind);
  }

  public SgdConfig withDampening(double newDampening) {
    return new SgdConfig(learningRate, momentum, newDampening, weightDecay, kind);
  }

  /** Nesterov's momentum (Sutskever et al., 2013), which needs a momentum > 0 and no dampening. */
  public SgdConfig withNesterov() {
    return new SgdConfig(learningRate, momentum, dampening, weightDecay, MomentumKind.NESTEROV);
  }
}
