package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import java.util.function.Supplier;

/**
 * y = x·wᵀ (+ b) for a matrix x [batch, in], a weight w [out, in] and an optional bias b [out], with
 * relu after it when asked: a linear layer as one primitive (PyTorch's {@code linear}; {@code Sequential}
 * fuses a following ReLU, as for convolutions). The product is the BLAS call of
 * {@code x.matmul(w.transpose())} with the transpose as a flag, and the bias and relu are applied to its
 * output in place while it is in cache, so the bits are those of the operations apart, without the two
 * fresh arrays (a tenth of W2's forward pass). As one node, with w a direct input, a training loop's
 * backward pass can also write ∂L/∂w straight into the array the last step's gradient used
 * ({@link GradientBuffers}).
 */
final class LinearRule implements Rule {
  private final boolean relu;
  private final ReluMask mask = new ReluMask();

  LinearRule(boolean relu) {
    this.relu = relu;
  }

  public String name() { return relu ? "linearRelu" : "linear"; }

  public NDArray forward(NDArray... in) {
    NDArray y = in[0].matmul(in[1].transpose());
    if (in.length > 2) {
      y.addInPlace(in[2]);
    }
    if (relu) {
      Im2col.reluInPlace(Im2col.data(y), 0, y.size());
    }
    return y;
  }

  /** With g masked by relu's derivative first: ∂L/∂x = g·w, ∂L/∂w = gᵀ·x (laid out like w), ∂L/∂b = Σ_rows g. */
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    Tensor upstream = relu ? mask.of(g, out) : g;
    return switch (input) {
      case 0 -> upstream.matmul(in[1]);
      case 1 -> upstream.swapLastTwo().matmul(in[0]);
      default -> ExpandRule.sumTo(upstream, in[2].shape());
    };
  }

  @Override
  public NDArray vjpInto(int input, Tensor g, Tensor[] in, Tensor out, Supplier<NDArray> destination) {
    if (input != 1) {
      return null;
    }
    NDArray upstream = relu ? mask.of(g, out).value() : g.value();
    return upstream.transpose().matmul(in[0].value(), destination.get());
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    Tensor tangent = Tensor.sumOfTangents(t[0] == null ? null : t[0].linear(in[1]), t[1] == null ? null : in[0].linear(t[1]));
    if (t.length > 2 && t[2] != null) {
      tangent = Tensor.sumOfTangents(tangent, t[2].broadcastTo(out.shape()));
    }
    return relu && tangent != null ? Tensor.apply(new MulHeavisideRule(), tangent, out) : tangent;
  }
}
