package dev.ruru.rl;

import java.util.Map;

/**
 * What one iteration of an {@link Agent} reports.
 *
 * @param iteration iterations done
 * @param steps environment steps so far, all copies together
 * @param episodes episodes finished so far
 * @param meanReturn the mean return of the last 100 finished episodes (NaN before the first)
 * @param metrics the iteration's optimisation steps' means (loss and its terms)
 * @param learningRate the learning rate the iteration used
 */
public record Update(int iteration, long steps, int episodes, double meanReturn, Map<String, Double> metrics, double learningRate) {
  public Update {
    metrics = Map.copyOf(metrics);
  }
}
