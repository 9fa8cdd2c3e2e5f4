package dev.ruru.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.symbolic.Expr.Addition;
import dev.ruru.symbolic.Expr.Constant;
import dev.ruru.symbolic.Expr.Division;
import dev.ruru.symbolic.Expr.FunctionCall;
import dev.ruru.symbolic.Expr.Multiplication;
import dev.ruru.symbolic.Expr.Negation;
import dev.ruru.symbolic.Expr.Power;
import dev.ruru.symbolic.Expr.Subtraction;
import dev.ruru.symbolic.Expr.Variable;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionParserTest {
  private static final Expr X = new Variable("x");
  private static final Expr Y = new Variable("y");
  private static final Expr Z = new Variable("z");

  private static Constant c(double value) {
    return new Constant(value);
  }

  @Test void multiplicationBindsTighterThanAddition() {
    assertEquals(new Addition(c(1), new Multiplication(c(2), c(3))), Expr.parse("1 + 2 * 3"));
    assertEquals(new Subtraction(new Division(X, Y), Z), Expr.parse("x / y - z"));
  }

  @Test void powerBindsTighterThanMultiplication() {
    assertEquals(new Multiplication(c(2), new Power(X, c(2))), Expr.parse("2 * x^2"));
  }

  @Test void parenthesesOverridePrecedence() {
    assertEquals(new Multiplication(new Addition(c(1), c(2)), c(3)), Expr.parse("(1 + 2) * 3"));
    assertEquals(new Power(new Addition(X, c(1)), c(2)), Expr.parse("((x + 1))^2"));
  }

  @Test void subtractionAndDivisionAreLeftAssociative() {
    assertEquals(new Subtraction(new Subtraction(X, Y), Z), Expr.parse("x - y - z"));
    assertEquals(new Division(new Division(X, Y), Z), Expr.parse("x / y / z"));
    assertEquals(new Subtraction(new Addition(X, Y), Z), Expr.parse("x + y - z"));
  }

  @Test void powerIsRightAssociative() {
    assertEquals(new Power(X, new Power(Y, Z)), Expr.parse("x^y^z"));
    assertEquals(512.0, Expr.parse("2^3^2").evaluate(Map.of()));
  }

  @Test void unaryMinusBindsLooserThanPowerAsInMathematics() {
    assertEquals(new Negation(new Power(X, c(2))), Expr.parse("-x^2"));
    assertEquals(-4.0, Expr.parse("-2^2").evaluate(Map.of()));
    assertEquals(4.0, Expr.parse("(-2)^2").evaluate(Map.of()));
  }

  @Test void unaryMinusBindsTighterThanMultiplication() {
    assertEquals(new Multiplication(new Negation(X), Y), Expr.parse("-x * y"));
    assertEquals(new Multiplication(X, new Negation(Y)), Expr.parse("x * -y"));
    assertEquals(new Subtraction(X, new Negation(Y)), Expr.parse("x - -y"));
  }

  @Test void exponentMayBeNegatedWithoutParentheses() {
    assertEquals(new Power(X, new Negation(c(2))), Expr.parse("x^-2"));
    assertEquals(new Power(X, new Negation(new Power(Y, Z))), Expr.parse("x^-y^z"));
  }

  @Test void repeatedAndPlusSignsAreUnaryOperators() {
    assertEquals(new Negation(new Negation(X)), Expr.parse("--x"));
    assertEquals(X, Expr.parse("+x"));
  }

  @ParameterizedTest
  @CsvSource({"3, 3", "1e-3, 0.001", ".5, 0.5", "2., 2", "1E+2, 100", "3.25e1, 32.5", "007, 7", "0.125, 0.125"})
  void numbersAreReadInTheirUsualForms(String text, double value) {
    assertEquals(c(value), Expr.parse(text));
  }

  @Test void functionsAreCalledAndSqrtIsAHalfPower() {
    assertEquals(new FunctionCall(ElementaryFunction.SIN, new Addition(X, c(1))), Expr.parse("sin(x + 1)"));
    assertEquals(new FunctionCall(ElementaryFunction.SIGMOID, X), Expr.parse(" sigmoid ( x ) "));
    assertEquals(new Power(X, c(0.5)), Expr.parse("sqrt(x)"));
    for (ElementaryFunction f : ElementaryFunction.values()) {
      assertEquals(new FunctionCall(f, Y), Expr.parse(f.functionName() + "(y)"));
    }
  }

  @Test void namesMayHaveDigitsAndUnderscores() {
    assertEquals(new Addition(new Variable("x_1"), new Variable("_tmp2")), Expr.parse("x_1 + _tmp2"));
  }

  @Test void missingClosingParenthesisNamesTheColumnAfterTheInput() {
    ExpressionParseException e = assertThrows(ExpressionParseException.class, () -> Expr.parse("sin(x + 1"));
    assertEquals("parse error at column 10: expected ')' but found end of input in \"sin(x + 1\"", e.getMessage());
    assertEquals(10, e.column());
    assertEquals("sin(x + 1", e.input());
    assertInstanceOf(IllegalArgumentException.class, e);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "2x          | 2  | expected an operator or end of input but found name 'x' (implicit multiplication is not supported",
      "2 (x + 1)   | 3  | but found '(' (implicit multiplication is not supported",
      "(x + 1)(y)  | 8  | but found '(' (implicit multiplication",
      "x y         | 3  | but found name 'y' (implicit multiplication",
      "(x 2)       | 4  | expected ')' but found number 2 (implicit multiplication",
      "x +         | 4  | expected a number, variable, function call or '(' but found end of input",
      "x + * y     | 5  | expected a number, variable, function call or '(' but found '*'",
      "\"\"        | 1  | found end of input",
      ")           | 1  | found ')'",
      "x)          | 2  | expected an operator or end of input but found ')'",
      "foo(x)      | 1  | unknown function 'foo'; known: exp, log, sin, cos, tanh, sigmoid, sqrt",
      "sin x       | 5  | expected '(' after function name 'sin' but found name 'x'",
      "2 * exp     | 8  | expected '(' after function name 'exp' but found end of input",
      "x # y       | 3  | unexpected character '#'",
      "1e          | 3  | expected the digits of an exponent after '1e' but found end of input",
      "2 * 1e+x    | 8  | expected the digits of an exponent after '1e+' but found 'x'",
      ". + 1       | 2  | expected a digit after '.' but found ' '",
      "1e999       | 1  | number 1e999 is out of range",
      "x^          | 3  | found end of input",
      "1.2.3       | 4  | expected an operator or end of input but found number .3",
  })
  void errorsNameTheColumnTheExpectationAndWhatWasFound(String text, int column, String detail) {
    ExpressionParseException e = assertThrows(ExpressionParseException.class, () -> Expr.parse(text));
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.getMessage().startsWith("parse error at column " + column + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
    assertTrue(e.getMessage().endsWith(" in \"" + text + "\""), e.getMessage());
  }

  @Test void inputLongerThanTheLimitIsRefusedBeforeParsing() {
    String text = "x + ".repeat(2500) + "x"; // 10,001 characters
    ExpressionParseException e = assertThrows(ExpressionParseException.class, () -> Expr.parse(text));
    assertTrue(e.getMessage().startsWith(
        "parse error at column 10001: expression has 10001 characters; the limit is 10000 in \"..."), e.getMessage());
    assertTrue(e.getMessage().length() < 200, "a long input is quoted as an excerpt");
  }

  @Test void inputJustUnderTheLimitParses() {
    String text = "x+".repeat(4999) + "x"; // 9,999 characters, a left-deep chain of 4,999 additions
    assertEquals(5000.0, Expr.parse(text).evaluate(Map.of("x", 1.0)));
  }

  @Test void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
    for (String text : new String[] {"(".repeat(4000) + "x" + ")".repeat(4000), "-".repeat(9000) + "x",
        "x^".repeat(4000) + "x", "sin(".repeat(1500) + "x" + ")".repeat(1500)}) {
      ExpressionParseException e = assertThrows(ExpressionParseException.class, () -> Expr.parse(text));
      assertTrue(e.getMessage().contains("expression is nested deeper than 200 levels"), e.getMessage());
    }
  }

  @Test void nestingWithinTheLimitParses() {
    String text = "(".repeat(150) + "x" + ")".repeat(150);
    assertEquals(X, Expr.parse(text));
  }

  @Test void nullTextIsRefused() {
    assertThrows(NullPointerException.class, () -> Expr.parse(null));
  }
}
