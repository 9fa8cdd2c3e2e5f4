package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * f(x) = x for x &gt; 0, else a·x ({@link LeakyRelu}). f is x times the step s(x) (1 or a), so the value
 * and both derivatives are one kernel, a·s(x) ({@link MulLeakyStepRule}): f(x) = x·s(x), the VJP g·s(x)
 * and the JVP t·s(x). s is piecewise constant, so second derivatives come out 0, as they should.
 */
final class LeakyReluRule implements Rule {
  private final double slope;

  LeakyReluRule(double slope) {
    this.slope = slope;
  }

  public String name() { return "leakyRelu"; }
  public NDArray forward(NDArray... in) { return LeakyRelu.mulStep(in[0], in[0], slope); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return Tensor.apply(new MulLeakyStepRule(slope), g, in[0]); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return Tensor.apply(new MulLeakyStepRule(slope), t[0], in[0]); }
}
