package dev.ruru.data.video;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import dev.ruru.data.Dataset;
import dev.ruru.data.idx.IdxReader;
import dev.ruru.data.idx.IdxValues;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Moving MNIST (Srivastava et al., 2015, "Unsupervised learning of video representations using LSTMs")
 * over any set of still images: each clip places {@code items} images, chosen at random, in a black
 * square frame at random positions, moves each in a random direction by a tenth of the free width per
 * frame, reflects it off the edges, and combines overlapping items by the pixelwise maximum. Clip
 * {@code i} is a function of the spec's seed and {@code i} alone: nothing is stored, and any index can be
 * made in any order from any thread.
 *
 * <p>An example's features are the first {@code inputFrames} frames [inputFrames, 1, S, S] and its labels
 * the {@code futureFrames} frames after them [futureFrames, 1, S, S], float32 in [0, 1].
 *
 * <pre>{@code
 * NDArray images = MnistLoader.of(MnistVariant.FASHION_MNIST).load().train().features();   // [60000, 28, 28]
 * MovingImages clips = new MovingImages(images, 10_000, MovingImagesSpec.srivastava(42));
 * Batch batch = clips.batch(new int[] {0, 1});   // features [2, 10, 1, 64, 64], labels [2, 10, 1, 64, 64]
 * }</pre>
 */
public final class MovingImages implements Dataset {
  /** How far an item moves per frame, as a fraction of the free width: the published 0.1. */
  private static final double STEP = 0.1;
  private final float[] pixels;
  private final int imageCount, imageHeight, imageWidth;
  private final int clips;
  private final MovingImagesSpec spec;

  /** {@code clips} clips made from {@code images} [n, h, w] (values in [0, 1], h and w at most the frame size). */
  public MovingImages(NDArray images, int clips, MovingImagesSpec spec) {
    if (images.rank() != 3 || images.dim(0) < 1) {
      throw new IllegalArgumentException("MovingImages: expected images [n, height, width] with n >= 1, got " + images.shape());
    }
    if (images.dim(1) > spec.frameSize() || images.dim(2) > spec.frameSize()) {
      throw new IllegalArgumentException("MovingImages: images " + images.dim(1) + "x" + images.dim(2) + " do not fit in a "
          + spec.frameSize() + "x" + spec.frameSize() + " frame; use a larger frame size");
    }
    if (clips < 0) {
      throw new IllegalArgumentException("MovingImages: the number of clips must be >= 0, got " + clips);
    }
    this.pixels = images.astype(DType.FLOAT32).toFloatArray();
    this.imageCount = images.dim(0);
    this.imageHeight = images.dim(1);
    this.imageWidth = images.dim(2);
    this.clips = clips;
    this.spec = spec;
  }

  /** Clips made from the images of an IDX file ({@code .gz} or plain), such as {@code train-images-idx3-ubyte.gz}. */
  public static MovingImages fromIdx(Path imageFile, int clips, MovingImagesSpec spec) throws IOException {
    return new MovingImages(IdxReader.read(imageFile, IdxValues.SCALED_TO_UNIT), clips, spec);
  }

  @Override
  public int size() {
    return clips;
  }

  public MovingImagesSpec spec() {
    return spec;
  }

  @Override
  public Batch batch(int[] indices) {
    int frame = spec.frameSize() * spec.frameSize();
    int in = spec.inputFrames(), future = spec.futureFrames();
    float[] features = new float[indices.length * in * frame];
    float[] labels = new float[indices.length * future * frame];
    for (int row = 0; row < indices.length; row++) {
      float[] clip = clipPixels(indices[row]);
      System.arraycopy(clip, 0, features, row * in * frame, in * frame);
      System.arraycopy(clip, in * frame, labels, row * future * frame, future * frame);
    }
    int size = spec.frameSize();
    return new Batch(NDArray.wrap(features, indices.length, in, 1, size, size), NDArray.wrap(labels, indices.length, future, 1, size, size));
  }

  /** Clip {@code index}, every frame: [inputFrames + futureFrames, S, S]. */
  public NDArray clip(int index) {
    int size = spec.frameSize();
    return NDArray.wrap(clipPixels(index), spec.clipFrames(), size, size);
  }

  private float[] clipPixels(int index) {
    if (index < 0 || index >= clips) {
      throw new IndexOutOfBoundsException("MovingImages: clip " + index + " is outside [0, " + clips + ")");
    }
    // A generator per clip, seeded from (seed, index), so that clips do not depend on the order they are made in.
    SplittableRandom random = new SplittableRandom(spec.seed() ^ (0x9E3779B97F4A7C15L * (index + 1L)));
    int size = spec.frameSize();
    float[] out = new float[spec.clipFrames() * size * size];
    for (int item = 0; item < spec.items(); item++) {
      int image = random.nextInt(imageCount);
      double[][] path = trajectory(random, spec.clipFrames());
      for (int t = 0; t < spec.clipFrames(); t++) {
        int top = (int) ((size - imageHeight) * path[t][0]);
        int left = (int) ((size - imageWidth) * path[t][1]);
        paint(out, t * size * size, image, top, left);
      }
    }
    return out;
  }

  /**
   * Srivastava et al.'s trajectory: a start uniform in the unit square and a direction uniform on the
   * circle; each frame moves by {@link #STEP} first, then reflects the velocity at the edges. Positions
   * (y, x) per frame are fractions of the free width in [0, 1], which the caller truncates to pixels as the original does.
   */
  private static double[][] trajectory(SplittableRandom random, int frames) {
    double y = random.nextDouble(), x = random.nextDouble();
    double theta = random.nextDouble() * 2 * Math.PI;
    double vy = Math.sin(theta), vx = Math.cos(theta);
    double[][] path = new double[frames][2];
    for (int t = 0; t < frames; t++) {
      y += vy * STEP;
      x += vx * STEP;
      if (y <= 0 || y >= 1) {
        y = Math.clamp(y, 0, 1);
        vy = -vy;
      }
      if (x <= 0 || x >= 1) {
        x = Math.clamp(x, 0, 1);
        vx = -vx;
      }
      path[t][0] = y;
      path[t][1] = x;
    }
    return path;
  }

  /** Draws image {@code image} into the frame at {@code frameOffset} with its corner at (top, left), keeping the brighter pixel. */
  private void paint(float[] out, int frameOffset, int image, int top, int left) {
    int size = spec.frameSize();
    int source = image * imageHeight * imageWidth;
    for (int r = 0; r < imageHeight; r++) {
      int target = frameOffset + (top + r) * size + left;
      for (int c = 0; c < imageWidth; c++) {
        out[target + c] = Math.max(out[target + c], pixels[source + r * imageWidth + c]);
      }
    }
  }

  @Override
  public String toString() {
    return "MovingImages(" + clips + " clips of " + spec.items() + " items from " + imageCount + " images, " + spec.frameSize() + "x"
        + spec.frameSize() + ", " + spec.inputFrames() + " in, " + spec.futureFrames() + " out)";
  }
}
