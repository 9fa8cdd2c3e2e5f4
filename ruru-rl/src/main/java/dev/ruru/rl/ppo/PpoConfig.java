package dev.ruru.rl.ppo;

/**
 * PPO's hyper-parameters, one record (CleanRL's style).
 *
 * @param copies environment copies stepped together (N)
 * @param steps steps of each copy per rollout (T); a rollout is N·T transitions
 * @param minibatchSize transitions per gradient step
 * @param epochs passes over each rollout
 * @param gamma discount γ
 * @param gaeLambda GAE's λ
 * @param clip the policy ratio's clip range ε: the ratio is kept in [1 − ε, 1 + ε]
 * @param valueClip how far a new value may move from the rollout's value before its loss is clipped; infinity turns value clipping off
 * @param entropyCoefficient weight of the entropy bonus
 * @param valueCoefficient weight of the value loss
 * @param learningRate Adam's learning rate at the start
 * @param anneal whether the learning rate and ε decay linearly to 0 over the run (the RL Zoo's {@code lin_} schedules)
 * @param maxGradientNorm the global gradient norm is clipped to this
 * @param hidden widths of the tanh hidden layers of the actor and of the critic
 */
public record PpoConfig(int copies, int steps, int minibatchSize, int epochs, double gamma, double gaeLambda, double clip, double valueClip,
    double entropyCoefficient, double valueCoefficient, double learningRate, boolean anneal, double maxGradientNorm, int[] hidden) {
  public PpoConfig {
    positive("copies", copies);
    positive("steps", steps);
    positive("minibatchSize", minibatchSize);
    positive("epochs", epochs);
    if (minibatchSize > copies * steps) {
      throw new IllegalArgumentException("PpoConfig: minibatchSize " + minibatchSize + " is larger than a rollout (" + copies + " copies x "
          + steps + " steps = " + copies * steps + ")");
    }
    if (!(gamma >= 0 && gamma <= 1) || !(gaeLambda >= 0 && gaeLambda <= 1)) {
      throw new IllegalArgumentException("PpoConfig: gamma " + gamma + " and gaeLambda " + gaeLambda + " must be in [0, 1]");
    }
    if (!(clip > 0) || !(valueClip > 0) || !(learningRate > 0) || !(maxGradientNorm > 0)) {
      throw new IllegalArgumentException("PpoConfig: clip " + clip + ", valueClip " + valueClip + ", learningRate " + learningRate
          + " and maxGradientNorm " + maxGradientNorm + " must be > 0");
    }
    hidden = hidden.clone();
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("PpoConfig: invalid " + name + " " + value + " (must be >= 1)");
    }
  }

  @Override public int[] hidden() { return hidden.clone(); }

  /** Transitions per rollout, N·T. */
  public int rolloutSize() { return copies * steps; }

  /**
   * The RL Baselines3 Zoo's tuned CartPole-v1 settings (8 copies × 32 steps, minibatches of 256, 20
   * epochs, γ = 0.98, λ = 0.8, no entropy bonus, learning rate and ε linearly from 0.001 and 0.2 to 0),
   * with value clipping at 0.2 as CleanRL does, and 64-64 tanh networks.
   */
  public static PpoConfig cartPole() {
    return new PpoConfig(8, 32, 256, 20, 0.98, 0.8, 0.2, 0.2, 0.0, 0.5, 1e-3, true, 0.5, new int[] {64, 64});
  }

  /** CleanRL's {@code ppo.py} defaults: 4 copies × 128 steps, 4 minibatches, 4 epochs, γ = 0.99, λ = 0.95, entropy 0.01, lr 2.5e-4 annealed. */
  public static PpoConfig cleanRl() {
    return new PpoConfig(4, 128, 128, 4, 0.99, 0.95, 0.2, 0.2, 0.01, 0.5, 2.5e-4, true, 0.5, new int[] {64, 64});
  }

  @Override public boolean equals(Object other) {
    return other instanceof PpoConfig c && c.toString().equals(toString());
  }

  @Override public int hashCode() { return toString().hashCode(); }

  @Override public String toString() {
    return "PpoConfig[copies=" + copies + ", steps=" + steps + ", minibatchSize=" + minibatchSize + ", epochs=" + epochs + ", gamma=" + gamma
        + ", gaeLambda=" + gaeLambda + ", clip=" + clip + ", valueClip=" + valueClip + ", entropyCoefficient=" + entropyCoefficient
        + ", valueCoefficient=" + valueCoefficient + ", learningRate=" + learningRate + ", anneal=" + anneal + ", maxGradientNorm="
        + maxGradientNorm + ", hidden=" + java.util.Arrays.toString(hidden) + "]";
  }
}
