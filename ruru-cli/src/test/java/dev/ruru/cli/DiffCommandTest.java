package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.symbolic.Expr;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> METHODS = List.of("reverse", "forward", "numeric", "symbolic");
  /** d/dx [x·sin(x) + y²] = sin(x) + x·cos(x) at x = 1.5. */
  private static final double DFDX = Math.sin(1.5) + 1.5 * Math.cos(1.5);

  @TempDir Path directory;

  private static JsonNode json(CommandRun run) throws Exception {
    assertEquals(0, run.exitCode(), run::err);
    assertEquals("", run.err());
    assertEquals(1, run.out().lines().count(), "one JSON object on one line: " + run.out());
    return MAPPER.readTree(run.out());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void jsonHasEveryFieldAndAllFourMethodsGiveTheGradient() throws Exception {
    JsonNode root = json(CommandRun.of("diff", "x*sin(x) + y^2", "--at", "x=1.5,y=-2", "--json"));

    assertEquals(Set.of("expression", "point", "derivatives", "gradients", "disagreement", "tolerance", "agree",
        "disagreeing", "verdict"), fieldNames(root));
    assertEquals("x * sin(x) + y^2", root.get("expression").asText());
    assertEquals(1.5, root.get("point").get("x").asDouble());
    assertEquals(-2.0, root.get("point").get("y").asDouble());
    assertEquals(new TreeSet<>(METHODS), fieldNames(root.get("gradients")));
    for (String method : METHODS) {
      JsonNode gradient = root.get("gradients").get(method);
      assertEquals(DFDX, gradient.get("x").asDouble(), 1e-6, method);
      assertEquals(-4, gradient.get("y").asDouble(), 1e-6, method);
    }
    assertEquals(0, root.get("disagreement").get("reverse").asDouble(), 1e-12);
    assertEquals(0, root.get("disagreement").get("forward").asDouble(), 1e-12);
    assertTrue(root.get("disagreement").get("numeric").asDouble() < 1e-6);
    assertTrue(root.get("agree").asBoolean());
    assertEquals(0, root.get("disagreeing").size());
    assertTrue(root.get("verdict").asText().startsWith("all four methods agree"), root::toString);
    // scale max(1, |f| = 5.5, |df/dx| = 1.1, |df/dy| = 4) = 5.5
    assertEquals(1e-9 * (1.5 * Math.sin(1.5) + 4), root.get("tolerance").get("reverse").asDouble(), 1e-20);
    assertEquals(1e-5 * (1.5 * Math.sin(1.5) + 4), root.get("tolerance").get("numeric").asDouble(), 1e-16);
  }

  /** Forward mode once reported d/dx (x + 2) = 0, and the table showed the disagreement of 1 without comment. */
  @Test
  void forwardModeAgreesOnASumWithAConstant() throws Exception {
    for (String expression : List.of("x + 2", "x - 2", "2 + x")) {
      JsonNode root = json(CommandRun.of("diff", expression, "--at", "x=1", "--json"));
      for (String method : METHODS) {
        assertEquals(1, root.get("gradients").get(method).get("x").asDouble(), 1e-9, expression + " " + method);
      }
      assertTrue(root.get("agree").asBoolean(), root::toString);
    }
  }

  @Test
  void aMethodBeyondItsToleranceIsMarkedInTheTableAndNamedInTheVerdict() throws Exception {
    // 1/x at x = 2e-6: central differences with step 1e-6 reach halfway to the pole and are 33% off.
    CommandRun run = CommandRun.of("diff", "1/x", "--at", "x=2e-6");
    JsonNode root = json(CommandRun.of("diff", "1/x", "--at", "x=2e-6", "--json"));

    assertEquals(0, run.exitCode(), run::err);
    List<String> lines = run.out().lines().toList();
    String disagreement = lines.stream().filter(line -> line.startsWith("disagreement ")).findFirst().orElseThrow();
    assertEquals(1, disagreement.split("<- TOO FAR", -1).length - 1, disagreement);
    assertTrue(disagreement.matches("disagreement +0\\.00e\\+00 +0\\.00e\\+00 +8\\.33e\\+10  <- TOO FAR .*"), disagreement);
    assertTrue(lines.stream().anyMatch(line -> line.matches("tolerance +2\\.5e\\+02 +2\\.5e\\+02 +2\\.5e\\+06 +\\(how far .*")), run::out);
    String verdict = lines.getLast();
    assertTrue(verdict.startsWith("DISAGREEMENT: numeric differs from symbolic by 8.33e+10, more than its tolerance 2.5e+06"),
        verdict);
    assertFalse(root.get("agree").asBoolean());
    assertEquals(List.of("numeric"), MAPPER.convertValue(root.get("disagreeing"), List.class));
    assertEquals(verdict, root.get("verdict").asText());
  }

  @Test
  void derivativeTextsAreFormulasForTheRightDerivatives() throws Exception {
    JsonNode derivatives = json(CommandRun.of("diff", "x*sin(x) + y^2", "--at", "x=1.5,y=-2", "--json")).get("derivatives");

    // Whatever form simplification chose, the text must parse and give sin(x) + x·cos(x) and 2y.
    Expr dfdx = Expr.parse(derivatives.get("x").asText());
    Expr dfdy = Expr.parse(derivatives.get("y").asText());
    for (double x : new double[] {-2, 0.3, 1.5, 4}) {
      assertEquals(Math.sin(x) + x * Math.cos(x), dfdx.evaluate(Map.of("x", x)), 1e-12);
      assertEquals(2 * x, dfdy.evaluate(Map.of("y", x)), 1e-12);
    }
  }

  @Test
  void tableShowsTheDerivativesAndOneRowPerVariableWithFourValues() {
    CommandRun run = CommandRun.of("diff", "x*sin(x) + y^2", "--at", "x=1.5,y=-2");

    assertEquals(0, run.exitCode(), run::err);
    List<String> lines = run.out().lines().toList();
    assertEquals("f = x * sin(x) + y^2", lines.get(0));
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("df/dx = ")), run::out);
    assertTrue(lines.contains("df/dy = 2 * y"), run::out);
    assertTrue(lines.stream().anyMatch(line -> line.matches("gradient +reverse +forward +numeric +symbolic")), run::out);
    String row = lines.stream().filter(line -> line.startsWith("x ")).findFirst().orElseThrow();
    List<Double> values = new ArrayList<>();
    for (String cell : row.substring(1).strip().split(" +")) {
      values.add(Double.parseDouble(cell));
    }
    assertEquals(4, values.size(), row);
    values.forEach(value -> assertEquals(DFDX, value, 1e-6, row));
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("disagreement ")), run::out);
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("tolerance ")), run::out);
    assertTrue(lines.getLast().startsWith("all four methods agree"), run::out);
  }

  @Test
  void aVariableTheExpressionDoesNotUseHasDerivativeZeroByEveryMethod() throws Exception {
    JsonNode root = json(CommandRun.of("diff", "x^3", "--at", "x=2,z=7", "--json"));

    assertEquals("0", root.get("derivatives").get("z").asText());
    assertEquals(7.0, root.get("point").get("z").asDouble());
    for (String method : METHODS) {
      assertEquals(0.0, root.get("gradients").get(method).get("z").asDouble(), 0, method);
      assertEquals(12, root.get("gradients").get(method).get("x").asDouble(), 1e-6, method);
    }
  }

  @Test
  void aVariableWithoutAValueIsNamedInOneLineWithExitCode2() {
    CommandRun run = CommandRun.of("diff", "x*sin(x) + y^2", "--at", "x=1.5");

    assertEquals(2, run.exitCode());
    assertEquals("", run.out());
    assertEquals("ruru diff: no value for variable 'y', which x * sin(x) + y^2 uses; give it one with --at, "
        + "e.g. --at x=1.5,y=1.0\n", run.err());
  }

  @Test
  void severalVariablesWithoutValuesAreAllNamed() {
    CommandRun run = CommandRun.of("diff", "x*y");

    assertEquals(2, run.exitCode());
    assertEquals("ruru diff: no value for variables [x, y], which x * y uses; give them one with --at, "
        + "e.g. --at x=1.0,y=1.0\n", run.err());
  }

  @Test
  void aParseErrorGivesItsColumn() {
    CommandRun run = CommandRun.of("diff", "x*sin(x + y^2", "--at", "x=1,y=2");

    assertEquals(2, run.exitCode());
    // The missing ')' is noticed at the end of the 13-character input: column 14.
    assertTrue(run.err().startsWith("ruru diff: parse error at column 14: "), run::err);
    assertEquals(1, run.err().lines().count(), run::err);
  }

  @Test
  void withoutAnExpressionOrScalingTheCommandSaysWhatIsMissing() {
    CommandRun run = CommandRun.of("diff", "--at", "x=1");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("ruru diff: missing an expression"), run::err);
  }

  @Test
  void scalingRefusesAnExpressionAndABadMaximum() {
    CommandRun withExpression = CommandRun.of("diff", "x^2", "--scaling");
    CommandRun zero = CommandRun.of("diff", "--scaling", "--max-n", "0", "--out", directory.toString());

    assertEquals(2, withExpression.exitCode());
    assertEquals("ruru diff: --scaling times a built-in function and takes no EXPR or --at\n", withExpression.err());
    assertEquals(2, zero.exitCode());
    assertEquals("ruru diff: --max-n must be positive; got 0\n", zero.err());
  }

  @Test
  void sizesArePowersOfTenUpToTheMaximumAndTheMaximumItself() {
    assertEquals(List.of(1, 10, 100, 1000, 10000), GradientScaling.sizes(10_000));
    assertEquals(List.of(1, 10, 100, 250), GradientScaling.sizes(250));
    assertEquals(List.of(1), GradientScaling.sizes(1));
  }

  @Test
  void scalingWritesAPngPlotAndJsonWithEveryMethod() throws Exception {
    Path out = directory.resolve("plots");
    JsonNode printed = json(CommandRun.of("diff", "--scaling", "--max-n", "20", "--out", out.toString(), "--json"));

    BufferedImage image = ImageIO.read(out.resolve("diff-scaling.png").toFile());
    assertNotNull(image, "ImageIO could not decode the PNG");
    assertEquals(800, image.getWidth());
    assertEquals(560, image.getHeight());
    JsonNode written = MAPPER.readTree(Files.readString(out.resolve("diff-scaling.json")));
    assertEquals(printed, written);
    assertEquals(List.of(1, 10, 20), MAPPER.convertValue(written.get("sizes"), List.class));
    for (String method : List.of("reverse", "forward", "numeric")) {
      JsonNode seconds = written.get("seconds").get(method);
      assertEquals(3, seconds.size(), method);
      seconds.forEach(s -> assertTrue(s.asDouble() > 0 && s.asDouble() < 5, method + ": " + s));
      // Every method's gradient agrees with reverse mode's: forward to rounding, numeric to ~1e-9.
      written.get("maxAbsDifferenceFromReverse").get(method).forEach(d -> assertTrue(d.asDouble() < 1e-6, method + ": " + d));
    }
    assertEquals(0, written.get("skipped").size());
    try (var files = Files.list(out)) {
      assertEquals(2, files.count(), "no temporary files are left behind");
    }
  }

  @Test
  void scalingTableNamesEachMethodAndTheFilesWritten() {
    CommandRun run = CommandRun.of("diff", "--scaling", "--max-n", "10", "--out", directory.toString());

    assertEquals(0, run.exitCode(), run::err);
    for (String method : List.of("reverse", "forward", "numeric")) {
      assertTrue(run.out().lines().anyMatch(line -> line.matches(" +10  " + method + " .*")), run::out);
    }
    assertTrue(run.out().strip().endsWith("wrote " + directory.resolve("diff-scaling.png") + " and "
        + directory.resolve("diff-scaling.json")), run::out);
  }
}
