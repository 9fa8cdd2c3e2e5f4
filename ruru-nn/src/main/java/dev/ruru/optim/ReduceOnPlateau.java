package dev.ruru.optim;

/**
 * Lowers the learning rate when a monitored metric stops improving: torch.optim.lr_scheduler.ReduceLROnPlateau
 * with relative thresholds. After more than {@code patience} epochs without an improvement by more
 * than the relative {@code threshold}, the rate is multiplied by {@code factor} (not below
 * {@code minimumLearningRate}) and {@code cooldown} epochs pass before bad epochs count again.
 * Unlike the {@link LearningRateSchedule}s it depends on the metrics seen, so it has {@link #state()}.
 *
 * <pre>{@code
 * ReduceOnPlateau plateau = ReduceOnPlateau.minimizing(0.1);
 * optimizer.setLearningRate(plateau.observe(validationLoss));   // once per epoch
 * }</pre>
 */
public final class ReduceOnPlateau {
  /** Whether a smaller metric (a loss) or a larger one (an accuracy) is better. */
  public enum Objective { MINIMIZE, MAXIMIZE }

  /** What the policy remembers: the current rate, the best metric, the bad epochs and the cooldown left. */
  public record State(double learningRate, double best, int badEpochs, int cooldownLeft) {}

  /** PyTorch's guard: reductions smaller than this are not applied. */
  private static final double EPS = 1e-8;

  private final Objective objective;
  private final double factor;
  private final int patience;
  private final double threshold;
  private final int cooldown;
  private final double minimumLearningRate;
  private State state;

  public ReduceOnPlateau(double learningRate, Objective objective, double factor, int patience, double threshold, int cooldown,
      double minimumLearningRate) {
    HyperParameters.positive("learning rate", learningRate);
    HyperParameters.fraction("factor", factor);
    HyperParameters.nonNegative("patience", patience);
    HyperParameters.nonNegative("threshold", threshold);
    HyperParameters.nonNegative("cooldown", cooldown);
    HyperParameters.nonNegative("minimum learning rate", minimumLearningRate);
    this.objective = objective;
    this.factor = factor;
    this.patience = patience;
    this.threshold = threshold;
    this.cooldown = cooldown;
    this.minimumLearningRate = minimumLearningRate;
    this.state = new State(learningRate, objective == Objective.MINIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, 0, 0);
  }

  /** PyTorch's defaults for a loss: factor 0.1, patience 10, threshold 1e-4, no cooldown, no minimum. */
  public static ReduceOnPlateau minimizing(double learningRate) {
    return new ReduceOnPlateau(learningRate, Objective.MINIMIZE, 0.1, 10, 1e-4, 0, 0);
  }

  /** Records one epoch's metric and returns the learning rate to use next. */
  public double observe(double metric) {
    State s = state;
    boolean better = objective == Objective.MINIMIZE ? metric < s.best() * (1 - threshold) : metric > s.best() * (1 + threshold);
    double best = better ? metric : s.best();
    int bad = better ? 0 : s.badEpochs() + 1;
    int cooldownLeft = s.cooldownLeft();
    if (cooldownLeft > 0) {
      cooldownLeft--;
      bad = 0;
    }
    double rate = s.learningRate();
    if (bad > patience) {
      double reduced = Math.max(rate * factor, minimumLearningRate);
      if (rate - reduced > EPS) {
        rate = reduced;
      }
      cooldownLeft = cooldown;
      bad = 0;
    }
    state = new State(rate, best, bad, cooldownLeft);
    return rate;
  }

  /** The rate after the metrics observed so far. */
  public double learningRate() {
    return state.learningRate();
  }

  public State state() {
    return state;
  }

  /** Continues from a saved {@link #state()} (checkpoint resume). */
  public void restore(State saved) {
    HyperParameters.positive("learning rate", saved.learningRate());
    this.state = saved;
  }
}
