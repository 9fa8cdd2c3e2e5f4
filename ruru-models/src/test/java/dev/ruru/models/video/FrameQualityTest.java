package dev.ruru.models.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import org.junit.jupiter.api.Test;

class FrameQualityTest {
  /** A 12×12 ramp, and the same ramp with a bright 4×5 square: the frames of ssim_reference.py. */
  private static NDArray[] frames() {
    float[] a = new float[144], b = new float[144];
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < 12; j++) {
        a[i * 12 + j] = (i * 12 + j) / 143f;
        b[i * 12 + j] = i >= 3 && i < 7 && j >= 4 && j < 9 ? 1f : a[i * 12 + j];
      }
    }
    return new NDArray[] {NDArray.of(a, 1, 1, 1, 12, 12), NDArray.of(b, 1, 1, 1, 12, 12)};
  }

  @Test
  void ssimAndMseMatchTheScipyReference() {
    NDArray[] f = frames();
    // Values printed by src/test/resources/video/ssim_reference.py (scikit-image's defaults written with SciPy).
    assertEquals(0.2775291283207312, FrameQuality.ssim(f[0], f[1]), 1e-6);
    assertEquals(6.915741580483665, FrameQuality.msePerFrame(f[0], f[1]), 1e-5);
    assertEquals(1.0, FrameQuality.ssim(f[1], f[1]), 1e-12);
  }

  @Test
  void perFrameValuesAreAveragedOverFramesNotSummed() {
    NDArray[] f = frames();
    NDArray twoA = NDArray.concatenate(java.util.List.of(f[0], f[0]), 1), aAndB = NDArray.concatenate(java.util.List.of(f[0], f[1]), 1);
    assertEquals(6.915741580483665 / 2, FrameQuality.msePerFrame(twoA, aAndB), 1e-5);
    assertEquals((1 + 0.2775291283207312) / 2, FrameQuality.ssim(twoA, aAndB), 1e-6);
  }

  @Test
  void copyLastFrameRepeatsTheLastInputFrame() {
    NDArray input = NDArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3, 1, 1, 1);
    NDArray copied = FrameQuality.copyLastFrame(input, 2);
    assertEquals(Shape.of(2, 2, 1, 1, 1), copied.shape());
    assertEquals("[3.0, 3.0, 6.0, 6.0]", java.util.Arrays.toString(copied.toFloatArray()));
  }

  @Test
  void mismatchedShapesAreRefused() {
    var error = assertThrows(IllegalArgumentException.class, () -> FrameQuality.msePerFrame(NDArray.zeros(Shape.of(1, 2, 1, 8, 8)),
        NDArray.zeros(Shape.of(1, 3, 1, 8, 8))));
    assertEquals("frame quality: expected predicted and true frames of one shape [clips, T, 1, S, S], got [1, 2, 1, 8, 8] and [1, 3, 1, 8, 8]",
        error.getMessage());
  }
}
