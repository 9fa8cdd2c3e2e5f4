package dev.ruru.data.transform;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * A batch of images [N, C, H, W] or [N, H, W] (C = 1) seen as N samples of C planes of H×W, and the
 * pixel loops the transforms share. Pixels are processed as double and returned in the input's dtype.
 */
record ImageBatch(int samples, int channels, int height, int width) {

  static ImageBatch of(String op, NDArray images) {
    int rank = images.rank();
    if (rank != 3 && rank != 4) {
      throw new IllegalArgumentException(op + ": expected images [batch, channels, height, width] or [batch, height, width], got "
          + images.shape());
    }
    return rank == 4
        ? new ImageBatch(images.dim(0), images.dim(1), images.dim(2), images.dim(3))
        : new ImageBatch(images.dim(0), 1, images.dim(1), images.dim(2));
  }

  int plane() { return height * width; }
  int sample() { return channels * height * width; }

  /**
   * Copies the window of sample n's padded image whose top-left corner is (top, left) in coordinates
   * of the unpadded image (negative: into the padding), {@code outHeight}×{@code outWidth} per channel;
   * pixels outside the image are 0.
   */
  void window(double[] in, int n, int top, int left, double[] out, int outHeight, int outWidth) {
    for (int c = 0; c < channels; c++) {
      int source = n * sample() + c * plane();
      int target = (n * channels + c) * outHeight * outWidth;
      for (int y = 0; y < outHeight; y++) {
        int iy = y + top;
        if (iy < 0 || iy >= height) {
          continue;
        }
        int from = Math.max(0, -left);
        int to = Math.min(outWidth, width - left);
        for (int x = from; x < to; x++) {
          out[target + y * outWidth + x] = in[source + iy * width + x + left];
        }
      }
    }
  }

  /** The array of {@code values} shaped like {@code like} but with planes of {@code h}×{@code w}, in {@code like}'s dtype. */
  static NDArray shaped(double[] values, NDArray like, int h, int w) {
    int[] shape = like.shape().dims();
    shape[shape.length - 2] = h;
    shape[shape.length - 1] = w;
    NDArray result = NDArray.of(values, shape);
    return like.dtype() == DType.FLOAT64 ? result : result.astype(like.dtype().isFloating() ? like.dtype() : DType.FLOAT32);
  }
}
