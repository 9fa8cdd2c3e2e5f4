package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * a·s(x) with s(x) = 1 for x &gt; 0, else the slope: the leaky rectifier's derivative applied to a
 * gradient or a tangent a ({@link LeakyReluRule}). Linear in a; s is piecewise constant, so x gets a
 * zero gradient (as {@link MulHeavisideRule}). Inputs [a, x] have one shape.
 */
final class MulLeakyStepRule implements Rule {
  private final double slope;

  MulLeakyStepRule(double slope) {
    this.slope = slope;
  }

  public String name() { return "mulLeakyStep"; }
  public NDArray forward(NDArray... in) { return LeakyRelu.mulStep(in[0], in[1], slope); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return input == 0 ? Tensor.apply(this, g, in[1]) : in[1].zerosLike();
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return t[0] == null ? out.zerosLike() : Tensor.apply(this, t[0], in[1]);
  }
}
