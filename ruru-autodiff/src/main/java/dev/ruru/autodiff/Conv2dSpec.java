package dev.ruru.autodiff;

/**
 * How a 2-D convolution window moves over an NCHW input: stride, zero padding on each side,
 * dilation (the spacing of the kernel taps) and groups (channels split into independent convolutions).
 * With kernel kh×kw the output height is ⌊(H + top + bottom − dilation·(kh − 1) − 1) / stride⌋ + 1,
 * and the width likewise, as in PyTorch.
 *
 * <pre>{@code
 * Conv2dSpec same = Conv2dSpec.of(1, 1);                       // stride 1, padding 1 on every side
 * Conv2dSpec strided = Conv2dSpec.of(2, 0).withDilation(2, 2);  // stride 2, no padding, dilation 2
 * Conv2dSpec depthwise = Conv2dSpec.of(1, 1).withGroups(16);
 * }</pre>
 */
public record Conv2dSpec(int strideHeight, int strideWidth, int padTop, int padBottom, int padLeft, int padRight,
    int dilationHeight, int dilationWidth, int groups) {

  public Conv2dSpec {
    if (strideHeight < 1 || strideWidth < 1) {
      throw new IllegalArgumentException("conv2d: stride must be positive, got " + strideHeight + "x" + strideWidth);
    }
    if (padTop < 0 || padBottom < 0 || padLeft < 0 || padRight < 0) {
      throw new IllegalArgumentException("conv2d: padding must be non-negative, got top " + padTop + ", bottom " + padBottom
          + ", left " + padLeft + ", right " + padRight);
    }
    if (dilationHeight < 1 || dilationWidth < 1) {
      throw new IllegalArgumentException("conv2d: dilation must be positive, got " + dilationHeight + "x" + dilationWidth);
    }
    if (groups < 1) {
      throw new IllegalArgumentException("conv2d: groups must be positive, got " + groups);
    }
  }

  /** Equal stride and equal padding on every side, no dilation, one group. */
  public static Conv2dSpec of(int stride, int padding) {
    return new Conv2dSpec(stride, stride, padding, padding, padding, padding, 1, 1, 1);
  }

  public Conv2dSpec withStride(int height, int width) {
    return new Conv2dSpec(height, width, padTop, padBottom, padLeft, padRight, dilationHeight, dilationWidth, groups);
  }

  public Conv2dSpec withPadding(int top, int bottom, int left, int right) {
    return new Conv2dSpec(strideHeight, strideWidth, top, bottom, left, right, dilationHeight, dilationWidth, groups);
  }

  public Conv2dSpec withDilation(int height, int width) {
    return new Conv2dSpec(strideHeight, strideWidth, padTop, padBottom, padLeft, padRight, height, width, groups);
  }

  public Conv2dSpec withGroups(int count) {
    return new Conv2dSpec(strideHeight, strideWidth, padTop, padBottom, padLeft, padRight, dilationHeight, dilationWidth, count);
  }

  /**
   * The padding that keeps H and W at stride 1 ("same"): dilation·(k − 1) in total per axis, the odd
   * one on the bottom/right as PyTorch and TensorFlow place it.
   */
  public static Conv2dSpec same(int kernelHeight, int kernelWidth, int dilationHeight, int dilationWidth) {
    int height = dilationHeight * (kernelHeight - 1);
    int width = dilationWidth * (kernelWidth - 1);
    return new Conv2dSpec(1, 1, height / 2, height - height / 2, width / 2, width - width / 2, dilationHeight, dilationWidth, 1);
  }

  /** Output length along one axis; negative when the kernel does not fit (checked by the callers). */
  static int outputLength(int input, int padBefore, int padAfter, int kernel, int dilation, int stride) {
    int span = dilation * (kernel - 1) + 1;
    int padded = input + padBefore + padAfter;
    return padded < span ? -1 : (padded - span) / stride + 1;
  }
}
