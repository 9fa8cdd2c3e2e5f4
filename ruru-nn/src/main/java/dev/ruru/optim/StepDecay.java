package dev.ruru.optim;

/**
 * lr = lr₀·γ^⌊t / s⌋: the rate multiplied by γ every {@code stepSize} steps (torch.optim.lr_scheduler.StepLR).
 */
public record StepDecay(double initialLearningRate, int stepSize, double gamma) implements LearningRateSchedule {
  public StepDecay {
    HyperParameters.positive("learning rate", initialLearningRate);
    HyperParameters.positiveCount("step size", stepSize);
    HyperParameters.positive("gamma", gamma);
  }

  @Override
  public double learningRate(int step) {
    return initialLearningRate * Math.pow(gamma, Math.floorDiv(Math.max(0, step), stepSize));
  }
}
