package dev.ruru.data.video;

/**
 * How {@link MovingImages} makes its clips: square frames of {@code frameSize} pixels, {@code items}
 * images bouncing in each, {@code inputFrames} frames shown and {@code futureFrames} to predict, and the
 * seed every clip is drawn from. {@link #srivastava(long)} is the published protocol: 64×64, two items,
 * 10 frames in and 10 out.
 */
public record MovingImagesSpec(int frameSize, int items, int inputFrames, int futureFrames, long seed) {
  public MovingImagesSpec {
    if (frameSize < 1 || items < 1 || inputFrames < 1 || futureFrames < 1) {
      throw new IllegalArgumentException("MovingImagesSpec: frame size, items, input and future frames must be positive; got "
          + frameSize + ", " + items + ", " + inputFrames + ", " + futureFrames);
    }
  }

  /** Srivastava et al. (2015): 64×64 frames, two items, 10 input frames and 10 future frames. */
  public static MovingImagesSpec srivastava(long seed) {
    return new MovingImagesSpec(64, 2, 10, 10, seed);
  }

  /** Frames in a whole clip: the input frames followed by the future ones. */
  public int clipFrames() {
    return inputFrames + futureFrames;
  }
}
