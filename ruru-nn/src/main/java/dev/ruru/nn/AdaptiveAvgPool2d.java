package dev.ruru.nn;

import dev.ruru.autodiff.Convolution;
import dev.ruru.autodiff.Tensor;

/**
 * Average pooling to a fixed output size whatever the input's (see {@link Convolution#adaptiveAvgPool2d}):
 * [N, C, H, W] → [N, C, OH, OW]. With 1×1 it is global average pooling, the head of most modern CNNs.
 *
 * <pre>{@code
 * Tensor y = new AdaptiveAvgPool2d(1, 1).forward(x);   // x [8, 64, 7, 7] -> y [8, 64, 1, 1]
 * }</pre>
 */
public final class AdaptiveAvgPool2d implements Layer {
  private final int outHeight;
  private final int outWidth;

  public AdaptiveAvgPool2d(int outHeight, int outWidth) {
    if (outHeight < 1 || outWidth < 1) {
      throw new IllegalArgumentException("AdaptiveAvgPool2d: output size must be positive, got " + outHeight + "x" + outWidth);
    }
    this.outHeight = outHeight;
    this.outWidth = outWidth;
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    ImageShape.require(toString(), input, -1);
    return Convolution.adaptiveAvgPool2d(input, outHeight, outWidth);
  }

  @Override
  public String toString() {
    return "AdaptiveAvgPool2d(" + outHeight + "x" + outWidth + ")";
  }
}
