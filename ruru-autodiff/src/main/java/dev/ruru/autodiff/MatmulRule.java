package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * The matrix product of two stacks of matrices with equal batch axes (Tensor.matmul promotes vectors
 * and broadcasts batch axes first, so broadcasting's gradient stays in {@link ExpandRule}).
 * For C = A·B: ∂L/∂A = G·Bᵀ and ∂L/∂B = Aᵀ·G; the transposes are views that BLAS reads as flags.
 */
final class MatmulRule implements Rule {
  public String name() { return "matmul"; }
  public NDArray forward(NDArray... in) { return in[0].matmul(in[1]); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return input == 0 ? g.matmul(in[1].swapLastTwo()) : in[0].swapLastTwo().matmul(g);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.sumOfTangents(t[0] == null ? null : t[0].matmul(in[1]), t[1] == null ? null : in[0].matmul(t[1]));
  }
}
