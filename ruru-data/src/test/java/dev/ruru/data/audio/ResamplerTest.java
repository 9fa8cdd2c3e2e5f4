package dev.ruru.data.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The polyphase resampler against SciPy's resample_poly (src/test/resources/audio/make_resample.py). */
class ResamplerTest {
  @Test
  void matchesScipyResamplePolyForFourRatios() throws Exception {
    Map<String, NDArray> fixture = Npz.read(Path.of("src/test/resources/audio/resample.npz"));
    float[] x = fixture.get("x").toFloatArray();
    for (int[] ratio : new int[][] {{320, 441}, {2, 1}, {1, 3}, {3, 2}}) {
      float[] expected = fixture.get("y_" + ratio[0] + "_" + ratio[1]).toFloatArray();
      float[] actual = Resampler.of(ratio[0], ratio[1]).apply(x);
      assertEquals(expected.length, actual.length, "length for " + ratio[0] + "/" + ratio[1]);
      for (int i = 0; i < expected.length; i++) {
        double tolerance = 1e-5 * (1 + Math.abs(expected[i]));
        int index = i;
        assertTrue(Math.abs(expected[i] - actual[i]) <= tolerance,
            () -> "up " + ratio[0] + " down " + ratio[1] + " at " + index + ": scipy " + expected[index] + ", ruru " + actual[index]);
      }
    }
  }

  @Test
  void keepsALowToneAndRemovesOneAboveTheNewNyquist() {
    int from = 22050;
    float[] low = tone(1000, from, 4410);
    float[] high = tone(10000, from, 4410);
    Resampler resampler = Resampler.between(from, 16000);
    assertEquals(3200, resampler.outputLength(4410));
    // 1 kHz passes with its amplitude; 10 kHz is above 16 kHz's Nyquist (8 kHz) and must be filtered out.
    assertEquals(1.0, rms(resampler.apply(low)) * Math.sqrt(2), 0.02);
    assertTrue(rms(resampler.apply(high)) < 0.02, "10 kHz leaks through: rms " + rms(resampler.apply(high)));
  }

  @Test
  void refusesNonPositiveRates() {
    assertEquals("Resampler: sample rates must be > 0; got 0 Hz to 16000 Hz",
        assertThrows(IllegalArgumentException.class, () -> Resampler.between(0, 16000)).getMessage());
  }

  private static float[] tone(double hertz, int rate, int n) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) Math.sin(2 * Math.PI * hertz * i / rate);
    }
    return x;
  }

  /** The root mean square of the middle half, away from the zero-padded edges. */
  private static double rms(float[] y) {
    double sum = 0;
    int from = y.length / 4;
    int to = 3 * y.length / 4;
    for (int i = from; i < to; i++) {
      sum += y[i] * y[i];
    }
    return Math.sqrt(sum / (to - from));
  }
}
