package dev.ruru.optim;

/**
 * A learning rate as a function of the step (or epoch: the caller chooses what a step is, as with
 * PyTorch's schedulers). Schedules are values: the same step always gives the same rate, so a resumed
 * run only needs its step count.
 *
 * <pre>{@code
 * LearningRateSchedule schedule = new StepDecay(0.1, 30, 0.1);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *   schedule.applyTo(optimizer, epoch);
 *   ...
 * }
 * }</pre>
 */
@FunctionalInterface
public interface LearningRateSchedule {
  /** The learning rate at {@code step} (counting from 0). */
  double learningRate(int step);

  /** Sets {@code optimizer}'s learning rate to this schedule's at {@code step}. */
  default void applyTo(Optimizer optimizer, int step) {
    optimizer.setLearningRate(learningRate(step));
  }
}
