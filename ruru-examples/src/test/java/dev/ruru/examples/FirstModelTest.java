package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's program runs as printed there: it trains, saves, loads, and the loaded model classifies. */
class FirstModelTest {
  @TempDir Path dir;

  @Test void theReadmeQuotesThisProgramLineForLine() throws Exception {
    List<String> source = Files.readAllLines(Path.of("src/main/java/dev/ruru/examples/FirstModel.java"));
    String readme = Files.readString(Path.of("../README.md"));
    for (String line : source) {
      boolean code = !line.isBlank() && !line.startsWith("package ") && !line.startsWith("/**") && !line.startsWith(" *");
      assertTrue(!code || readme.contains(line + "\n"), () -> "README.md's \"Use it from Java\" lacks the line: " + line);
    }
  }

  @Test void trainsSavesLoadsAndClassifies() throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      FirstModel.main(new String[] {"1", dir.resolve("model.safetensors").toString()});
    } finally {
      System.setOut(original);
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    java.util.regex.Matcher accuracy = java.util.regex.Pattern.compile("test accuracy of the loaded model: (\\d+\\.\\d\\d)%").matcher(text);
    assertTrue(accuracy.find(), text);
    // One epoch: 78% on the 5,000-image sample, 83% on the full set; guessing scores 10%.
    assertTrue(Double.parseDouble(accuracy.group(1)) > 70, text);
    assertTrue(Files.size(dir.resolve("model.safetensors")) > 400_000, "784x128 + 128x10 float32 weights");
  }
}
