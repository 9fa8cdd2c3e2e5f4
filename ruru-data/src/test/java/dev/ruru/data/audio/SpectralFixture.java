package dev.ruru.data.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/** The NumPy reference values of src/test/resources/audio/make_spectral.py (8 kHz, 2000 samples). */
final class SpectralFixture {
  static final int SAMPLE_RATE = 8000;
  private static Map<String, NDArray> arrays;

  private SpectralFixture() {}

  static synchronized NDArray get(String name) {
    if (arrays == null) {
      try {
        arrays = Npz.read(Path.of("src/test/resources/audio/spectral.npz"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return arrays.get(name);
  }

  static float[] signal() {
    return get("x").toFloatArray();
  }

  /** Fails naming the first element where |actual − expected| exceeds atol + rtol·|expected|. */
  static void assertClose(String what, NDArray expected, NDArray actual, double rtol, double atol) {
    assertArrayEquals(expected.shape().dims(), actual.shape().dims(), what + ": shape");
    double[] e = expected.toDoubleArray();
    double[] a = actual.toDoubleArray();
    for (int i = 0; i < e.length; i++) {
      if (!(Math.abs(a[i] - e[i]) <= atol + rtol * Math.abs(e[i]))) {
        fail(what + " differs at flat index " + i + " of " + expected.shape() + ": numpy " + e[i] + ", ruru " + a[i]);
      }
    }
  }
}
