package dev.ruru.data.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.Batch;
import dev.ruru.data.DataLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The augmentation transforms: each output sample is checked against a reference computed by plain
 * loops over every allowed shift or flip; equal seeds give equal batches, shapes and dtypes are kept.
 */
class TransformsTest {
  private static final NDArray IMAGES = NDArray.uniform(Shape.of(6, 2, 5, 7), 0.1, 1, DType.FLOAT32, new SplittableRandom(1));

  /** out[c, y, x] = in[c, y − dy, x − dx], zero outside, for sample n: the reference shift. */
  private static double[] shifted(NDArray images, int n, int dy, int dx) {
    int c = images.dim(1), h = images.dim(2), w = images.dim(3);
    double[] out = new double[c * h * w];
    for (int k = 0; k < c; k++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int sy = y - dy, sx = x - dx;
          out[(k * h + y) * w + x] = sy < 0 || sy >= h || sx < 0 || sx >= w ? 0 : images.getDouble(n, k, sy, sx);
        }
      }
    }
    return out;
  }

  private static double[] sample(NDArray batch, int n) {
    return batch.slice(0, n, n + 1, 1).toDoubleArray();
  }

  /** The shift (dy, dx) within ±max that maps input sample n to the output sample, or null. */
  private static int[] matchingShift(NDArray in, NDArray out, int n, int max) {
    for (int dy = -max; dy <= max; dy++) {
      for (int dx = -max; dx <= max; dx++) {
        if (java.util.Arrays.equals(shifted(in, n, dy, dx), sample(out, n))) {
          return new int[] {dy, dx};
        }
      }
    }
    return null;
  }

  @Test
  void randomCropWithPaddingIsAShiftWithinThePaddingAndKeepsTheShape() {
    NDArray out = new RandomCrop(2, 7).apply(IMAGES);
    assertEquals(IMAGES.shape(), out.shape());
    assertEquals(DType.FLOAT32, out.dtype());
    List<String> shifts = new ArrayList<>();
    for (int n = 0; n < 6; n++) {
      int[] shift = matchingShift(IMAGES.astype(DType.FLOAT64), out.astype(DType.FLOAT64), n, 2);
      assertTrue(shift != null, "sample " + n + " is not the input shifted by at most 2 pixels");
      shifts.add(shift[0] + "," + shift[1]);
    }
    assertTrue(shifts.stream().distinct().count() > 1, "crops should differ between samples: " + shifts);
  }

  @Test
  void randomCropToASmallerSizeCutsAWindowOfThePaddedImage() {
    NDArray out = new RandomCrop(3, 4, 0, 5).apply(IMAGES);
    assertEquals(Shape.of(6, 2, 3, 4), out.shape());
    double first = out.getDouble(0, 0, 0, 0);
    boolean found = false;
    for (int y = 0; y <= 2 && !found; y++) {
      for (int x = 0; x <= 3 && !found; x++) {
        found = IMAGES.slice(0, 0, 1, 1).slice(2, y, y + 3, 1).slice(3, x, x + 4, 1).equals(out.slice(0, 0, 1, 1));
      }
    }
    assertTrue(found, "sample 0 is no 3x4 window of the input (first pixel " + first + ")");
  }

  @Test
  void randomShiftMovesEachSampleByAtMostTheLimit() {
    NDArray out = new RandomShift(1, 3).apply(IMAGES);
    assertEquals(IMAGES.shape(), out.shape());
    for (int n = 0; n < 6; n++) {
      assertTrue(matchingShift(IMAGES.astype(DType.FLOAT64), out.astype(DType.FLOAT64), n, 1) != null, "sample " + n);
    }
  }

  @Test
  void horizontalFlipMirrorsWholeSamplesOrLeavesThem() {
    NDArray out = new RandomHorizontalFlip(0.5, 11).apply(IMAGES);
    int flipped = 0;
    for (int n = 0; n < 6; n++) {
      NDArray original = IMAGES.slice(0, n, n + 1, 1);
      NDArray mirrored = original.slice(3, 6, -8, -1);
      NDArray actual = out.slice(0, n, n + 1, 1);
      assertTrue(actual.equals(original) || actual.equals(mirrored), "sample " + n + " is neither itself nor its mirror");
      flipped += actual.equals(mirrored) ? 1 : 0;
    }
    assertTrue(flipped > 0 && flipped < 6, "p = 0.5 over 6 samples flipped " + flipped);
    assertEquals(IMAGES, new RandomHorizontalFlip(0, 11).apply(IMAGES));
  }

  @Test
  void normalizeStandardisesEachChannelWithTheGivenStatistics() {
    NDArray out = new Normalize(new double[] {0.5, 0.25}, new double[] {2, 0.5}).apply(IMAGES);
    assertEquals(IMAGES.shape(), out.shape());
    assertEquals((IMAGES.getDouble(3, 0, 2, 4) - 0.5) / 2, out.getDouble(3, 0, 2, 4), 1e-6);
    assertEquals((IMAGES.getDouble(1, 1, 4, 6) - 0.25) / 0.5, out.getDouble(1, 1, 4, 6), 1e-6);
  }

  @Test
  void imagesWithoutAChannelAxisAreOneChannel() {
    NDArray gray = IMAGES.slice(1, 0, 1, 1).reshape(6, 5, 7);
    assertEquals(gray.shape(), new RandomCrop(2, 1).apply(gray).shape());
    assertEquals(gray.shape(), new RandomShift(2, 1).apply(gray).shape());
    assertEquals(gray.shape(), new RandomHorizontalFlip(0.5, 1).apply(gray).shape());
    assertTrue(new Normalize(new double[] {1}, new double[] {1}).apply(gray).allClose(gray.sub(1)));
  }

  @Test
  void equalSeedsGiveEqualBatchesThroughADataLoader() {
    ArrayDataset data = new ArrayDataset(IMAGES, NDArray.of(new long[] {0, 1, 2, 3, 4, 5}, 6));
    List<NDArray> first = epochs(DataLoader.of(data, 4).shuffled(3).withTransform(new RandomCrop(2, 9)));
    List<NDArray> second = epochs(DataLoader.of(data, 4).shuffled(3).withTransform(new RandomCrop(2, 9)));
    List<NDArray> other = epochs(DataLoader.of(data, 4).shuffled(3).withTransform(new RandomCrop(2, 10)));
    assertEquals(first, second);
    assertNotEquals(first, other);
    assertEquals(Shape.of(4, 2, 5, 7), first.get(0).shape());
  }

  private static List<NDArray> epochs(DataLoader loader) {
    List<NDArray> batches = new ArrayList<>();
    for (int epoch = 0; epoch < 2; epoch++) {
      for (Batch batch : loader.epoch(epoch)) {
        batches.add(batch.features());
      }
    }
    return batches;
  }

  @Test
  void errorsNameTheTransformAndTheNumbers() {
    assertEquals("RandomCrop: crop 10x7 is larger than the padded image 9x11 (5x7 plus padding 2)",
        assertThrows(IllegalArgumentException.class, () -> new RandomCrop(10, 7, 2, 1).apply(IMAGES)).getMessage());
    assertEquals("RandomShift: expected images [batch, channels, height, width] or [batch, height, width], got [6, 70]",
        assertThrows(IllegalArgumentException.class, () -> new RandomShift(1, 1).apply(IMAGES.reshape(6, 70))).getMessage());
    assertEquals("Normalize: 1 channel statistics for images [6, 2, 5, 7] with 2 channel(s)",
        assertThrows(IllegalArgumentException.class, () -> new Normalize(new double[] {0}, new double[] {1}).apply(IMAGES)).getMessage());
  }
}
