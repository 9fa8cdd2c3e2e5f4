package dev.ruru.nn;

import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.Tensor;

/** The NCHW input check the image layers share, so that every one names itself, what it expects and what came. */
final class ImageShape {
  private ImageShape() {}

  /** Refuses anything but [batch, channels, H, W] (any channel count when {@code channels} is negative). */
  static void require(String layer, Tensor x, int channels) {
    boolean rightRank = x.rank() == 4;
    if (!rightRank || (channels >= 0 && x.shape().dim(1) != channels)) {
      String expected = channels >= 0 ? String.valueOf(channels) : "channels";
      String hint = x.rank() == 2 ? "; reshape flat images to [batch, channels, height, width] first"
          : x.rank() == 3 ? "; add the channel axis with reshape(batch, 1, height, width)" : "";
      throw new ShapeMismatchException(layer + ": expected input [batch, " + expected + ", H, W], got " + x.shape() + hint);
    }
  }
}
