package dev.ruru.array.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/** The NumPy/SciPy/scikit-learn values in {@code src/test/resources/linalg/linalg.npz} (see make_linalg_fixtures.py). */
final class LinalgFixtures {
  private static Map<String, NDArray> arrays;

  private LinalgFixtures() {}

  static synchronized NDArray get(String name) {
    if (arrays == null) {
      try {
        arrays = Npz.read(Path.of(LinalgFixtures.class.getResource("/linalg/linalg.npz").toURI()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    NDArray array = arrays.get(name);
    if (array == null) {
      throw new IllegalStateException("linalg.npz has no " + name + "; rerun make_linalg_fixtures.py");
    }
    return array;
  }

  /** Same shape and every |expected − actual| ≤ tolerance, or a failure naming the worst element. */
  static void assertClose(String what, NDArray expected, NDArray actual, double tolerance) {
    assertEquals(expected.shape(), actual.shape(), what + ": shape");
    double[] e = expected.toDoubleArray();
    double[] a = actual.toDoubleArray();
    int worst = 0;
    for (int i = 0; i < e.length; i++) {
      if (!(Math.abs(e[i] - a[i]) <= Math.abs(e[worst] - a[worst]))) {
        worst = i;
      }
    }
    if (e.length > 0 && !(Math.abs(e[worst] - a[worst]) <= tolerance)) {
      fail(what + ": element " + worst + " of " + Arrays.toString(expected.shape().dims()) + " is " + a[worst]
          + ", expected " + e[worst] + " (difference " + Math.abs(e[worst] - a[worst]) + " > " + tolerance + ")");
    }
  }

  /**
   * Columns (axis 1) equal up to sign: eigenvectors and principal axes are defined only up to it, and
   * LAPACK, NumPy and scikit-learn each choose their own.
   */
  static void assertColumnsCloseUpToSign(String what, NDArray expected, NDArray actual, double tolerance) {
    assertEquals(expected.shape(), actual.shape(), what + ": shape");
    for (int j = 0; j < expected.dim(1); j++) {
      NDArray e = expected.slice(1, j, j + 1, 1);
      NDArray a = actual.slice(1, j, j + 1, 1);
      double sign = e.mul(a).sum().item() < 0 ? -1 : 1;
      assertClose(what + ", column " + j, e, a.mul(sign), tolerance);
    }
  }
}
