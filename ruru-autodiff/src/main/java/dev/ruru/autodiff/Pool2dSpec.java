package dev.ruru.autodiff;

/**
 * A pooling window: kernel kh×kw moving by a stride, over an input padded symmetrically (max pooling
 * pads with −∞, average pooling with zeros that count in the mean, as PyTorch's defaults). The output
 * height is ⌊(H + 2·padding − kh) / stride⌋ + 1, and the width likewise.
 *
 * <pre>{@code
 * Pool2dSpec halve = Pool2dSpec.of(2);            // 2x2 windows, stride 2
 * Pool2dSpec overlap = Pool2dSpec.of(3, 2, 1);     // 3x3 windows, stride 2, padding 1
 * }</pre>
 */
public record Pool2dSpec(int kernelHeight, int kernelWidth, int strideHeight, int strideWidth, int paddingHeight, int paddingWidth) {

  public Pool2dSpec {
    if (kernelHeight < 1 || kernelWidth < 1) {
      throw new IllegalArgumentException("pool2d: kernel must be positive, got " + kernelHeight + "x" + kernelWidth);
    }
    if (strideHeight < 1 || strideWidth < 1) {
      throw new IllegalArgumentException("pool2d: stride must be positive, got " + strideHeight + "x" + strideWidth);
    }
    if (paddingHeight < 0 || paddingWidth < 0 || 2 * paddingHeight > kernelHeight || 2 * paddingWidth > kernelWidth) {
      throw new IllegalArgumentException("pool2d: padding " + paddingHeight + "x" + paddingWidth
          + " must be non-negative and at most half the kernel " + kernelHeight + "x" + kernelWidth);
    }
  }

  /** Square windows of {@code kernel} with stride {@code kernel} (non-overlapping), no padding. */
  public static Pool2dSpec of(int kernel) {
    return new Pool2dSpec(kernel, kernel, kernel, kernel, 0, 0);
  }

  public static Pool2dSpec of(int kernel, int stride, int padding) {
    return new Pool2dSpec(kernel, kernel, stride, stride, padding, padding);
  }

  /** The same window as a convolution's: the geometry of a depthwise kernel over [N, C, H, W]. */
  Conv2dSpec asConvolution(int channels) {
    return new Conv2dSpec(strideHeight, strideWidth, paddingHeight, paddingHeight, paddingWidth, paddingWidth, 1, 1, channels);
  }

  @Override
  public String toString() {
    return "kernel " + kernelHeight + "x" + kernelWidth + ", stride " + strideHeight + "x" + strideWidth
        + ", padding " + paddingHeight + "x" + paddingWidth;
  }
}
