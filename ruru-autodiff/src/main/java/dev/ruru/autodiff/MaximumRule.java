package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * max(a, b) elementwise. The gradient flows to the larger input; a tie sends it to b, so
 * relu(x) = maximum(x, 0) has relu'(0) = 0 as torch.relu does (torch.maximum itself shares a tie's
 * gradient equally between a and b: the one place the differential suite keeps ties out).
 */
final class MaximumRule implements Rule {
  public String name() { return "maximum"; }
  public NDArray forward(NDArray... in) { return in[0].maximum(in[1]); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return g.mul(firstWins(in, input == 0, g));
  }

  /** 1 where the gradient flows to the chosen input, 0 elsewhere: a constant mask in g's dtype. */
  private static Tensor firstWins(Tensor[] in, boolean first, Tensor g) {
    NDArray mask = in[0].value().gt(in[1].value());
    return Tensor.constant((first ? mask : mask.eq(0)).astype(g.dtype()));
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    Tensor first = t[0] == null ? out.zerosLike() : t[0];
    Tensor second = t[1] == null ? out.zerosLike() : t[1];
    return Tensor.where(in[0].gt(in[1]), first, second);
  }
}
