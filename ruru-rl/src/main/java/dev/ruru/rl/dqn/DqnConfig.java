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
 * @param explorationFraction the fraction of the run over which ε falls linearly from 1 to {@code finalEpsilon}
 * @param finalEpsilon ε after that
 * @param maxGradientNorm the global gradient norm is clipped to this
 * @param doubleQ whether the target uses Double DQN's decoupled choice and evaluation
 * @param hidden widths of the ReLU hidden layers of the Q-network
 */
public record DqnConfig(int bufferSize, int learningStarts, int trainFrequency, int gradientSteps, int batchSize, double gamma,
    double learningRate, int targetUpdateInterval, double explorationFraction, double finalEpsilon, double maxGradientNorm, boolean doubleQ,
    int[] hidden) {
  public DqnConfig {
    if (bufferSize < batchSize || batchSize < 1 || trainFrequency < 1 || gradientSteps < 1 || targetUpdateInterval < 1 || learningStarts < 0) {
      throw new IllegalArgumentException("DqnConfig: need bufferSize >= batchSize >= 1, trainFrequency, gradientSteps, targetUpdateInterval >= 1"
          + " and learningStarts >= 0; got bufferSize " + bufferSize + ", batchSize " + batchSize + ", trainFrequency " + trainFrequency
          + ", gradientSteps " + gradientSteps + ", targetUpdateInterval " + targetUpdateInterval + ", learningStarts " + learningStarts);
    }
    if (!(gamma >= 0 && gamma <= 1) || !(explorationFraction > 0 && explorationFraction <= 1) || !(finalEpsilon >= 0 && finalEpsilon <= 1)) {
      throw new IllegalArgumentException("DqnConfig: gamma " + gamma + ", explorationFraction " + explorationFraction + " and finalEpsilon "
          + finalEpsilon + " must be in [0, 1] (the fraction above 0)");
    }
    hidden = hidden.clone();
  }

  @Override public int[] hidden() { return hidden.clone(); }

  /**
   * The RL Baselines3 Zoo's tuned CartPole-v1 settings: 256-256 network, learning rate 2.3e-3, minibatches
   * of 64 from 100,000 transitions after 1,000 random steps, 128 gradient steps every 256 environment
   * steps, target refreshed once per training phase, ε from 1 to 0.04 over the first 16% of the run;
   * Double DQN on, and gradient norm 10 (Stable-Baselines3's default).
   */
  public static DqnConfig cartPole() {
    return new DqnConfig(100_000, 1000, 256, 128, 64, 0.99, 2.3e-3, 128, 0.16, 0.04, 10, true, new int[] {256, 256});
  }

  /** ε after {@code step} of {@code totalSteps} environment steps. */
  public double epsilon(long step, long totalSteps) {
    double progress = step / (explorationFraction * totalSteps);
    return progress >= 1 ? finalEpsilon : 1 + progress * (finalEpsilon - 1);
  }

  @Override public boolean equals(Object other) { return other instanceof DqnConfig c && c.toString().equals(toString()); }
  @Override public int hashCode() { return toString().hashCode(); }

  @Override public String toString() {
    return "DqnConfig[bufferSize=" + bufferSize + ", learningStarts=" + learningStarts + ", trainFrequency=" + trainFrequency + ", gradientSteps="
        + gradientSteps + ", batchSize=" + batchSize + ", gamma=" + gamma + ", learningRate=" + learningRate + ", targetUpdateInterval="
        + targetUpdateInterval + ", explorationFraction=" + explorationFraction + ", finalEpsilon=" + finalEpsilon + ", maxGradientNorm="
        + maxGradientNorm + ", doubleQ=" + doubleQ + ", hidden=" + Arrays.toString(hidden) + "]";
  }
}
