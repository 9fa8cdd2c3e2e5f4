package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;

/** A new shape for the same elements; the gradient takes the old shape back. */
final class ReshapeRule implements Rule {
  private final Shape shape;

  ReshapeRule(Shape shape) {
    this.shape = shape;
  }

  public String name() { return "reshape"; }
  public NDArray forward(NDArray... in) { return in[0].reshape(shape); }
  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) { return g.reshape(in[0].shape()); }
  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) { return t[0].reshape(shape); }
}
