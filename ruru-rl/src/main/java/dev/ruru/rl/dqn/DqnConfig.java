package dev.ruru.rl.dqn;

import java.util.Arrays;

/**
 * DQN's hyper-parameters.
 *
 * @param bufferSize transitions the replay buffer keeps (the oldest are overwritten)
 * @param learningStarts environment steps of uniformly random actions before the first update
 * @param trainFrequency environment steps between training phases
 * @param gradientSteps minibatch steps in each training phase
 * @param batchSize transitions per minibatch
 * @param gamma discount
 * @param learningRate Adam's learning rate
 * @param targetUpdateInterval gradient steps between copies of the online network into the target network
 * @param explorationSteps environment steps over which ε falls linearly from 1 to {@code finalEpsilon}
 * @param finalEpsilon ε after that
 * @param maxGradientNorm the global gradient norm is clipped to this
 * @param doubleQ whether the target uses Double DQN's decoupled choice and evaluation
 * @param replay how minibatches are drawn: uniformly, or by priority ({@link PrioritizedReplay})
 * @param priorityAlpha prioritised replay's exponent α (how much the priorities count; 0 is uniform)
 * @param priorityBetaStart prioritised replay's importance-sampling exponent β at the start; it rises linearly to 1 at the run's end
 * @param hidden widths of the ReLU hidden layers of the Q-network
 */
public record DqnConfig(int bufferSize, int learningStarts, int trainFrequency, int gradientSteps, int batchSize, double gamma,
    double learningRate, int targetUpdateInterval, int explorationSteps, double finalEpsilon, double maxGradientNorm, boolean doubleQ,
    Replay replay, double priorityAlpha, double priorityBetaStart, int[] hidden) {
  /** How the replay buffer draws minibatches. */
  public enum Replay { UNIFORM, PRIORITIZED }

  public DqnConfig {
    if (bufferSize < batchSize || batchSize < 1 || trainFrequency < 1 || gradientSteps < 1 || targetUpdateInterval < 1 || learningStarts < 0
        || explorationSteps < 1) {
      throw new IllegalArgumentException("DqnConfig: need bufferSize >= batchSize >= 1, trainFrequency, gradientSteps, targetUpdateInterval,"
          + " explorationSteps >= 1 and learningStarts >= 0; got bufferSize " + bufferSize + ", batchSize " + batchSize + ", trainFrequency "
          + trainFrequency + ", gradientSteps " + gradientSteps + ", targetUpdateInterval " + targetUpdateInterval + ", explorationSteps "
          + explorationSteps + ", learningStarts " + learningStarts);
    }
    if (!(gamma >= 0 && gamma <= 1) || !(finalEpsilon >= 0 && finalEpsilon <= 1) || !(priorityAlpha >= 0 && priorityAlpha <= 1)
        || !(priorityBetaStart >= 0 && priorityBetaStart <= 1)) {
      throw new IllegalArgumentException("DqnConfig: gamma " + gamma + ", finalEpsilon " + finalEpsilon + ", priorityAlpha " + priorityAlpha
          + " and priorityBetaStart " + priorityBetaStart + " must be in [0, 1]");
    }
    hidden = hidden.clone();
  }

  @Override public int[] hidden() { return hidden.clone(); }

  /**
   * The RL Baselines3 Zoo's tuned CartPole-v1 settings: 256-256 ReLU network, learning rate 2.3e-3,
   * minibatches of 64 from 100,000 transitions after 1,000 random steps, 128 gradient steps every 256
   * environment steps, target refreshed once per training phase, ε from 1 to 0.04 over the first 8,000
   * steps (the Zoo's 16 % of its 50,000-step budget, kept in steps so that a longer run does not explore
   * longer); Double DQN on, gradient norm 10 (Stable-Baselines3's default) and uniform replay.
   */
  public static DqnConfig cartPole() {
    return new DqnConfig(100_000, 1000, 256, 128, 64, 0.99, 2.3e-3, 128, 8000, 0.04, 10, true, Replay.UNIFORM, 0.6, 0.4, new int[] {256, 256});
  }

  /** These settings with proportional prioritised replay, the paper's α = 0.6 and β from 0.4. */
  public DqnConfig withPrioritizedReplay() {
    return new DqnConfig(bufferSize, learningStarts, trainFrequency, gradientSteps, batchSize, gamma, learningRate, targetUpdateInterval,
        explorationSteps, finalEpsilon, maxGradientNorm, doubleQ, Replay.PRIORITIZED, 0.6, 0.4, hidden);
  }

  /** ε after {@code step} environment steps. */
  public double epsilon(long step) {
    double progress = (double) step / explorationSteps;
    return progress >= 1 ? finalEpsilon : 1 + progress * (finalEpsilon - 1);
  }

  /** Prioritised replay's β after {@code step} of {@code totalSteps} environment steps: from {@code priorityBetaStart} to 1. */
  public double beta(long step, long totalSteps) {
    return Math.min(1, priorityBetaStart + (1 - priorityBetaStart) * step / Math.max(1, totalSteps));
  }

  @Override public boolean equals(Object other) { return other instanceof DqnConfig c && c.toString().equals(toString()); }
  @Override public int hashCode() { return toString().hashCode(); }

  @Override public String toString() {
    return "DqnConfig[bufferSize=" + bufferSize + ", learningStarts=" + learningStarts + ", trainFrequency=" + trainFrequency + ", gradientSteps="
        + gradientSteps + ", batchSize=" + batchSize + ", gamma=" + gamma + ", learningRate=" + learningRate + ", targetUpdateInterval="
        + targetUpdateInterval + ", explorationSteps=" + explorationSteps + ", finalEpsilon=" + finalEpsilon + ", maxGradientNorm="
        + maxGradientNorm + ", doubleQ=" + doubleQ + ", replay=" + replay + (replay == Replay.PRIORITIZED ? ", priorityAlpha=" + priorityAlpha
        + ", priorityBetaStart=" + priorityBetaStart : "") + ", hidden=" + Arrays.toString(hidden) + "]";
  }
}
