package dev.ruru.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExprTest {

  @Test void evaluatesWithBindings() {
    Expr f = Expr.parse("x * sin(x) + y^2");
    assertEquals(1.5 * Math.sin(1.5) + 4, f.evaluate(Map.of("x", 1.5, "y", -2.0)), 1e-15);
    assertEquals(1 / (1 + Math.exp(-0.3)), Expr.parse("sigmoid(x)").evaluate(Map.of("x", 0.3)), 1e-16);
    assertEquals(Math.sqrt(2), Expr.parse("sqrt(x)").evaluate(Map.of("x", 2.0)), 1e-16);
  }

  @Test void sigmoidDoesNotOverflowForLargeArguments() {
    assertEquals(0.0, ElementaryFunction.SIGMOID.apply(-1000));
    assertEquals(1.0, ElementaryFunction.SIGMOID.apply(1000));
    assertEquals(Math.exp(-50) / (1 + Math.exp(-50)), ElementaryFunction.SIGMOID.apply(-50), 1e-35);
  }

  @Test void valuesOutsideTheDomainFollowIeee() {
    assertTrue(Double.isNaN(Expr.parse("log(x)").evaluate(Map.of("x", -1.0))));
    assertEquals(Double.POSITIVE_INFINITY, Expr.parse("1 / x").evaluate(Map.of("x", 0.0)));
  }

  @Test void anUnboundVariableIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Expr.parse("x * y + z").evaluate(Map.of("x", 1.0, "z", 2.0)));
    assertEquals("evaluate: variable 'y' is not bound; bound: [x, z]; expression: x * y + z", e.getMessage());
  }

  @Test void variablesAreSortedAndDistinct() {
    assertEquals(List.of("a", "x", "y"), List.copyOf(Expr.parse("y * sin(x) + x^a - y").variables()));
    assertTrue(Expr.parse("2 * exp(1)").variables().isEmpty());
  }

  @Test void treesWithTheSameStructureAreEqual() {
    assertEquals(Expr.parse("x + 1"), Expr.variable("x").plus(Expr.constant(1)));
    assertEquals(Expr.parse("x + 1").hashCode(), Expr.variable("x").plus(Expr.constant(1)).hashCode());
    assertNotEquals(Expr.parse("x + 1"), Expr.parse("1 + x"));
    assertEquals(Expr.constant(0), Expr.constant(-0.0));
  }

  @Test void equalityComparesNamesFunctionsAndConstants() {
    assertNotEquals(Expr.parse("sin(x)"), Expr.parse("cos(x)"));
    assertNotEquals(Expr.parse("x^2"), Expr.parse("x^3"));
    assertNotEquals(Expr.parse("x - y"), Expr.parse("x + y"));
    assertNotEquals(Expr.parse("x"), Expr.parse("y"));
    assertNotEquals(Expr.parse("x"), "x");
    assertEquals(Expr.parse("sin(x)^2 - 1 / y").hashCode(), Expr.parse("sin(x) ^ 2 - 1/y").hashCode());
  }

  @Test void operandsAreListedLeftToRight() {
    Expr x = Expr.variable("x");
    Expr y = Expr.variable("y");
    assertEquals(List.of(x, y), Expr.parse("x / y").operands());
    assertEquals(List.of(x), Expr.parse("tanh(x)").operands());
    assertEquals(List.of(), x.operands());
  }

  @Test void builderMethodsMakeTheMatchingNodes() {
    Expr x = Expr.variable("x");
    Expr y = Expr.variable("y");
    Expr built = x.times(y).minus(x.dividedBy(y)).plus(x.pow(y).negate());
    assertEquals(Expr.parse("x * y - x / y + -x^y"), built);
  }

  @Test void invalidNodesAreRefused() {
    assertEquals("variable: 'sin' is a function name and cannot name a variable",
        assertThrows(IllegalArgumentException.class, () -> Expr.variable("sin")).getMessage());
    assertEquals("variable: 'a b' is not an identifier ([A-Za-z_][A-Za-z0-9_]*)",
        assertThrows(IllegalArgumentException.class, () -> Expr.variable("a b")).getMessage());
    assertEquals("constant: value must be finite; got NaN",
        assertThrows(IllegalArgumentException.class, () -> Expr.constant(Double.NaN)).getMessage());
    assertThrows(NullPointerException.class, () -> Expr.variable("x").plus(null));
  }

  @Test void functionsAreFoundByTheirNames() {
    for (ElementaryFunction f : ElementaryFunction.values()) {
      assertEquals(f, ElementaryFunction.byName(f.functionName()).orElseThrow());
    }
    assertTrue(ElementaryFunction.byName("sqrt").isEmpty());
  }
}
