package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/**
 * Merges axes into one, by default all but the batch axis: images [N, 28, 28] become [N, 784] for a
 * Linear layer. A view when the input is contiguous; see {@link Functional#flatten}.
 */
public final class Flatten implements Layer {
  private final int startAxis;
  private final int endAxis;

  public Flatten() {
    this(1, -1);
  }

  public Flatten(int startAxis, int endAxis) {
    this.startAxis = startAxis;
    this.endAxis = endAxis;
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return Functional.flatten(input, startAxis, endAxis);
  }

  public int startAxis() { return startAxis; }
  public int endAxis() { return endAxis; }

  @Override
  public String toString() {
    return "Flatten(" + startAxis + ", " + endAxis + ")";
  }
}
