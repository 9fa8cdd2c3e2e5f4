package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/** Returns its input: a placeholder where an architecture has an optional layer. */
public final class Identity implements Layer {
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return input;
  }

  @Override
  public String toString() {
    return "Identity()";
  }
}
