package dev.ruru.array.io;

import static dev.ruru.array.io.NumpyFixtures.expected;
import static dev.ruru.array.io.NumpyFixtures.expectedFortran;
import static dev.ruru.array.io.NumpyFixtures.path;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writes, with Ruru, the arrays of make_npy_fixtures.py under the fixtures' names into
 * {@code ruru-array/target/ruru-written-npy/}, where {@code check_ruru_files.py} verifies with NumPy that
 * {@code np.load} reads them back as the script's arrays. Here they are checked against NumPy's own files.
 */
class NumpyInteropTest {
  static final Path OUTPUT = Path.of("target", "ruru-written-npy");

  /** The script's .npy fixtures, as Ruru builds them from the same formulas. */
  private static Map<String, NDArray> arrays() {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    for (String code : NumpyFixtures.CODES) {
      arrays.put(code + "_c.npy", expected(code, 2, 3, 4));
      arrays.put(code + "_f.npy", expectedFortran(code, 2, 3, 4));
    }
    arrays.put("scalar_f4.npy", expected("f4"));
    arrays.put("scalar_i8.npy", expected("i8"));
    arrays.put("vector_f8.npy", expected("f8", 5));
    arrays.put("matrix_f4_f.npy", expectedFortran("f4", 3, 4));
    arrays.put("empty_f4.npy", expected("f4", 0, 3));
    arrays.put("empty_i4.npy", expected("i4", 3, 0));
    arrays.put("strided_f4.npy", expected("f4", 3, 6).slice(1, 0, 6, 2));
    return arrays;
  }

  private static LinkedHashMap<String, NDArray> archive() {
    LinkedHashMap<String, NDArray> arrays = new LinkedHashMap<>();
    arrays.put("weights", expected("f4", 3, 4));
    arrays.put("bias", expected("f8", 4));
    arrays.put("labels", expected("i8", 6));
    arrays.put("mask", expected("b1", 2, 3));
    arrays.put("fortran", expectedFortran("i4", 2, 5));
    return arrays;
  }

  @Test
  void writesTheFixturesForNumpyToCheckAndTheyMatchNumpysBytes() throws IOException {
    Files.createDirectories(OUTPUT);
    for (Map.Entry<String, NDArray> entry : arrays().entrySet()) {
      Path file = OUTPUT.resolve(entry.getKey());
      Npy.write(file, entry.getValue());
      assertArrayEquals(Files.readAllBytes(path(entry.getKey())), Files.readAllBytes(file), entry.getKey());
    }
    Npz.write(OUTPUT.resolve("arrays.npz"), archive());
    Npz.writeCompressed(OUTPUT.resolve("arrays_compressed.npz"), archive());
    assertEquals(archive(), Npz.read(OUTPUT.resolve("arrays.npz")));
    assertEquals(archive(), Npz.read(OUTPUT.resolve("arrays_compressed.npz")));
  }
}
