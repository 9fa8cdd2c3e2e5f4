package dev.ruru.autodiff;

import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;

/** Σ over {@code axes}. Every input element contributes once, so the gradient is g spread back (expanded). */
final class SumRule implements Rule {
  private final int[] axes;
  private final Dims dims;

  SumRule(int[] axes, Dims dims) {
    this.axes = axes.clone();
    this.dims = dims;
  }

  public String name() { return "sum"; }
  public NDArray forward(NDArray... in) { return in[0].sum(axes, dims); }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return g.reshape(keptShape(in[0].shape())).broadcastTo(in[0].shape());
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return t[0].sum(axes, dims); }

  /** The output shape with the reduced axes kept as 1, whatever {@link Dims} the sum used. */
  Shape keptShape(Shape input) {
    int[] shape = input.dims();
    for (int axis : axes) {
      shape[axis < 0 ? axis + shape.length : axis] = 1;
    }
    return Shape.of(shape);
  }
}
