package dev.ruru.rl.ppo;

import java.util.Map;

/**
 * What one PPO iteration reports.
 *
 * @param iteration iterations done
 * @param steps environment steps so far, all copies together
 * @param episodes episodes finished so far
 * @param meanReturn the mean return of the last 100 finished episodes (NaN before the first)
 * @param metrics the minibatch steps' means: loss, policy_loss, value_loss, entropy, approx_kl, clip_fraction
 * @param learningRate the learning rate the iteration used
 */
public record PpoUpdate(int iteration, long steps, int episodes, double meanReturn, Map<String, Double> metrics, double learningRate) {
  public PpoUpdate {
    metrics = Map.copyOf(metrics);
  }
}
