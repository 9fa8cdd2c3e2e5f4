package dev.ruru.symbolic;

/**
 * An expression that {@link Expr#parse} cannot read. The message says where (1-based column), what was
 * expected and what was found, and quotes the input:
 * {@code parse error at column 10: expected ')' but found end of input in "sin(x + 1"}.
 */
public final class ExpressionParseException extends IllegalArgumentException {
  private static final int EXCERPT_RADIUS = 30;

  private final int column;
  private final String input;

  ExpressionParseException(String input, int column, String detail) {
    super("parse error at column " + column + ": " + detail + " in \"" + excerpt(input, column) + "\"");
    this.column = column;
    this.input = input;
  }

  /** The 1-based column of the offending character; one past the end for an unexpected end of input. */
  public int column() {
    return column;
  }

  /** The whole text that failed to parse. */
  public String input() {
    return input;
  }

  /** Long inputs are quoted around the column only, so that messages stay readable. */
  private static String excerpt(String input, int column) {
    if (input.length() <= 2 * EXCERPT_RADIUS) {
      return input;
    }
    int from = Math.max(0, column - 1 - EXCERPT_RADIUS);
    int to = Math.min(input.length(), column - 1 + EXCERPT_RADIUS);
    return (from > 0 ? "..." : "") + input.substring(from, to) + (to < input.length() ? "..." : "");
  }
}
