package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every example program is run by a test in a fast mode: each class of dev.ruru.examples with a
 * {@code main} has a {@code <Name>Test} that calls it, so an example added without one fails the build.
 */
class ExamplesTest {
  private static final Path MAIN = Path.of("src/main/java/dev/ruru/examples");
  private static final Path TESTS = Path.of("src/test/java/dev/ruru/examples");

  @Test void everyExampleHasATestThatRunsIt() throws IOException {
    List<Path> examples;
    try (Stream<Path> files = Files.list(MAIN)) {
      examples = files.filter(file -> file.toString().endsWith(".java")).filter(ExamplesTest::hasMain).sorted().toList();
    }
    assertTrue(examples.size() >= 4, "examples found: " + examples);
    for (Path example : examples) {
      String name = example.getFileName().toString().replace(".java", "");
      Path test = TESTS.resolve(name + "Test.java");
      assertTrue(Files.isRegularFile(test), name + " has a main but no " + test + " that runs it in a fast mode");
      assertTrue(Files.readString(test).contains(name + "."), test + " does not call " + name);
    }
  }

  private static boolean hasMain(Path file) {
    try {
      return Files.readString(file).contains("public static void main(String[] args)");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
