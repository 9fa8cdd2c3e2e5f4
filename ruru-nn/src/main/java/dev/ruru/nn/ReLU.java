package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/** max(x, 0) elementwise (Nair and Hinton, 2010); see {@link Functional#relu}. */
public final class ReLU implements Layer {
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return Functional.relu(input);
  }

  @Override
  public String toString() {
    return "ReLU()";
  }
}
