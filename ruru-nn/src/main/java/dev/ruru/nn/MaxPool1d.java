package dev.ruru.nn;

import dev.ruru.autodiff.Convolution1d;
import dev.ruru.autodiff.Pool1dSpec;
import dev.ruru.autodiff.Tensor;

/**
 * Max pooling over windows of an [N, C, L] input (see {@link Convolution1d#maxPool1d}): each output
 * is its window's maximum, and only that element receives the gradient.
 *
 * <pre>{@code
 * Tensor y = new MaxPool1d(4).forward(x);     // x [8, 16, 4000] -> y [8, 16, 1000]
 * }</pre>
 */
public final class MaxPool1d implements Layer {
  private final Pool1dSpec spec;

  /** Windows of {@code kernel}, stride {@code kernel}, no padding (PyTorch's default stride). */
  public MaxPool1d(int kernel) {
    this(Pool1dSpec.of(kernel));
  }

  public MaxPool1d(Pool1dSpec spec) {
    this.spec = spec;
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    SequenceShape.require(toString(), input, -1);
    return Convolution1d.maxPool1d(input, spec);
  }

  public Pool1dSpec spec() { return spec; }

  @Override
  public String toString() {
    return "MaxPool1d(" + spec + ")";
  }
}
