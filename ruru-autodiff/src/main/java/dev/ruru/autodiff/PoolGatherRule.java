package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;

/**
 * out[i] = x.flat[positions[i]] for fixed positions (max pooling's recorded maxima): the JVP of max
 * pooling and the VJP of {@link PoolScatterRule}, whose transpose it is.
 */
final class PoolGatherRule implements Rule {
  private final int[] positions;
  private final Shape shape;

  PoolGatherRule(int[] positions, Shape shape) {
    this.positions = positions;
    this.shape = shape;
  }

  public String name() { return "poolGather"; }
  public NDArray forward(NDArray... in) { return gather(Im2col.data(in[0]), positions, shape.dims()); }

  private static NDArray gather(Object x, int[] positions, int[] shape) {
    if (x instanceof double[] d) {
      double[] out = new double[positions.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = d[positions[i]];
      }
      return NDArray.wrap(out, shape);
    }
    float[] f = (float[]) x;
    float[] out = new float[positions.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = f[positions[i]];
    }
    return NDArray.wrap(out, shape);
  }

  public Tensor vjp(int input, Tensor gradient, Tensor[] in, Tensor out) {
    return Tensor.apply(new PoolScatterRule(positions, in[0].shape()), gradient);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return Tensor.apply(this, t[0]); }
}
