package dev.ruru.optim;

/** lr = lr₀·γᵗ (torch.optim.lr_scheduler.ExponentialLR). */
public record ExponentialDecay(double initialLearningRate, double gamma) implements LearningRateSchedule {
  public ExponentialDecay {
    HyperParameters.positive("learning rate", initialLearningRate);
    HyperParameters.positive("gamma", gamma);
  }

  @Override
  public double learningRate(int step) {
    return initialLearningRate * Math.pow(gamma, Math.max(0, step));
  }
}
