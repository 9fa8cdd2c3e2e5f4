package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;
import java.util.random.RandomGenerator;

/**
 * Inverted dropout: in {@link Mode#TRAIN} zeroes each element with probability p and scales the rest
 * by 1/(1 − p); the identity in {@link Mode#EVAL}. Masks come from the generator given here, so a
 * seeded generator makes training reproducible. See {@link Functional#dropout}.
 */
public final class Dropout implements Layer {
  private final double p;
  private final RandomGenerator rng;

  public Dropout(double p, RandomGenerator rng) {
    Functional.checkProbability("Dropout", p);
    this.p = p;
    this.rng = rng;
  }

  /** Masks drawn from the global {@link Seed#generator()} at each training forward, so {@link Seed#manualSeed} fixes them. */
  public Dropout(double p) {
    this(p, Seed.generator());
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return Functional.dropout(input, p, mode, rng);
  }

  public double probability() { return p; }

  @Override
  public String toString() {
    return "Dropout(p=" + p + ")";
  }
}
