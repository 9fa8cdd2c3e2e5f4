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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A recursive-descent parser, one method per precedence level:
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := unary (('*' | '/') unary)*
 * unary      := ('-' | '+') unary | power
 * power      := primary ('^' unary)?          right-associative; the exponent may be negated: x^-2
 * primary    := number | name | name '(' expression ')' | '(' expression ')'
 * </pre>
 * Every recursive path passes through {@link #unary}, which counts nesting, so pathological input such
 * as 100,000 opening parentheses is refused with an error instead of overflowing the stack.
 */
final class ExpressionParser {
  static final int MAX_LENGTH = 10_000;
  static final int MAX_DEPTH = 200;
  private static final String FUNCTIONS = "exp, log, sin, cos, tanh, sigmoid, sqrt";
  private static final String IMPLICIT_HINT =
      " (implicit multiplication is not supported: write 2 * x, not 2x)";

  private enum Kind { NUMBER, NAME, SYMBOL, END }

  /** A token and its 1-based column. */
  private record Token(Kind kind, String text, int column) {
    String describe() {
      return switch (kind) {
        case NUMBER -> "number " + text;
        case NAME -> "name '" + text + "'";
        case SYMBOL -> "'" + text + "'";
        case END -> "end of input";
      };
    }

    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** A token that could start an operand: seen right after an operand, it means a missing '*'. */
    boolean startsOperand() {
      return kind == Kind.NUMBER || kind == Kind.NAME || is("(");
    }
  }

  private final String input;
  private final List<Token> tokens;
  private int position;
  private int depth;

  private ExpressionParser(String input, List<Token> tokens) {
    this.input = input;
    this.tokens = tokens;
  }

  static Expr parse(String input) {
    Objects.requireNonNull(input, "expression text");
    if (input.length() > MAX_LENGTH) {
      throw new ExpressionParseException(input, MAX_LENGTH + 1,
          "expression has " + input.length() + " characters; the limit is " + MAX_LENGTH);
    }
    ExpressionParser parser = new ExpressionParser(input, tokenize(input));
    Expr result = parser.expression();
    Token next = parser.peek();
    if (next.kind != Kind.END) {
      String hint = next.startsOperand() ? IMPLICIT_HINT : "";
      throw parser.error(next, "expected an operator or end of input but found " + next.describe() + hint);
    }
    return result;
  }

  private Expr expression() {
    Expr left = term();
    while (peek().is("+") || peek().is("-")) {
      boolean plus = next().is("+");
      Expr right = term();
      left = plus ? new Addition(left, right) : new Subtraction(left, right);
    }
    return left;
  }

  private Expr term() {
    Expr left = unary();
    while (peek().is("*") || peek().is("/")) {
      boolean times = next().is("*");
      Expr right = unary();
      left = times ? new Multiplication(left, right) : new Division(left, right);
    }
    return left;
  }

  private Expr unary() {
    if (++depth > MAX_DEPTH) {
      throw error(peek(), "expression is nested deeper than " + MAX_DEPTH + " levels");
    }
    Expr result;
    if (peek().is("-")) {
      next();
      result = new Negation(unary());
    } else if (peek().is("+")) {
      next();
      result = unary();
    } else {
      result = power();
    }
    depth--;
    return result;
  }

  private Expr power() {
    Expr base = primary();
    if (peek().is("^")) {
      next();
      return new Power(base, unary());
    }
    return base;
  }

  private Expr primary() {
    Token token = next();
    return switch (token.kind) {
      case NUMBER -> number(token);
      case NAME -> peek().is("(") ? call(token) : variable(token);
      case SYMBOL -> {
        if (!token.is("(")) {
          throw error(token, "expected a number, variable, function call or '(' but found " + token.describe());
        }
        Expr inner = expression();
        expectClosing();
        yield inner;
      }
      case END -> throw error(token, "expected a number, variable, function call or '(' but found end of input");
    };
  }

  private Expr number(Token token) {
    double value = Double.parseDouble(token.text);
    if (!Double.isFinite(value)) {
      throw error(token, "number " + token.text + " is out of range (larger than " + Double.MAX_VALUE + ")");
    }
    return new Constant(value);
  }

  private Expr variable(Token token) {
    if (token.text.equals("sqrt") || ElementaryFunction.byName(token.text).isPresent()) {
      throw error(peek(), "expected '(' after function name '" + token.text + "' but found " + peek().describe());
    }
    return new Variable(token.text);
  }

  private Expr call(Token name) {
    Optional<ElementaryFunction> function = ElementaryFunction.byName(name.text);
    if (function.isEmpty() && !name.text.equals("sqrt")) {
      throw error(name, "unknown function '" + name.text + "'; known: " + FUNCTIONS);
    }
    next(); // the '(' that call() was chosen for
    Expr argument = expression();
    expectClosing();
    // sqrt is not a separate node: u^0.5 has the same value and derivative rules already cover it.
    return function.<Expr>map(f -> new FunctionCall(f, argument))
        .orElseGet(() -> new Power(argument, new Constant(0.5)));
  }

  private void expectClosing() {
    Token token = next();
    if (!token.is(")")) {
      String hint = token.startsOperand() ? IMPLICIT_HINT : "";
      throw error(token, "expected ')' but found " + token.describe() + hint);
    }
  }

  private Token peek() {
    return tokens.get(position);
  }

  private Token next() {
    Token token = tokens.get(position);
    if (token.kind != Kind.END) {
      position++;
    }
    return token;
  }

  private ExpressionParseException error(Token at, String detail) {
    return new ExpressionParseException(input, at.column, detail);
  }

  // ------------------------------------------------------------------------------------------ lexer

  private static List<Token> tokenize(String input) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < input.length()) {
      char c = input.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c >= '0' && c <= '9' || c == '.') {
        int end = numberEnd(input, i);
        tokens.add(new Token(Kind.NUMBER, input.substring(i, end), i + 1));
        i = end;
      } else if (Character.isLetter(c) && c < 128 || c == '_') {
        int end = i + 1;
        while (end < input.length() && isNameChar(input.charAt(end))) {
          end++;
        }
        tokens.add(new Token(Kind.NAME, input.substring(i, end), i + 1));
        i = end;
      } else if ("+-*/^()".indexOf(c) >= 0) {
        tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i + 1));
        i++;
      } else {
        throw new ExpressionParseException(input, i + 1, "unexpected character '" + c + "'"
            + " (expected a number, a name, an operator + - * / ^ or a parenthesis)");
      }
    }
    tokens.add(new Token(Kind.END, "", input.length() + 1));
    return tokens;
  }

  private static boolean isNameChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
  }

  /** The end of a number starting at {@code start}: digits, an optional fraction, an optional exponent. */
  private static int numberEnd(String input, int start) {
    int i = digitsEnd(input, start);
    int integerDigits = i - start;
    if (i < input.length() && input.charAt(i) == '.') {
      int fractionEnd = digitsEnd(input, i + 1);
      if (integerDigits == 0 && fractionEnd == i + 1) {
        throw new ExpressionParseException(input, i + 2,
            "expected a digit after '.' but found " + describeAt(input, i + 1));
      }
      i = fractionEnd;
    }
    if (i < input.length() && (input.charAt(i) == 'e' || input.charAt(i) == 'E')) {
      int exponentStart = i + 1;
      char sign = exponentStart < input.length() ? input.charAt(exponentStart) : ' ';
      if (sign == '+' || sign == '-') {
        exponentStart++;
      }
      int exponentEnd = digitsEnd(input, exponentStart);
      if (exponentEnd == exponentStart) {
        throw new ExpressionParseException(input, exponentStart + 1,
            "expected the digits of an exponent after '" + input.substring(start, exponentStart) + "' but found "
                + describeAt(input, exponentStart));
      }
      i = exponentEnd;
    }
    return i;
  }

  private static int digitsEnd(String input, int from) {
    int i = from;
    while (i < input.length() && input.charAt(i) >= '0' && input.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static String describeAt(String input, int index) {
    return index < input.length() ? "'" + input.charAt(index) + "'" : "end of input";
  }
}
