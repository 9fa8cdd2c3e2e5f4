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
