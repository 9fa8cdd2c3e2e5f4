package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/** x for x > 0, else α·(eˣ − 1); PyTorch's default α = 1. See {@link Functional#elu}. */
public final class ELU implements Layer {
  private final double alpha;

  public ELU() {
    this(1);
  }

  public ELU(double alpha) {
    this.alpha = alpha;
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return Functional.elu(input, alpha);
  }

  public double alpha() { return alpha; }

  @Override
  public String toString() {
    return "ELU(" + alpha + ")";
  }
}
