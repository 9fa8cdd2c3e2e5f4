package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import java.util.function.Supplier;

/**
 * y = x·wᵀ for a matrix x [batch, in] and a weight w [out, in]: a linear layer's product as one
 * primitive (PyTorch's {@code linear}). Its kernels are the BLAS calls of {@code x.matmul(w.transpose())}
 * with the transposes as flags, so the bits are the same as composed. As one node, with w a direct
 * input, a training loop's backward pass can write ∂L/∂w = gᵀ·x straight into the array the last
 * step's gradient used ({@link GradientBuffers}); composed, that gradient would reach w through the
 * transpose's node.
 */
final class LinearRule implements Rule {
  public String name() { return "linear"; }
  public NDArray forward(NDArray... in) { return in[0].matmul(in[1].transpose()); }

  /** ∂L/∂x = g·w and ∂L/∂w = gᵀ·x, which comes out laid out like w's storage. */
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return input == 0 ? g.matmul(in[1]) : g.swapLastTwo().matmul(in[0]);
  }

  @Override
  public NDArray vjpInto(int input, NDArray g, NDArray[] in, Supplier<NDArray> destination) {
    return input == 1 ? g.transpose().matmul(in[0], destination.get()) : null;
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.sumOfTangents(t[0] == null ? null : t[0].linear(in[1]), t[1] == null ? null : in[0].linear(t[1]));
  }
}
