package dev.ruru.optim;

/**
 * The one-cycle policy (Smith and Topin, 2019), torch.optim.lr_scheduler.OneCycleLR with cosine
 * annealing in two phases (learning rate only; momentum is not cycled): from lr_max / d up to lr_max
 * over the first {@code pctStart} of the steps, then down to lr_max / (d·d_final):
 * <pre>
 *   phase 1: t ∈ [0, p·T − 1],     phase 2: t ∈ [p·T − 1, T − 1]
 *   lr = end + (start − end)·(1 + cos(π·(t − t₀) / (t₁ − t₀))) / 2   within a phase [t₀, t₁]
 * </pre>
 * After the last step the rate stays at its final value (PyTorch refuses to step further).
 */
public record OneCycle(double maxLearningRate, int totalSteps, double pctStart, double divFactor, double finalDivFactor)
    implements LearningRateSchedule {
  public OneCycle {
    HyperParameters.positive("learning rate", maxLearningRate);
    HyperParameters.positiveCount("total steps", totalSteps);
    if (!(pctStart > 0 && pctStart < 1)) {
      throw new IllegalArgumentException("Invalid pct_start: " + pctStart + " (must be in (0, 1))");
    }
    HyperParameters.positive("div factor", divFactor);
    HyperParameters.positive("final div factor", finalDivFactor);
  }

  /** PyTorch's defaults: pct_start 0.3, div_factor 25, final_div_factor 1e4. */
  public OneCycle(double maxLearningRate, int totalSteps) {
    this(maxLearningRate, totalSteps, 0.3, 25, 1e4);
  }

  @Override
  public double learningRate(int step) {
    double initial = maxLearningRate / divFactor;
    double minimum = initial / finalDivFactor;
    double t = Math.min(Math.max(0, step), totalSteps - 1);
    double warmEnd = pctStart * totalSteps - 1;
    if (warmEnd > 0 && t <= warmEnd) {
      return cosine(initial, maxLearningRate, t / warmEnd);
    }
    return cosine(maxLearningRate, minimum, (t - warmEnd) / (totalSteps - 1 - warmEnd));
  }

  private static double cosine(double start, double end, double fraction) {
    return end + (start - end) / 2 * (Math.cos(Math.PI * fraction) + 1);
  }
}
