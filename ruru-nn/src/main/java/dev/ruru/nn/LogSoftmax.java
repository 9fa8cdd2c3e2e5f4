package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/** log(softmax(x)) along an axis (the last by default), computed stably; see {@link Functional#logSoftmax}. */
public final class LogSoftmax implements Layer {
  private final int axis;

  public LogSoftmax() {
    this(-1);
  }

  public LogSoftmax(int axis) {
    this.axis = axis;
  }

  public int axis() { return axis; }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return Functional.logSoftmax(input, axis);
  }

  @Override
  public String toString() {
    return "LogSoftmax(axis=" + axis + ")";
  }
}
