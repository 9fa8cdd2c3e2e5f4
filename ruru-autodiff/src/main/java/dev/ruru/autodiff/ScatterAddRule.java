package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;

/** The transpose of {@link GatherRule}: the input added into a zero array of {@code shape} at {@code index}. */
final class ScatterAddRule implements Rule {
  private final Shape shape;
  private final int axis;
  private final NDArray index;

  ScatterAddRule(Shape shape, int axis, NDArray index) {
    this.shape = shape;
    this.axis = axis;
    this.index = index;
  }

  public String name() { return "scatterAdd"; }
  public NDArray forward(NDArray... in) { return NDArray.zeros(shape, in[0].dtype()).scatterAdd(axis, index, in[0]); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return Tensor.apply(new GatherRule(axis, index), g); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return Tensor.apply(this, t[0]); }
}
