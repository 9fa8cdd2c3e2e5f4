package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.Test;

/** ruru shell's start-up snippets resolve in JShell, and the README's model builds at the prompt with them alone. */
class ShellCommandTest {
  /** Evaluates {@code code} and fails with JShell's diagnostics unless it is valid; returns the value. */
  private static String eval(JShell shell, String code) {
    List<SnippetEvent> events = shell.eval(code);
    for (SnippetEvent event : events) {
      String diagnostics = shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
      assertEquals(Snippet.Status.VALID, event.status(), () -> code + ": " + diagnostics);
      assertTrue(event.exception() == null, () -> code + " threw " + event.exception());
    }
    return events.isEmpty() ? null : events.get(events.size() - 1).value();
  }

  @Test void theImportsResolveAndAModelBuildsAndRuns() throws IOException {
    String imports;
    try (InputStream in = ShellCommand.class.getResourceAsStream(ShellCommand.IMPORTS)) {
      imports = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        shell.addToClasspath(entry);
      }
      List<String> lines = imports.lines().filter(line -> line.startsWith("import ")).toList();
      assertTrue(lines.size() >= 8, imports);
      lines.forEach(line -> eval(shell, line));
      eval(shell, "Seed.manualSeed(0);");
      eval(shell, "Layer model = new Sequential(new Flatten(), new Linear(784, 128), new ReLU(), new Linear(128, 10));");
      assertEquals("4", eval(shell, "model.parameters().size()"));
      eval(shell, "var optimizer = new Adam(model.parameters(), 1e-3);");
      eval(shell, "var data = MnistLoader.of(MnistVariant.FASHION_MNIST).ifMissing(IfMissing.EMBEDDED_SAMPLE);");
      assertEquals("\"[2, 10]\"", eval(shell, "java.util.Arrays.toString(model.forward(Tensor.constant(NDArray.zeros(Shape.of(2, 28, 28))))"
          + ".value().shape().dims())"));
    }
  }
}
