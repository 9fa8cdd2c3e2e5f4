package dev.ruru.autodiff;

/**
 * How a 1-D convolution window moves over an [N, C, L] input: stride, zero padding on the left and the
 * right, dilation (the spacing of the kernel taps) and groups. With kernel k the output length is
 * ⌊(L + left + right − dilation·(k − 1) − 1) / stride⌋ + 1, as in PyTorch's Conv1d.
 * Causal padding puts all dilation·(k − 1) zeros on the left, so output t sees inputs up to t only:
 * the convolution of WaveNet and of other autoregressive sequence models.
 *
 * <pre>{@code
 * Conv1dSpec same = Conv1dSpec.of(1, 1);                    // stride 1, one zero on each side
 * Conv1dSpec causal = Conv1dSpec.causal(2, 8);              // kernel 2, dilation 8: 8 zeros on the left
 * Conv1dSpec depthwise = Conv1dSpec.of(1, 2).withGroups(16);
 * }</pre>
 */
public record Conv1dSpec(int stride, int padLeft, int padRight, int dilation, int groups) {

  public Conv1dSpec {
    if (stride < 1) {
      throw new IllegalArgumentException("conv1d: stride must be positive, got " + stride);
    }
    if (padLeft < 0 || padRight < 0) {
      throw new IllegalArgumentException("conv1d: padding must be non-negative, got left " + padLeft + ", right " + padRight);
    }
    if (dilation < 1) {
      throw new IllegalArgumentException("conv1d: dilation must be positive, got " + dilation);
    }
    if (groups < 1) {
      throw new IllegalArgumentException("conv1d: groups must be positive, got " + groups);
    }
  }

  /** Equal padding on both sides, no dilation, one group. */
  public static Conv1dSpec of(int stride, int padding) {
    return new Conv1dSpec(stride, padding, padding, 1, 1);
  }

  /**
   * Stride 1 and dilation·(kernel − 1) zeros on the left only: the output is as long as the input and
   * output t depends on inputs 0..t (the "causal" convolution of van den Oord et al., 2016).
   */
  public static Conv1dSpec causal(int kernel, int dilation) {
    if (kernel < 1) {
      throw new IllegalArgumentException("conv1d: kernel must be positive, got " + kernel);
    }
    return new Conv1dSpec(1, dilation * (kernel - 1), 0, dilation, 1);
  }

  public Conv1dSpec withStride(int value) {
    return new Conv1dSpec(value, padLeft, padRight, dilation, groups);
  }

  public Conv1dSpec withPadding(int left, int right) {
    return new Conv1dSpec(stride, left, right, dilation, groups);
  }

  public Conv1dSpec withDilation(int value) {
    return new Conv1dSpec(stride, padLeft, padRight, value, groups);
  }

  public Conv1dSpec withGroups(int count) {
    return new Conv1dSpec(stride, padLeft, padRight, dilation, count);
  }

  /** Whether every zero is on the left (and the stride is 1), so no output sees a later input. */
  public boolean isCausal(int kernel) {
    return stride == 1 && padRight == 0 && padLeft == dilation * (kernel - 1);
  }

  /** The output length for an input of {@code length}; negative when the kernel does not fit. */
  public int outputLength(int length, int kernel) {
    return Conv2dSpec.outputLength(length, padLeft, padRight, kernel, dilation, stride);
  }

  /** The same window over a height of 1: the 2-D convolution a 1-D one runs as. */
  Conv2dSpec asConv2d() {
    return new Conv2dSpec(1, stride, 0, 0, padLeft, padRight, 1, dilation, groups);
  }
}
