package dev.ruru.rl.a2c;

import java.util.Arrays;

/**
 * A2C's hyper-parameters (Stable-Baselines3's defaults: 5 steps, γ = 0.99, RMSprop at 7e-4 with
 * α = 0.99 and ε = 1e-5, value coefficient 0.5, gradient norm 0.5; the RL Zoo's CartPole-v1: 8 copies,
 * no entropy bonus).
 *
 * @param copies environment copies stepped together
 * @param steps steps of each copy between updates (the n of the n-step returns)
 * @param gamma discount
 * @param entropyCoefficient weight of the entropy bonus
 * @param valueCoefficient weight of the value loss
 * @param learningRate RMSprop's learning rate
 * @param maxGradientNorm the global gradient norm is clipped to this
 * @param hidden widths of the tanh hidden layers
 */
public record A2cConfig(int copies, int steps, double gamma, double entropyCoefficient, double valueCoefficient, double learningRate,
    double maxGradientNorm, int[] hidden) {
  public A2cConfig {
    if (copies < 1 || steps < 1) {
      throw new IllegalArgumentException("A2cConfig: copies " + copies + " and steps " + steps + " must be >= 1");
    }
    if (!(gamma >= 0 && gamma <= 1) || !(learningRate > 0) || !(maxGradientNorm > 0)) {
      throw new IllegalArgumentException("A2cConfig: gamma " + gamma + " must be in [0, 1], learningRate " + learningRate
          + " and maxGradientNorm " + maxGradientNorm + " > 0");
    }
    hidden = hidden.clone();
  }

  @Override public int[] hidden() { return hidden.clone(); }

  /** Transitions per update. */
  public int rolloutSize() { return copies * steps; }

  /** The RL Zoo's CartPole-v1 settings on Stable-Baselines3's defaults. */
  public static A2cConfig cartPole() {
    return new A2cConfig(8, 5, 0.99, 0.0, 0.5, 7e-4, 0.5, new int[] {64, 64});
  }

  @Override public boolean equals(Object other) { return other instanceof A2cConfig c && c.toString().equals(toString()); }
  @Override public int hashCode() { return toString().hashCode(); }

  @Override public String toString() {
    return "A2cConfig[copies=" + copies + ", steps=" + steps + ", gamma=" + gamma + ", entropyCoefficient=" + entropyCoefficient
        + ", valueCoefficient=" + valueCoefficient + ", learningRate=" + learningRate + ", maxGradientNorm=" + maxGradientNorm + ", hidden="
        + Arrays.toString(hidden) + "]";
  }
}
