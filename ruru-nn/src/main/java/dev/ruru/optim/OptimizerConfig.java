package dev.ruru.optim;

/**
 * The hyper-parameters of an update rule, as an immutable validated record. Every rule has a learning
 * rate and a weight decay, which parameter groups and schedules change through the withers.
 */
public interface OptimizerConfig<C extends OptimizerConfig<C>> {
  double learningRate();

  double weightDecay();

  C withLearningRate(double learningRate);

  C withWeightDecay(double weightDecay);
}
