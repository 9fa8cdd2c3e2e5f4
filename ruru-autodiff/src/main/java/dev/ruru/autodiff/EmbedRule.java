package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;

/**
 * The transpose of {@link SliceRule}: a zero array of {@code shape} with the input written at the
 * sliced positions. Only backward passes create it; its own VJP is the slice again.
 */
final class EmbedRule implements Rule {
  private final Shape shape;
  private final int axis;
  private final int start;
  private final int stop;
  private final int step;

  EmbedRule(Shape shape, int axis, int start, int stop, int step) {
    this.shape = shape;
    this.axis = axis;
    this.start = start;
    this.stop = stop;
    this.step = step;
  }

  public String name() { return "embed"; }

  public NDArray forward(NDArray... in) {
    NDArray out = NDArray.zeros(shape, in[0].dtype());
    out.slice(axis, start, stop, step).assignInPlace(in[0]);
    return out;
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return g.slice(axis, start, stop, step); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return Tensor.apply(this, t[0]); }
}
