package dev.ruru.data.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The reference files {@code src/test/resources/text/make_reference.py} wrote. */
final class Fixtures {
  private Fixtures() {}

  /** The lines of test resource {@code text/<name>}. */
  static List<String> lines(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/text/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test resource text/" + name + " is missing; run make_reference.py");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value after {@code key } on the line that starts with it. */
  static String value(List<String> lines, String key) {
    return lines.stream().filter(line -> line.startsWith(key + " ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no line '" + key + " ...'")).substring(key.length() + 1);
  }

  /** Space-separated integers of all lines, in order. */
  static int[] integers(List<String> lines) {
    return lines.stream().flatMap(line -> Arrays.stream(line.trim().split(" +"))).mapToInt(Integer::parseInt).toArray();
  }

  /** The embedded corpus's text. */
  static String opticks() {
    return EmbeddedText.opticksQueries().text();
  }
}
