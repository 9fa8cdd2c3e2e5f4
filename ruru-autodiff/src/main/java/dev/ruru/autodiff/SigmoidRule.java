package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.FloatTanh;
import dev.ruru.array.NDArray;

/**
 * σ(x) = ½ + ½·tanh(x/2), equal to 1/(1 + e^−x) but neither it nor its gradient overflows. A primitive
 * because gated networks (LSTM and GRU cells, WaveNet's gate) apply it to every unit every step, and
 * composed it was four passes forward and six back, each into a fresh array: the float32 kernel is one
 * pass with the bits of the composite ({@code x.mul(0.5).tanh().mul(0.5).add(0.5)}, kept as its oracle
 * in the tests), and both derivatives are σ' = σ·(1 − σ) from the output in one pass ({@link MulSlopeRule}).
 */
final class SigmoidRule implements Rule {
  public String name() { return "sigmoid"; }

  public NDArray forward(NDArray... in) {
    NDArray x = in[0];
    if (x.dtype() != DType.FLOAT32) {
      return x.mul(0.5).tanh().mul(0.5).add(0.5);
    }
    float[] values = x.floatsToRead();
    float[] out = new float[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = 0.5f * values[i];
    }
    FloatTanh.tanh(out, 0, out, 0, out.length);
    for (int i = 0; i < out.length; i++) {
      out[i] = 0.5f + 0.5f * out[i];
    }
    return NDArray.wrap(out, x.shape().dims());
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return Tensor.apply(new MulSlopeRule(MulSlopeRule.Slope.SIGMOID), g, out);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.apply(new MulSlopeRule(MulSlopeRule.Slope.SIGMOID), t[0], out);
  }
}
