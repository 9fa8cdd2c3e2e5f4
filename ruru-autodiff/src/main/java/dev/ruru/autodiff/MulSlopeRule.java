package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * a·s(y) for inputs [a, y] of one shape, s the derivative of tanh or σ written in its output y:
 * tanh' = 1 − y², σ' = y·(1 − y). It is how {@link TanhRule} and {@link SigmoidRule} apply their
 * derivative to a gradient or a tangent: one pass over float32 arrays where the composite took four
 * (a square, a negation, a sum and a product, each into a fresh array), with the same bits for tanh.
 * It is linear in a, so a's derivative is the same product; y's is a·s'(y) with s' = −2y or 1 − 2y,
 * composed from tensor operations (only second derivatives need it).
 */
final class MulSlopeRule implements Rule {
  /** The activation whose derivative s is applied. */
  enum Slope { TANH, SIGMOID }

  private final Slope slope;

  MulSlopeRule(Slope slope) {
    this.slope = slope;
  }

  public String name() { return slope == Slope.TANH ? "mulTanhSlope" : "mulSigmoidSlope"; }

  public NDArray forward(NDArray... in) {
    NDArray a = in[0], y = in[1];
    if (a.dtype() != DType.FLOAT32 || y.dtype() != DType.FLOAT32) {
      NDArray s = slope == Slope.TANH ? y.mul(y).neg().add(1) : y.mul(y.neg().add(1));
      return a.mul(s);
    }
    float[] av = a.floatsToRead(), yv = y.floatsToRead();
    float[] out = new float[av.length];
    if (slope == Slope.TANH) {
      for (int i = 0; i < out.length; i++) {
        out[i] = av[i] * (1f - yv[i] * yv[i]);
      }
    } else {
      for (int i = 0; i < out.length; i++) {
        out[i] = av[i] * (yv[i] * (1f - yv[i]));
      }
    }
    return NDArray.wrap(out, a.shape().dims());
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return input == 0 ? Tensor.apply(this, g, in[1]) : g.mul(in[0]).mul(slopeDerivative(in[1]));
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    Tensor fromA = t[0] == null ? null : Tensor.apply(this, t[0], in[1]);
    Tensor fromY = t[1] == null ? null : t[1].mul(in[0]).mul(slopeDerivative(in[1]));
    return Tensor.sumOfTangents(fromA, fromY);
  }

  /** s'(y): −2y for tanh's 1 − y², 1 − 2y for σ's y − y². */
  private Tensor slopeDerivative(Tensor y) {
    Tensor minusTwoY = y.mul(-2);
    return slope == Slope.TANH ? minusTwoY : minusTwoY.add(1);
  }
}
