package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * tanh, a primitive rather than a ratio of exponentials because exp overflows for large |x| while
 * tanh saturates; d/dx tanh(x) = 1 − tanh²(x) reuses the output. Sigmoid is composed from it.
 */
final class TanhRule implements Rule {
  public String name() { return "tanh"; }
  public NDArray forward(NDArray... in) { return in[0].tanh(); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return g.mul(slope(out)); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return t[0].mul(slope(out)); }

  private static Tensor slope(Tensor out) {
    return out.mul(out).neg().add(1);
  }
}
