package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.io.Npz;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code toString} prints what NumPy 1.24's {@code repr} prints for the same array: the strings in
 * {@code reference/format.txt} and the arrays {@code format_<name>} in {@code reference.npz}, both from
 * make_reference.py.
 */
class FormatTest {
  @TestFactory
  Stream<DynamicTest> reprMatchesNumpy() throws IOException {
    Map<String, NDArray> arrays = Npz.read(ReferenceCase.resource("reference.npz"));
    return expectedReprs().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
      NDArray array = arrays.get("format_" + e.getKey());
      assertEquals(e.getValue(), array.toString(), e.getKey() + ": repr of " + array.describe());
    }));
  }

  /** "=== name" headers, each followed by the repr's lines. */
  private static Map<String, String> expectedReprs() throws IOException {
    Map<String, String> reprs = new LinkedHashMap<>();
    String name = null;
    StringBuilder text = new StringBuilder();
    for (String line : Files.readAllLines(ReferenceCase.resource("format.txt"))) {
      if (line.startsWith("=== ")) {
        if (name != null) {
          reprs.put(name, text.toString());
        }
        name = line.substring(4);
        text.setLength(0);
      } else {
        text.append(text.isEmpty() ? "" : "\n").append(line);
      }
    }
    reprs.put(name, text.toString());
    return reprs;
  }

  @Test
  void viewsPrintTheirOwnElementsInLogicalOrder() {
    NDArray matrix = NDArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    assertEquals("array([[6., 5., 4.],\n       [3., 2., 1.]], dtype=float32)", matrix.index("::-1, ::-1").toString());
    assertEquals("array([[1., 4.],\n       [2., 5.],\n       [3., 6.]], dtype=float32)", matrix.transpose().toString());
    assertEquals("array([2., 5.], dtype=float32)", matrix.index(":, 1").toString());
  }

  @Test
  void broadcastViewsPrintEveryRepeatedElement() {
    NDArray row = NDArray.of(new long[] {7, 8}, 2).broadcastTo(Shape.of(2, 2));
    assertEquals("array([[7, 8],\n       [7, 8]])", row.toString());
  }

  @Test
  void summarisedFloatWidthsComeFromTheShownElementsOnly() {
    // The hidden middle holds 1e9, which would force scientific notation if it were measured.
    double[] values = new double[1001];
    for (int i = 0; i < values.length; i++) {
      values[i] = i == 500 ? 1e9 : i % 7;
    }
    String repr = NDArray.of(values, 1001).toString();
    assertEquals("array([0., 1., 2., ..., 4., 5., 6.])", repr);
  }

  @Test
  void largeSummarisedArrayFormatsQuickly() {
    NDArray big = NDArray.zeros(Shape.of(2000, 2000));
    List<String> lines = big.toString().lines().toList();
    assertEquals(7, lines.size(), "3 rows, the ellipsis and 3 rows");
    assertEquals("array([[0., 0., 0., ..., 0., 0., 0.],", lines.get(0));
  }
}
