package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * How {@link Upsample} fills the new pixels. Each way is a linear map along one image axis, written as
 * an [out, in] matrix: nearest copies the closest input pixel, bilinear (on both axes) blends the two
 * closest ones. Both follow PyTorch's {@code interpolate} with a scale factor and
 * {@code align_corners=False}: output pixel o sits over input coordinate (o + ½)/scale − ½.
 */
public enum Interpolation {
  /** Input pixel min(⌊o/scale⌋, in − 1), as PyTorch's {@code mode='nearest'}. */
  NEAREST {
    @Override double[] weights(int in, int out, double scale) {
      double[] matrix = new double[out * in];
      for (int o = 0; o < out; o++) {
        int source = out == 2 * in ? o >> 1 : Math.min((int) Math.floor(o / scale), in - 1);
        matrix[o * in + source] = 1;
      }
      return matrix;
    }
  },
  /**
   * Linear along each axis between input pixels ⌊s⌋ and ⌊s⌋ + 1, s = max(0, (o + ½)/scale − ½); the last
   * pixel repeats at the border, as PyTorch's {@code mode='bilinear'} with {@code align_corners=False}.
   */
  BILINEAR {
    @Override double[] weights(int in, int out, double scale) {
      double[] matrix = new double[out * in];
      for (int o = 0; o < out; o++) {
        double source = Math.max(0, (o + 0.5) / scale - 0.5);
        int low = (int) source;
        int high = low < in - 1 ? low + 1 : low;
        double fraction = source - low;
        matrix[o * in + low] += 1 - fraction;
        matrix[o * in + high] += fraction;
      }
      return matrix;
    }
  };

  /** The row-major [out, in] matrix whose row o holds the weights of output pixel o. */
  abstract double[] weights(int in, int out, double scale);

  /** The same matrix as an array of {@code dtype}. */
  NDArray matrix(int in, int out, double scale, DType dtype) {
    return NDArray.of(weights(in, out, scale), out, in).astype(dtype);
  }
}
