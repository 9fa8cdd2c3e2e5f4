package dev.ruru.rl.env;

import java.util.Arrays;

/**
 * What one {@link Env#step(int)} returns, Gymnasium's {@code (observation, reward, terminated, truncated)}.
 * {@code terminated}: the episode reached a terminal state of the task (the pole fell), so nothing
 * follows it and a value target bootstraps from 0; {@code truncated}: it was cut short from outside (a time
 * limit), so the state still has a value. Either one ends the episode.
 *
 * @param observation the observation after the step
 * @param reward the reward for the step
 * @param terminated whether a terminal state was reached
 * @param truncated whether a limit outside the task ended the episode
 */
public record StepResult(double[] observation, double reward, boolean terminated, boolean truncated) {
  public StepResult {
    observation = observation.clone();
  }

  @Override public double[] observation() { return observation.clone(); }

  /** Whether the episode is over ({@code terminated || truncated}). */
  public boolean done() {
    return terminated || truncated;
  }

  /** This result marked truncated (what {@link TimeLimit} does at its limit). */
  public StepResult withTruncated() {
    return new StepResult(observation, reward, terminated, true);
  }

  @Override public boolean equals(Object other) {
    return other instanceof StepResult step && Arrays.equals(observation, step.observation) && Double.compare(reward, step.reward) == 0
        && terminated == step.terminated && truncated == step.truncated;
  }

  @Override public int hashCode() { return Arrays.hashCode(observation) * 31 + Double.hashCode(reward); }

  @Override public String toString() {
    return "StepResult[observation=" + Arrays.toString(observation) + ", reward=" + reward + ", terminated=" + terminated + ", truncated=" + truncated + "]";
  }
}
