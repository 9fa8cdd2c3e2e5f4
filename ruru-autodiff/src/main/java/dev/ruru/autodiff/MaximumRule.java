package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * max(a, b) elementwise. The gradient flows to the larger input; a tie sends it to b, so
 * relu(x) = maximum(x, 0) has relu'(0) = 0 as in PyTorch.
 */
final class MaximumRule implements Rule {
  public String name() { return "maximum"; }
  public NDArray forward(NDArray... in) { return in[0].maximum(in[1]); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return Tensor.where(in[0].gt(in[1]), input == 0 ? g : g.zerosLike(), input == 0 ? g.zerosLike() : g);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    Tensor first = t[0] == null ? out.zerosLike() : t[0];
    Tensor second = t[1] == null ? out.zerosLike() : t[1];
    return Tensor.where(in[0].gt(in[1]), first, second);
  }
}
