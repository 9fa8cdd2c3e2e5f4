package dev.ruru.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

class SymbolicDerivativeTest {

  /** A rule's case: f, the variable, the simplified derivative expected, and the derivative by hand as code. */
  private record Case(String function, String variable, String derivative, DoubleBinaryOperator byHand) { }

  private static final List<Case> CASES = List.of(
      new Case("x^2 + 3*x", "x", "2 * x + 3", (x, y) -> 2 * x + 3),
      new Case("x^2 - sin(x)", "x", "2 * x - cos(x)", (x, y) -> 2 * x - Math.cos(x)),
      new Case("x * sin(x)", "x", "x * cos(x) + sin(x)", (x, y) -> x * Math.cos(x) + Math.sin(x)),
      new Case("x * y^2", "y", "2 * x * y", (x, y) -> 2 * x * y),
      new Case("sin(x) / x", "x", "(x * cos(x) - sin(x)) / x^2", (x, y) -> (x * Math.cos(x) - Math.sin(x)) / (x * x)),
      new Case("x / 2", "x", "1 / 2", (x, y) -> 0.5),
      new Case("1 / x", "x", "-1 / x^2", (x, y) -> -1 / (x * x)),
      new Case("-x^2", "x", "-2 * x", (x, y) -> -2 * x),
      new Case("x^3", "x", "3 * x^2", (x, y) -> 3 * x * x),
      new Case("x^-2", "x", "-2 / x^3", (x, y) -> -2 / (x * x * x)),
      new Case("sqrt(x)", "x", "0.5 / x^0.5", (x, y) -> 0.5 / Math.sqrt(x)),
      new Case("2^x", "x", "log(2) * 2^x", (x, y) -> Math.log(2) * Math.pow(2, x)),
      new Case("x^x", "x", "x^x * log(x) + x^x", (x, y) -> Math.pow(x, x) * (Math.log(x) + 1)),
      new Case("x^y", "x", "x^(y - 1) * y", (x, y) -> y * Math.pow(x, y - 1)),
      new Case("x^y", "y", "x^y * log(x)", (x, y) -> Math.pow(x, y) * Math.log(x)),
      new Case("exp(2 * x)", "x", "2 * exp(2 * x)", (x, y) -> 2 * Math.exp(2 * x)),
      new Case("log(x)", "x", "1 / x", (x, y) -> 1 / x),
      new Case("log(x^2 + 1)", "x", "2 * x / (x^2 + 1)", (x, y) -> 2 * x / (x * x + 1)),
      new Case("sin(x^2)", "x", "2 * x * cos(x^2)", (x, y) -> 2 * x * Math.cos(x * x)),
      new Case("cos(x)", "x", "-sin(x)", (x, y) -> -Math.sin(x)),
      new Case("tanh(x)", "x", "1 - tanh(x)^2", (x, y) -> 1 - Math.tanh(x) * Math.tanh(x)),
      new Case("sigmoid(x)", "x", "sigmoid(x) * (1 - sigmoid(x))",
          (x, y) -> Math.exp(-x) / ((1 + Math.exp(-x)) * (1 + Math.exp(-x)))),
      new Case("exp(sin(x))", "x", "cos(x) * exp(sin(x))", (x, y) -> Math.cos(x) * Math.exp(Math.sin(x))),
      new Case("y^2 + 1", "x", "0", (x, y) -> 0),
      new Case("x", "w", "0", (x, y) -> 0));

  @Test void eachRuleGivesTheHandDerivedFormAndValues() {
    double[][] points = {{1.5, -2}, {0.3, 0.7}, {2.2, 1.1}};
    for (Case c : CASES) {
      Expr derivative = Expr.parse(c.function).derivative(c.variable);
      assertEquals(c.derivative, derivative.simplify().toString(), "d/d" + c.variable + " " + c.function);
      for (double[] p : points) {
        Map<String, Double> at = Map.of("x", p[0], "y", p[1]);
        double expected = c.byHand.applyAsDouble(p[0], p[1]);
        assertEquals(expected, derivative.evaluate(at), 1e-12 * (1 + Math.abs(expected)), c.function + " at " + at);
        assertEquals(expected, derivative.simplify().evaluate(at), 1e-12 * (1 + Math.abs(expected)),
            c.function + " simplified, at " + at);
      }
    }
  }

  @Test void constantExponentRuleHoldsForNegativeBases() {
    // The general rule's log(u) term would be NaN at u < 0; a constant exponent must not bring it in.
    assertEquals(12.0, Expr.parse("x^3").derivative("x").evaluate(Map.of("x", -2.0)));
    assertEquals(12.0, Expr.parse("x^y").derivative("x").evaluate(Map.of("x", -2.0, "y", 3.0)));
  }

  @Test void theUnsimplifiedDerivativeLeavesOutPlainZerosAndOnes() {
    assertEquals("sin(x) + x * cos(x)", Expr.parse("x * sin(x)").derivative("x").toString());
    assertEquals("3 * x^2", Expr.parse("x^3").derivative("x").toString());
    assertEquals("0", Expr.parse("sin(y) * exp(y)").derivative("x").toString());
  }

  @Test void derivativeOfAnInvalidVariableNameIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expr.parse("x").derivative("2x"));
    assertEquals("variable: '2x' is not an identifier ([A-Za-z_][A-Za-z0-9_]*)", e.getMessage());
  }

  @Test void derivativesOfGeneratedExpressionsMatchCentralDifferences() {
    RandomExpressions random = new RandomExpressions(31);
    int compared = 0;
    int infinite = 0;
    for (int i = 0; i < 600; i++) {
      Expr f = random.next(4);
      for (String variable : RandomExpressions.VARIABLES) {
        Expr derivative = f.derivative(variable);
        Expr simplified = derivative.simplify();
        for (int p = 0; p < 3; p++) {
          Map<String, Double> point = random.point();
          Double numeric = centralDifference(f, variable, point);
          if (numeric == null) {
            continue; // outside the domain or too close to a singularity for finite differences
          }
          if (!Double.isFinite(derivative.evaluate(point))) {
            infinite++; // e.g. (x - x)^0.5 at any x: f is 0 everywhere but 0^0.5 has no derivative
            continue;
          }
          assertClose(f, variable, point, numeric, derivative.evaluate(point), "derivative " + derivative);
          assertClose(f, variable, point, numeric, simplified.evaluate(point), "simplified derivative " + simplified);
          compared++;
        }
      }
    }
    assertTrue(compared > 3000, "too few points where the generated functions are smooth: " + compared);
    assertTrue(infinite < compared / 50, "too many infinite derivatives where f is smooth: " + infinite);
  }

  /**
   * (f(v + h) − f(v − h)) / 2h with h = 1e-5·max(1, |v|), or null where a part of f is undefined or
   * large (see {@link RandomExpressions#moderateThroughout}), or
   * where halving h changes the estimate by more than 1e-6 relative: near a pole the difference
   * quotient has not converged and comparing against it would test nothing.
   */
  private static Double centralDifference(Expr f, String variable, Map<String, Double> point) {
    if (!RandomExpressions.moderateThroughout(f, point)) {
      return null;
    }
    double v = point.get(variable);
    double h = 1e-5 * Math.max(1, Math.abs(v));
    double coarse = difference(f, variable, point, v, h);
    double fine = difference(f, variable, point, v, h / 2);
    if (!Double.isFinite(coarse) || !Double.isFinite(fine) || Math.abs(coarse - fine) > 1e-6 * (1 + Math.abs(fine))) {
      return null;
    }
    return fine;
  }

  private static double difference(Expr f, String variable, Map<String, Double> point, double v, double h) {
    Map<String, Double> shifted = new HashMap<>(point);
    shifted.put(variable, v + h);
    double above = f.evaluate(shifted);
    shifted.put(variable, v - h);
    double below = f.evaluate(shifted);
    return (above - below) / (2 * h);
  }

  private static void assertClose(Expr f, String variable, Map<String, Double> point, double numeric, double analytic,
      String what) {
    if (!(Math.abs(analytic - numeric) <= 1e-5 * (1 + Math.abs(numeric)))) {
      fail("d/d" + variable + " of " + f + " at " + point + ": " + what + " = " + analytic + " but central differences give "
          + numeric);
    }
  }
}
