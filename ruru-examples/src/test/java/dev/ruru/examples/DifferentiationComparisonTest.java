package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DifferentiationComparisonTest {
  /** f(x, y) = x·sin(x) + y² at (1.5, −2): ∂f/∂x = sin(x) + x·cos(x), ∂f/∂y = 2y. */
  private static final double DFDX = Math.sin(1.5) + 1.5 * Math.cos(1.5);
  private static final double VALUE = 1.5 * Math.sin(1.5) + 4;

  private static String output() {
    StringWriter text = new StringWriter();
    DifferentiationComparison.run(new PrintWriter(text));
    return text.toString();
  }

  @Test
  void sideBySideTableGivesTheGradientByEveryMethod() {
    List<String> lines = output().lines().toList();
    for (String method : List.of("reverse", "forward", "numeric", "symbolic")) {
      String row = lines.stream().filter(line -> line.strip().startsWith(method + " ")).findFirst().orElseThrow();
      String[] cells = row.strip().split(" +");
      assertEquals(DFDX, Double.parseDouble(cells[1]), 1e-8, row);
      assertEquals(-4, Double.parseDouble(cells[2]), 1e-8, row);
    }
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("all four methods agree: reverse and forward to rounding")),
        String.join("\n", lines));
  }

  @Test
  void symbolicDerivativesAndBothAutomaticModesArePrinted() {
    String out = output();
    assertTrue(out.contains("df/dy = 2 * y"), out);
    assertTrue(out.lines().anyMatch(line -> line.strip().startsWith("df/dx = ")), out);
    Matcher forward = Pattern.compile("tangent df/dx = (\\S+)").matcher(out);
    assertTrue(forward.find(), out);
    assertEquals(DFDX, Double.parseDouble(forward.group(1)), 1e-14);
    Matcher reverse = Pattern.compile("f = (\\S+), df/dx = (\\S+), df/dy = (\\S+)").matcher(out);
    assertTrue(reverse.find(), out);
    assertEquals(VALUE, Double.parseDouble(reverse.group(1)), 1e-14);
    assertEquals(DFDX, Double.parseDouble(reverse.group(2)), 1e-14);
    assertEquals(-4, Double.parseDouble(reverse.group(3)), 1e-14);
  }

  @Test
  void numericErrorFallsThenRisesAsTheStepShrinks() {
    Map<Double, Double> errorByStep = new HashMap<>();
    Matcher m = Pattern.compile("eps (\\S+) +df/dx = (\\S+) +error (\\S+)").matcher(output());
    while (m.find()) {
      double estimate = Double.parseDouble(m.group(2));
      errorByStep.put(Double.parseDouble(m.group(1)), Math.abs(estimate - DFDX));
    }
    assertEquals(DifferentiationComparison.STEPS.length, errorByStep.size(), errorByStep::toString);
    // Truncation error at 0.1 is about eps²·|f'''|/6 ≈ 5e-3; rounding error at 1e-13 is about 1e-16/1e-13 = 1e-3.
    assertTrue(errorByStep.get(1e-1) > 1e-4, errorByStep::toString);
    assertTrue(errorByStep.get(1e-5) < 1e-9, errorByStep::toString);
    assertTrue(errorByStep.get(1e-13) > 100 * errorByStep.get(1e-5), errorByStep::toString);
  }

  @Test
  void mainPrintsTheSameComparison() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      DifferentiationComparison.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertEquals(output(), captured.toString(StandardCharsets.UTF_8));
  }
}
