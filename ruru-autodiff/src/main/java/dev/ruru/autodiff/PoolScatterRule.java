package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.array.Shape;

/**
 * A zero array of {@code shape} with g[i] added at flat position positions[i]: max pooling's VJP, one
 * addition per output (overlapping windows that share a maximum add up). Its transpose is
 * {@link PoolGatherRule}.
 */
final class PoolScatterRule implements Rule {
  private final int[] positions;
  private final Shape shape;

  PoolScatterRule(int[] positions, Shape shape) {
    this.positions = positions;
    this.shape = shape;
  }

  public String name() { return "poolScatter"; }

  public NDArray forward(NDArray... in) {
    Object g = Im2col.data(in[0]);
    // Each plane's gradients go into the same plane of the input (a window never leaves its plane),
    // so chunks of whole planes add into disjoint parts and run in parallel.
    int planes = shape.rank() < 2 ? 1 : shape.dim(0) * shape.dim(1);
    int perPlane = planes == 0 ? 0 : in[0].size() / planes;
    int chunk = Math.max(1, (1 << 16) / Math.max(1, perPlane)) * Math.max(1, perPlane);
    if (g instanceof double[] d) {
      double[] out = new double[shape.size()];
      Parallel.forEachRun(d.length, chunk, (from, to) -> {
        for (int i = from; i < to; i++) {
          out[positions[i]] += d[i];
        }
      });
      return NDArray.wrap(out, shape.dims());
    }
    float[] f = (float[]) g;
    float[] out = new float[shape.size()];
    Parallel.forEachRun(f.length, chunk, (from, to) -> {
      for (int i = from; i < to; i++) {
        out[positions[i]] += f[i];
      }
    });
    return NDArray.wrap(out, shape.dims());
  }

  public Tensor vjp(int input, Tensor gradient, Tensor[] in, Tensor out) {
    return Tensor.apply(new PoolGatherRule(positions, in[0].shape()), gradient);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return Tensor.apply(this, t[0]); }
}
