package dev.ruru.optim;

/**
 * A linear warm-up followed by cosine annealing (Loshchilov and Hutter, 2017; Goyal et al., 2017),
 * equal to PyTorch's SequentialLR of LinearLR(start_factor=f, total_iters=W) and
 * CosineAnnealingLR(T_max=T − W, eta_min):
 * <pre>
 *   lr(t) = lr₀·(f + (1 − f)·t / W)                                      for t &lt; W
 *   lr(t) = lr_min + (lr₀ − lr_min)·(1 + cos(π·(t − W) / (T − W))) / 2    for W ≤ t ≤ T
 * </pre>
 * and lr_min after T (where PyTorch's cosine would climb again).
 */
public record CosineWithWarmup(double peakLearningRate, int warmupSteps, int totalSteps, double warmupStartFactor,
    double minimumLearningRate) implements LearningRateSchedule {
  public CosineWithWarmup {
    HyperParameters.positive("learning rate", peakLearningRate);
    HyperParameters.nonNegative("warm-up steps", warmupSteps);
    if (totalSteps <= warmupSteps) {
      throw new IllegalArgumentException("Invalid total steps: " + totalSteps + " (must be > warm-up steps " + warmupSteps + ")");
    }
    if (!(warmupStartFactor > 0 && warmupStartFactor <= 1)) {
      throw new IllegalArgumentException("Invalid warm-up start factor: " + warmupStartFactor + " (must be in (0, 1])");
    }
    HyperParameters.nonNegative("minimum learning rate", minimumLearningRate);
  }

  /** A warm-up from lr₀/W to lr₀ over {@code warmupSteps} steps, then a cosine down to 0 at {@code totalSteps}. */
  public CosineWithWarmup(double peakLearningRate, int warmupSteps, int totalSteps) {
    this(peakLearningRate, warmupSteps, totalSteps, 1.0 / Math.max(1, warmupSteps), 0);
  }

  @Override
  public double learningRate(int step) {
    int t = Math.max(0, step);
    if (t < warmupSteps) {
      return peakLearningRate * (warmupStartFactor + (1 - warmupStartFactor) * t / warmupSteps);
    }
    if (t >= totalSteps) {
      return minimumLearningRate;
    }
    double progress = (double) (t - warmupSteps) / (totalSteps - warmupSteps);
    return minimumLearningRate + (peakLearningRate - minimumLearningRate) * (1 + Math.cos(Math.PI * progress)) / 2;
  }
}
