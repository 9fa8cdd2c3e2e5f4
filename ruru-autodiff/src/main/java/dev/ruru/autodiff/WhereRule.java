package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * condition ? a : b, inputs [condition, a, b] of one shape. The condition is a mask (no gradient);
 * each branch receives the gradient where it was chosen.
 */
final class WhereRule implements Rule {
  public String name() { return "where"; }
  public NDArray forward(NDArray... in) { return NDArray.where(in[0], in[1], in[2]); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return input == 1 ? Tensor.where(in[0], g, g.zerosLike()) : Tensor.where(in[0], g.zerosLike(), g);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.where(in[0], t[1] == null ? out.zerosLike() : t[1], t[2] == null ? out.zerosLike() : t[2]);
  }
}
