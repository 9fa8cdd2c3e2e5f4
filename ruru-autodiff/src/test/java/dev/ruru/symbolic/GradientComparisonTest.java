package dev.ruru.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.autodiff.GradientMethod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GradientComparisonTest {
  private static Map<String, Double> point(Object... namesAndValues) {
    Map<String, Double> point = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      point.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
    }
    return point;
  }

  @Test
  void allFourMethodsGiveTheHandComputedGradient() {
    // f = x·sin(x) + y²: ∂f/∂x = sin(x) + x·cos(x), ∂f/∂y = 2y
    GradientComparison c = GradientComparison.of(Expr.parse("x*sin(x) + y^2"), point("x", 1.5, "y", -2));
    double dx = Math.sin(1.5) + 1.5 * Math.cos(1.5);
    assertEquals(1.5 * Math.sin(1.5) + 4, c.value(), 1e-15);
    assertEquals(dx, c.symbolicGradient().get("x"), 1e-15);
    assertEquals(-4, c.symbolicGradient().get("y"), 1e-15);
    for (GradientMethod method : GradientMethod.values()) {
      assertEquals(dx, c.gradient(method).get("x"), 1e-8, method.id());
      assertEquals(-4, c.gradient(method).get("y"), 1e-8, method.id());
      assertTrue(c.disagreement(method) < 1e-8, method.id() + ": " + c.disagreement(method));
    }
    assertTrue(c.disagreement(GradientMethod.REVERSE) < 1e-14);
    assertTrue(c.disagreement(GradientMethod.FORWARD) < 1e-14);
  }

  @Test
  void derivativesAreSimplifiedAndKeepThePointsOrder() {
    GradientComparison c = GradientComparison.of(Expr.parse("y^2 + x*sin(x)"), point("y", -2, "x", 1.5));
    assertEquals(List.of("y", "x"), List.copyOf(c.derivatives().keySet()));
    assertEquals(List.of("y", "x"), List.copyOf(c.gradient(GradientMethod.FORWARD).keySet()));
    assertEquals(Expr.parse("x*sin(x)").derivative("x").simplify(), c.derivatives().get("x"));
    assertEquals("2 * y", c.derivatives().get("y").toString());
  }

  @Test
  void aVariableTheExpressionDoesNotUseHasDerivativeZeroByEveryMethod() {
    GradientComparison c = GradientComparison.of(Expr.parse("x^3"), point("x", 2, "z", 7));
    assertEquals("0", c.derivatives().get("z").toString());
    assertEquals(0.0, c.symbolicGradient().get("z"));
    for (GradientMethod method : GradientMethod.values()) {
      assertEquals(0.0, c.gradient(method).get("z"), 0, method.id());
      assertEquals(12, c.gradient(method).get("x"), 1e-8, method.id());
    }
  }

  @Test
  void aConstantExpressionHasZeroGradient() {
    GradientComparison c = GradientComparison.of(Expr.parse("2 + 3"), point("x", 1));
    for (GradientMethod method : GradientMethod.values()) {
      assertEquals(0.0, c.gradient(method).get("x"), 0, method.id());
    }
    assertEquals(5, c.value());
  }

  @Test
  void aVariableWithoutAValueIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GradientComparison.of(Expr.parse("x*sin(x) + y^2"), point("x", 1.5)));
    assertTrue(e.getMessage().startsWith("gradient comparison: no value for variable 'y', which the expression uses"),
        e.getMessage());
  }

  /** Forward mode once reported 0 for x ± c, where the tangent passes through unchanged. */
  @Test
  void allFourMethodsAgreeOnSumsWithAConstant() {
    for (String text : List.of("x + 2", "2 + x", "x - 2", "2 - x", "x*2 + 1", "(x + 2) * y", "exp(x - 1) + 3")) {
      GradientComparison c = GradientComparison.of(Expr.parse(text), point("x", 1, "y", 3));
      assertEquals(List.of(), c.disagreeing(), text + ": " + c);
      assertTrue(c.verdict().startsWith("all four methods agree"), c.verdict());
      assertEquals(c.symbolicGradient().get("x"), c.gradient(GradientMethod.FORWARD).get("x"), 1e-15, text);
    }
  }

  @Test
  void tolerancesAreRoundingForTheAutomaticModesAndTruncationForNumeric() {
    // f = 1000·x² at x = 3: f = 9000, f' = 6000, so the scale is 9000.
    GradientComparison c = GradientComparison.of(Expr.parse("1000*x^2"), point("x", 3));
    assertEquals(9000 * GradientComparison.ROUNDING_TOLERANCE, c.tolerance(GradientMethod.REVERSE), 1e-18);
    assertEquals(9000 * GradientComparison.ROUNDING_TOLERANCE, c.tolerance(GradientMethod.FORWARD), 1e-18);
    assertEquals(9000 * GradientComparison.NUMERIC_TOLERANCE, c.tolerance(GradientMethod.NUMERIC), 1e-15);
    assertTrue(c.agrees(GradientMethod.NUMERIC));
  }

  @Test
  void numericDifferencesAcrossAPoleAreReportedAsADisagreement() {
    // 1/x at x = 2e-6 with step 1e-6: (1/3e-6 − 1/1e-6) / 2e-6 = −3.3e11, where −1/x² = −2.5e11.
    GradientComparison c = GradientComparison.of(Expr.parse("1/x"), point("x", 2e-6));
    assertEquals(List.of(GradientMethod.NUMERIC), c.disagreeing());
    assertTrue(c.agrees(GradientMethod.REVERSE) && c.agrees(GradientMethod.FORWARD));
    String verdict = c.verdict();
    assertTrue(verdict.startsWith("DISAGREEMENT: numeric differs from symbolic by 8.33e+10, more than its tolerance 2.5e+06"),
        verdict);
    assertTrue(verdict.contains("a pole or a kink within the step"), verdict);
  }

  @Test
  void aGradientThatIsNotFiniteAtThePointIsNotCompared() {
    GradientComparison log = GradientComparison.of(Expr.parse("log(x)"), point("x", -1));
    GradientComparison pole = GradientComparison.of(Expr.parse("1/x"), point("x", 0));
    // log's derivative 1/x is finite at −1, but log is not defined there: numeric differences give NaN.
    assertEquals(List.of(GradientMethod.NUMERIC), log.disagreeing());
    assertEquals("NOT COMPARED: f = NaN with symbolic gradient {x=-1.0} is not finite at this point; "
        + "choose one where f is defined", log.verdict());
    assertTrue(pole.verdict().startsWith("NOT COMPARED: f = Infinity with symbolic gradient {x=-Infinity}"), pole.verdict());
  }

  @Test
  void numericErrorFirstFallsThenRisesAsTheStepShrinks() {
    // Central differences: truncation error ≈ ε²·|f'''|/6 for large ε, rounding error ≈ 1e-16·|f|/ε for tiny ε.
    GradientComparison c = GradientComparison.of(Expr.parse("x*sin(x)"), point("x", 1.5));
    double exact = c.symbolicGradient().get("x");
    double coarse = Math.abs(c.numericGradient(1e-1).get("x") - exact);
    double good = Math.abs(c.numericGradient(1e-5).get("x") - exact);
    double tiny = Math.abs(c.numericGradient(1e-13).get("x") - exact);
    assertTrue(coarse > 1e-4 && coarse < 1e-2, "truncation error at eps 0.1: " + coarse);
    assertTrue(good < 1e-9, "error at eps 1e-5: " + good);
    assertTrue(tiny > 10 * good, "rounding error at eps 1e-13: " + tiny + " vs " + good);
  }
}
