package dev.ruru.nn;

import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.Tensor;

/** The [N, C, L] input check the 1-D layers share, so that every one names itself, what it expects and what came. */
final class SequenceShape {
  private SequenceShape() {}

  /** Refuses anything but [batch, channels, length] (any channel count when {@code channels} is negative). */
  static void require(String layer, Tensor x, int channels) {
    if (x.rank() != 3 || (channels >= 0 && x.shape().dim(1) != channels)) {
      String expected = channels >= 0 ? String.valueOf(channels) : "channels";
      String hint = x.rank() == 2 ? "; add the channel axis with reshape(batch, 1, length)" : "";
      throw new ShapeMismatchException(layer + ": expected input [batch, " + expected + ", length], got " + x.shape() + hint);
    }
  }
}
