package dev.ruru.optim;

/**
 * Adagrad's hyper-parameters with PyTorch's defaults: lr 0.01, learning-rate decay 0, weight decay 0,
 * initial accumulator 0, ε 1e-10. See {@link Adagrad#update} for the equations.
 */
public record AdagradConfig(double learningRate, double learningRateDecay, double weightDecay, double initialAccumulatorValue,
    double epsilon) implements OptimizerConfig<AdagradConfig> {
  public AdagradConfig {
    HyperParameters.positive("learning rate", learningRate);
    HyperParameters.nonNegative("learning rate decay", learningRateDecay);
    HyperParameters.nonNegative("weight decay", weightDecay);
    HyperParameters.nonNegative("initial accumulator value", initialAccumulatorValue);
    HyperParameters.nonNegative("epsilon", epsilon);
  }

  /** torch.optim.Adagrad's defaults at the given learning rate. */
  public static AdagradConfig of(double learningRate) {
    return new AdagradConfig(learningRate, 0, 0, 0, 1e-10);
  }

  @Override
  public AdagradConfig withLearningRate(double rate) {
    return new AdagradConfig(rate, learningRateDecay, weightDecay, initialAccumulatorValue, epsilon);
  }

  @Override
  public AdagradConfig withWeightDecay(double decay) {
    return new AdagradConfig(learningRate, learningRateDecay, decay, initialAccumulatorValue, epsilon);
  }

  public AdagradConfig withLearningRateDecay(double decay) {
    return new AdagradConfig(learningRate, decay, weightDecay, initialAccumulatorValue, epsilon);
  }

  public AdagradConfig withInitialAccumulatorValue(double value) {
    return new AdagradConfig(learningRate, learningRateDecay, weightDecay, value, epsilon);
  }

  public AdagradConfig withEpsilon(double newEpsilon) {
    return new AdagradConfig(learningRate, learningRateDecay, weightDecay, initialAccumulatorValue, newEpsilon);
  }
}
