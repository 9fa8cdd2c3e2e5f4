package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/** tanh(x) elementwise. */
public final class Tanh implements Layer {
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return Functional.tanh(input);
  }

  @Override
  public String toString() {
    return "Tanh()";
  }
}
