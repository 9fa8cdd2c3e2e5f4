package dev.ruru.nn;

import dev.ruru.autodiff.Convolution;
import dev.ruru.autodiff.Pool2dSpec;
import dev.ruru.autodiff.Tensor;

/**
 * Max pooling over windows of an [N, C, H, W] input (see {@link Convolution#maxPool2d}): each output
 * is its window's maximum, and only that element receives the gradient.
 *
 * <pre>{@code
 * Tensor y = new MaxPool2d(2).forward(x);     // x [64, 16, 28, 28] -> y [64, 16, 14, 14]
 * }</pre>
 */
public final class MaxPool2d implements Layer {
  private final Pool2dSpec spec;

  /** Square windows of {@code kernel}, stride {@code kernel}, no padding (PyTorch's default stride). */
  public MaxPool2d(int kernel) {
    this(Pool2dSpec.of(kernel));
  }

  public MaxPool2d(Pool2dSpec spec) {
    this.spec = spec;
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    ImageShape.require(toString(), input, -1);
    return Convolution.maxPool2d(input, spec);
  }

  public Pool2dSpec spec() { return spec; }

  @Override
  public String toString() {
    return "MaxPool2d(" + spec + ")";
  }
}
