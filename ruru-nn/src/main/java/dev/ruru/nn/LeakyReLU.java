package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/** x for x > 0, else a·x; PyTorch's default slope a = 0.01. See {@link Functional#leakyRelu}. */
public final class LeakyReLU implements Layer {
  private final double negativeSlope;

  public LeakyReLU() {
    this(0.01);
  }

  public LeakyReLU(double negativeSlope) {
    this.negativeSlope = negativeSlope;
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return Functional.leakyRelu(input, negativeSlope);
  }

  public double negativeSlope() { return negativeSlope; }

  @Override
  public String toString() {
    return "LeakyReLU(" + negativeSlope + ")";
  }
}
