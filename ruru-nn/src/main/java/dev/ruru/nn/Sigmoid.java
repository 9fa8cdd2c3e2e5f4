package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/** 1 / (1 + e^−x) elementwise; see {@link Functional#sigmoid}. */
public final class Sigmoid implements Layer {
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return Functional.sigmoid(input);
  }

  @Override
  public String toString() {
    return "Sigmoid()";
  }
}
