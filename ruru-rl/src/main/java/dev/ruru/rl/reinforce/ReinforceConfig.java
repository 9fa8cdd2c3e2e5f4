package dev.ruru.rl.reinforce;

import java.util.Arrays;

/**
 * REINFORCE's hyper-parameters.
 *
 * @param episodesPerUpdate whole episodes played between gradient steps
 * @param gamma discount
 * @param learningRate Adam's learning rate
 * @param valueCoefficient weight of the baseline's squared error
 * @param entropyCoefficient weight of the entropy bonus
 * @param hidden widths of the tanh hidden layers
 */
public record ReinforceConfig(int episodesPerUpdate, double gamma, double learningRate, double valueCoefficient, double entropyCoefficient,
    int[] hidden) {
  public ReinforceConfig {
    if (episodesPerUpdate < 1 || !(gamma >= 0 && gamma <= 1) || !(learningRate > 0)) {
      throw new IllegalArgumentException("ReinforceConfig: episodesPerUpdate " + episodesPerUpdate + " must be >= 1, gamma " + gamma
          + " in [0, 1] and learningRate " + learningRate + " > 0");
    }
    hidden = hidden.clone();
  }

  @Override public int[] hidden() { return hidden.clone(); }

  /** Four episodes an update, γ = 0.99, Adam at 2e-3, 64-64 tanh networks. */
  public static ReinforceConfig cartPole() {
    return new ReinforceConfig(4, 0.99, 2e-3, 0.5, 0.0, new int[] {64, 64});
  }

  @Override public boolean equals(Object other) { return other instanceof ReinforceConfig c && c.toString().equals(toString()); }
  @Override public int hashCode() { return toString().hashCode(); }

  @Override public String toString() {
    return "ReinforceConfig[episodesPerUpdate=" + episodesPerUpdate + ", gamma=" + gamma + ", learningRate=" + learningRate
        + ", valueCoefficient=" + valueCoefficient + ", entropyCoefficient=" + entropyCoefficient + ", hidden=" + Arrays.toString(hidden) + "]";
  }
}
