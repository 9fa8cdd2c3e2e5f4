package dev.ruru.symbolic;

import dev.ruru.symbolic.Expr.Addition;
import dev.ruru.symbolic.Expr.Constant;
import dev.ruru.symbolic.Expr.Division;
import dev.ruru.symbolic.Expr.FunctionCall;
import dev.ruru.symbolic.Expr.Multiplication;
import dev.ruru.symbolic.Expr.Negation;
import dev.ruru.symbolic.Expr.Power;
import dev.ruru.symbolic.Expr.Subtraction;
import dev.ruru.symbolic.Expr.Variable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Prints an expression in the syntax {@link Expr#parse} reads, with only the parentheses its structure
 * needs: {@code x * sin(x) + y^2}, {@code -(x + 1)}, {@code x^(y + 1)}, {@code (x + 1) / (y - 2)},
 * {@code x - (y - z)}. An operand is parenthesised when it binds more loosely than its operator, and on
 * the right of a left-associative operator (or the left of {@code ^}) also when it binds equally, so
 * that parsing the text gives back the same tree: {@code x + (y + z)} keeps its parentheses.
 *
 * <p>The tree is walked with an explicit stack of pending pieces (text or nodes), not recursion:
 * {@code toString} must work on any tree, including the 5,000-level chains a long sum parses into.
 */
final class ExpressionPrinter {
  private static final int SUM = 1;
  private static final int PRODUCT = 2;
  private static final int UNARY = 3;
  private static final int POWER = 4;
  private static final int ATOM = 5;

  private ExpressionPrinter() {
  }

  static String print(Expr expression) {
    StringBuilder out = new StringBuilder();
    Deque<Object> pending = new ArrayDeque<>();
    pending.push(expression);
    while (!pending.isEmpty()) {
      Object piece = pending.pop();
      if (piece instanceof String text) {
        out.append(text);
      } else {
        expand((Expr) piece, pending, out);
      }
    }
    return out.toString();
  }

  /** Appends a leaf, or schedules a node's pieces so that they pop in reading order. */
  private static void expand(Expr e, Deque<Object> pending, StringBuilder out) {
    switch (e) {
      case Variable(String name) -> out.append(name);
      case Constant(double value) -> out.append(number(value));
      case Addition(Expr left, Expr right) -> binary(left, " + ", right, SUM, pending);
      case Subtraction(Expr left, Expr right) -> binary(left, " - ", right, SUM, pending);
      case Multiplication(Expr left, Expr right) -> binary(left, " * ", right, PRODUCT, pending);
      case Division(Expr left, Expr right) -> binary(left, " / ", right, PRODUCT, pending);
      case Negation(Expr operand) -> {
        operand(operand, precedence(operand) < UNARY, pending);
        pending.push("-");
      }
      case Power(Expr base, Expr exponent) -> {
        // The grammar reads a negated exponent without parentheses (x^-2), so only sums and products need them.
        operand(exponent, precedence(exponent) < UNARY, pending);
        pending.push("^");
        operand(base, precedence(base) <= POWER, pending);
      }
      case FunctionCall(ElementaryFunction function, Expr argument) -> {
        pending.push(")");
        pending.push(argument);
        pending.push(function.functionName() + "(");
      }
    }
  }

  /** Pushed right to left, so that the left operand pops first. */
  private static void binary(Expr left, String operator, Expr right, int level, Deque<Object> pending) {
    operand(right, precedence(right) <= level, pending);
    pending.push(operator);
    operand(left, precedence(left) < level, pending);
  }

  private static void operand(Expr e, boolean parenthesise, Deque<Object> pending) {
    if (parenthesise) {
      pending.push(")");
      pending.push(e);
      pending.push("(");
    } else {
      pending.push(e);
    }
  }

  /** How tightly a node binds; a negative constant prints with a leading minus, so it binds like one. */
  private static int precedence(Expr e) {
    return switch (e) {
      case Addition _, Subtraction _ -> SUM;
      case Multiplication _, Division _ -> PRODUCT;
      case Negation _ -> UNARY;
      case Constant(double value) -> value < 0 ? UNARY : ATOM;
      case Power _ -> POWER;
      case Variable _, FunctionCall _ -> ATOM;
    };
  }

  /** Integers without a fraction ({@code 2}, not {@code 2.0}); others as Java's shortest round-trip form. */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value).replace(".0E", "e").replace('E', 'e');
  }
}
