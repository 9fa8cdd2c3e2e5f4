package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;

/**
 * The Gaussian error linear unit in its tanh approximation, equal to PyTorch's
 * {@code nn.GELU(approximate='tanh')}; see {@link Functional#gelu}.
 */
public final class GELU implements Layer {
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return Functional.gelu(input);
  }

  @Override
  public String toString() {
    return "GELU(approximate=tanh)";
  }
}
