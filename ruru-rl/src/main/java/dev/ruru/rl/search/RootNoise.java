package dev.ruru.rl.search;

import java.util.random.RandomGenerator;

/**
 * AlphaZero's exploration at the root of self-play searches: the prior becomes
 * {@code (1 − ε)·P + ε·η} with {@code η ~ Dirichlet(α)} over the legal moves, so that every game tries
 * some moves the network does not yet favour. AlphaZero used α = 0.3 for chess and ε = 0.25; smaller
 * games take a larger α (about 10 / the typical number of legal moves).
 */
public record RootNoise(double alpha, double fraction) {
  public RootNoise {
    if (!(alpha > 0) || !(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("RootNoise: invalid alpha " + alpha + " or fraction " + fraction + "; need alpha > 0 and 0 <= fraction <= 1");
    }
  }

  /** {@code priors} mixed with Dirichlet noise over the actions where {@code legal} is true; others stay 0. */
  public float[] apply(float[] priors, boolean[] legal, RandomGenerator rng) {
    double[] noise = new double[priors.length];
    double total = 0;
    for (int action = 0; action < priors.length; action++) {
      if (legal[action]) {
        noise[action] = gamma(alpha, rng);
        total += noise[action];
      }
    }
    float[] mixed = new float[priors.length];
    for (int action = 0; action < priors.length; action++) {
      if (legal[action]) {
        mixed[action] = (float) ((1 - fraction) * priors[action] + fraction * noise[action] / total);
      }
    }
    return mixed;
  }

  /**
   * A Gamma(shape, 1) sample by Marsaglia and Tsang (2000); for shape below 1, Gamma(shape + 1)·U^(1/shape).
   * Normalised independent Gamma(α) samples are a Dirichlet(α) sample.
   */
  static double gamma(double shape, RandomGenerator rng) {
    if (shape < 1) {
      return gamma(shape + 1, rng) * Math.pow(1 - rng.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = Math.pow(1 + c * x, 3);
      if (v > 0 && Math.log(1 - rng.nextDouble()) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }
}
