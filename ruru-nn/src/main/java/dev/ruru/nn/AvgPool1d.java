package dev.ruru.nn;

import dev.ruru.autodiff.Convolution1d;
import dev.ruru.autodiff.Pool1dSpec;
import dev.ruru.autodiff.Tensor;

/**
 * Average pooling over windows of an [N, C, L] input (see {@link Convolution1d#avgPool1d}); zero
 * padding counts in the mean, as in PyTorch.
 *
 * <pre>{@code
 * Tensor y = new AvgPool1d(4).forward(x);     // x [8, 16, 4000] -> y [8, 16, 1000]
 * }</pre>
 */
public final class AvgPool1d implements Layer {
  private final Pool1dSpec spec;

  /** Windows of {@code kernel}, stride {@code kernel}, no padding (PyTorch's default stride). */
  public AvgPool1d(int kernel) {
    this(Pool1dSpec.of(kernel));
  }

  public AvgPool1d(Pool1dSpec spec) {
    this.spec = spec;
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    SequenceShape.require(toString(), input, -1);
    return Convolution1d.avgPool1d(input, spec);
  }

  public Pool1dSpec spec() { return spec; }

  @Override
  public String toString() {
    return "AvgPool1d(" + spec + ")";
  }
}
