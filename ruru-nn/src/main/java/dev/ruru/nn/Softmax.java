package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/** Softmax along an axis (the last by default); see {@link Functional#softmax}. */
public final class Softmax implements Layer {
  private final int axis;

  public Softmax() {
    this(-1);
  }

  public Softmax(int axis) {
    this.axis = axis;
  }

  public int axis() { return axis; }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return Functional.softmax(input, axis);
  }

  @Override
  public String toString() {
    return "Softmax(axis=" + axis + ")";
  }
}
