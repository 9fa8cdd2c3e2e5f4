package dev.ruru.nn;

import dev.ruru.autodiff.Convolution;
import dev.ruru.autodiff.Pool2dSpec;
import dev.ruru.autodiff.Tensor;

/**
 * Average pooling over windows of an [N, C, H, W] input (see {@link Convolution#avgPool2d}); zero
 * padding counts in the mean, as in PyTorch.
 *
 * <pre>{@code
 * Tensor y = new AvgPool2d(2).forward(x);     // x [64, 16, 28, 28] -> y [64, 16, 14, 14]
 * }</pre>
 */
public final class AvgPool2d implements Layer {
  private final Pool2dSpec spec;

  /** Square windows of {@code kernel}, stride {@code kernel}, no padding. */
  public AvgPool2d(int kernel) {
    this(Pool2dSpec.of(kernel));
  }

  public AvgPool2d(Pool2dSpec spec) {
    this.spec = spec;
  }

  public Pool2dSpec spec() { return spec; }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    ImageShape.require(toString(), input, -1);
    return Convolution.avgPool2d(input, spec);
  }

  @Override
  public String toString() {
    return "AvgPool2d(" + spec + ")";
  }
}
