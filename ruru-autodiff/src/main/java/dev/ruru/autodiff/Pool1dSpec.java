package dev.ruru.autodiff;

/**
 * A 1-D pooling window over an [N, C, L] input: kernel k moving by a stride over the input padded by
 * {@code padding} on both sides (max pooling pads with −∞, average pooling with zeros that count in the
 * mean, PyTorch's defaults). The output length is ⌊(L + 2·padding − k) / stride⌋ + 1.
 *
 * <pre>{@code
 * Pool1dSpec halve = Pool1dSpec.of(2);          // windows of 2, stride 2
 * Pool1dSpec overlap = Pool1dSpec.of(3, 2, 1);  // windows of 3, stride 2, padding 1
 * }</pre>
 */
public record Pool1dSpec(int kernel, int stride, int padding) {

  public Pool1dSpec {
    if (kernel < 1) {
      throw new IllegalArgumentException("pool1d: kernel must be positive, got " + kernel);
    }
    if (stride < 1) {
      throw new IllegalArgumentException("pool1d: stride must be positive, got " + stride);
    }
    if (padding < 0 || 2 * padding > kernel) {
      throw new IllegalArgumentException("pool1d: padding " + padding + " must be non-negative and at most half the kernel " + kernel);
    }
  }

  /** Windows of {@code kernel} with stride {@code kernel} (non-overlapping), no padding. */
  public static Pool1dSpec of(int kernel) {
    return new Pool1dSpec(kernel, kernel, 0);
  }

  public static Pool1dSpec of(int kernel, int stride, int padding) {
    return new Pool1dSpec(kernel, stride, padding);
  }

  /** The same window over a height of 1. */
  Pool2dSpec asPool2d() {
    return new Pool2dSpec(1, kernel, 1, stride, 0, padding);
  }

  @Override
  public String toString() {
    return "kernel " + kernel + ", stride " + stride + ", padding " + padding;
  }
}
