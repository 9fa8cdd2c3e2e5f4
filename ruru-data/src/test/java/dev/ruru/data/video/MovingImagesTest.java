package dev.ruru.data.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.Batch;
import dev.ruru.data.idx.Compression;
import dev.ruru.data.idx.IdxType;
import dev.ruru.data.idx.IdxWriter;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MovingImagesTest {
  /** Two 4×4 squares of different brightness, so a clip shows which one moved where. */
  private static NDArray squares() {
    float[] values = new float[2 * 16];
    Arrays.fill(values, 0, 16, 0.5f);
    Arrays.fill(values, 16, 32, 1f);
    return NDArray.of(values, 2, 4, 4);
  }

  @Test
  void batchesSplitEachClipIntoInputAndFutureFrames() {
    MovingImages clips = new MovingImages(squares(), 5, new MovingImagesSpec(16, 2, 3, 2, 7));
    Batch batch = clips.batch(new int[] {4, 1});
    assertEquals(Shape.of(2, 3, 1, 16, 16), batch.features().shape());
    assertEquals(Shape.of(2, 2, 1, 16, 16), batch.labels().shape());
    float[] clip = clips.clip(1).toFloatArray();
    float[] features = batch.features().toFloatArray(), labels = batch.labels().toFloatArray();
    assertArrayEquals(Arrays.copyOfRange(clip, 0, 3 * 256), Arrays.copyOfRange(features, 3 * 256, 6 * 256));
    assertArrayEquals(Arrays.copyOfRange(clip, 3 * 256, 5 * 256), Arrays.copyOfRange(labels, 2 * 256, 4 * 256));
  }

  @Test
  void aClipDependsOnlyOnTheSeedAndItsIndex() {
    MovingImagesSpec spec = MovingImagesSpec.srivastava(42);
    MovingImages clips = new MovingImages(squares(), 100, spec);
    float[] seventh = clips.clip(7).toFloatArray();
    clips.clip(3);
    assertArrayEquals(seventh, new MovingImages(squares(), 100, spec).clip(7).toFloatArray());
    assertFalse(Arrays.equals(seventh, clips.clip(8).toFloatArray()), "clips 7 and 8 are the same");
    assertFalse(Arrays.equals(seventh, new MovingImages(squares(), 100, MovingImagesSpec.srivastava(43)).clip(7).toFloatArray()));
  }

  @Test
  void everyFrameShowsEachItemWholeAndOverlapsKeepTheBrighterPixel() {
    // One item per clip: each frame holds exactly 16 lit pixels, all of one image's brightness.
    MovingImages one = new MovingImages(squares(), 50, new MovingImagesSpec(12, 1, 10, 10, 1));
    for (int index = 0; index < 50; index++) {
      float[] clip = one.clip(index).toFloatArray();
      for (int t = 0; t < 20; t++) {
        float[] frame = Arrays.copyOfRange(clip, t * 144, (t + 1) * 144);
        assertEquals(16, countAbove(frame, 0), "clip " + index + " frame " + t);
      }
    }
    // Many items in a small frame must overlap; the maximum never exceeds the brightest image.
    MovingImages crowded = new MovingImages(squares(), 5, new MovingImagesSpec(6, 6, 2, 2, 3));
    float[] all = crowded.clip(0).toFloatArray();
    for (float value : all) {
      assertTrue(value == 0 || value == 0.5f || value == 1f, "pixel " + value + " is not one image's value: overlaps were added");
    }
  }

  @Test
  void itemsMoveAtTheProtocolsSpeedAndBounceInsideTheFrame() {
    // 64x64 frame, 4x4 item: a tenth of the 60-pixel free width is 6 pixels per frame at most per axis.
    MovingImages clips = new MovingImages(squares(), 20, new MovingImagesSpec(64, 1, 10, 10, 5));
    boolean bounced = false;
    for (int index = 0; index < 20; index++) {
      float[] clip = clips.clip(index).toFloatArray();
      int[] previous = corner(clip, 0);
      int[] previousStep = null;
      for (int t = 1; t < 20; t++) {
        int[] now = corner(clip, t);
        int[] step = {now[0] - previous[0], now[1] - previous[1]};
        assertTrue(Math.abs(step[0]) <= 7 && Math.abs(step[1]) <= 7, "clip " + index + " jumped " + Arrays.toString(step));
        bounced |= previousStep != null && (step[0] * previousStep[0] < 0 || step[1] * previousStep[1] < 0);
        previous = now;
        previousStep = step;
      }
    }
    assertTrue(bounced, "no item reversed direction in 20 clips of 20 frames");
  }

  @Test
  void readsItsImagesFromAnIdxFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("images-idx3-ubyte.gz");
    IdxWriter.write(file, NDArray.of(new int[] {255, 0, 0, 255}, 1, 2, 2), IdxType.UBYTE, Compression.GZIP);
    MovingImages clips = MovingImages.fromIdx(file, 3, new MovingImagesSpec(8, 1, 1, 1, 0));
    float[] frame = Arrays.copyOfRange(clips.clip(2).toFloatArray(), 0, 64);
    assertEquals(2, countAbove(frame, 0.99f));
  }

  @Test
  void rejectsImagesLargerThanTheFrameAndIndicesOutOfRange() {
    var tooLarge = assertThrows(IllegalArgumentException.class, () -> new MovingImages(NDArray.zeros(Shape.of(1, 28, 28)), 1,
        new MovingImagesSpec(20, 1, 1, 1, 0)));
    assertEquals("MovingImages: images 28x28 do not fit in a 20x20 frame; use a larger frame size", tooLarge.getMessage());
    MovingImages clips = new MovingImages(squares(), 2, MovingImagesSpec.srivastava(0));
    assertThrows(IndexOutOfBoundsException.class, () -> clips.batch(new int[] {2}));
    assertThrows(IllegalArgumentException.class, () -> new MovingImagesSpec(64, 0, 10, 10, 0));
  }

  private static int countAbove(float[] values, float threshold) {
    int count = 0;
    for (float value : values) {
      count += value > threshold ? 1 : 0;
    }
    return count;
  }

  /** The top-left lit pixel of frame {@code t} of a 64×64 clip. */
  private static int[] corner(float[] clip, int t) {
    for (int i = 0; i < 4096; i++) {
      if (clip[t * 4096 + i] > 0) {
        return new int[] {i / 64, i % 64};
      }
    }
    throw new AssertionError("frame " + t + " is empty");
  }
}
