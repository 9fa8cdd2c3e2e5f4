package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * One .npz file written by src/test/resources/torch/make_fixtures.py (PyTorch 1.13, float64), and the
 * comparison the tests make against it.
 */
public final class TorchFixture {
  private final String file;
  private final Map<String, NDArray> arrays;

  private TorchFixture(String file, Map<String, NDArray> arrays) {
    this.file = file;
    this.arrays = arrays;
  }

  public static TorchFixture load(String name) {
    try {
      return new TorchFixture(name, Npz.read(Path.of("src/test/resources/torch", name + ".npz")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The entry names, in archive order. */
  public Set<String> keys() {
    return arrays.keySet();
  }

  public NDArray get(String key) {
    NDArray array = arrays.get(key);
    if (array == null) {
      throw new IllegalArgumentException(file + ".npz has no entry '" + key + "'");
    }
    return array;
  }

  /** Asserts {@code actual} equals the entry to float64 round-off (rtol 1e-10, atol 1e-12), naming both on failure. */
  public void assertMatches(String key, NDArray actual) {
    assertMatches(key, actual, 1e-10);
  }

  public void assertMatches(String key, NDArray actual, double rtol) {
    NDArray expected = get(key);
    assertEquals(expected.shape(), actual.shape(), key + ": shape");
    assertTrue(actual.allClose(expected, rtol, 1e-12), key + " differs from torch:\nactual   " + actual + "\nexpected " + expected);
  }
}
