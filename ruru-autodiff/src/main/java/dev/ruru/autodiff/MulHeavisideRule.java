package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * a·H(x), H the Heaviside step (1 where x &gt; 0, else 0): relu's derivative applied to a gradient or
 * a tangent ({@link ReluRule}), one pass over the arrays ({@link NDArray#mulHeaviside}) where the
 * composite took a comparison, a cast to a mask and a product (16 % of a CNN's training step).
 * H is piecewise constant, so x receives a zero gradient and a receives g·H(x): second derivatives
 * through relu come out as they should. Inputs [a, x] have one shape.
 */
final class MulHeavisideRule implements Rule {
  public String name() { return "mulHeaviside"; }
  public NDArray forward(NDArray... in) { return in[0].mulHeaviside(in[1]); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return input == 0 ? Tensor.apply(this, g, in[1]) : in[1].zerosLike();
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return t[0] == null ? out.zerosLike() : Tensor.apply(this, t[0], in[1]);
  }
}
