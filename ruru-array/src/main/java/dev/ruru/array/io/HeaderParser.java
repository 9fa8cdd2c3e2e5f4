package dev.ruru.array.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the header of a {@code .npy} file: the Python literal of a dict such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}. NumPy reads it with
 * {@code ast.literal_eval}; this accepts the subset NumPy writes (strings, {@code True}/{@code False},
 * integers, tuples, lists, dicts) and nothing that could execute or allocate without bound. Where Java's
 * character classes are wider than Python's grammar it follows Python: integers are ASCII digits without
 * leading zeros, and whitespace is space, tab, form feed, carriage return and newline only, so a header
 * NumPy refuses (a shape written with Arabic-Indic digits, a control character) is refused here too.
 */
final class HeaderParser {
  /** A Python tuple, {@code (2, 3)} or {@code (5,)}: the type a shape must have. */
  record PyTuple(List<Object> items) {}

  /** A Python list: only structured dtypes use one, as their descr. */
  record PyList(List<Object> items) {}

  /** Nested tuples deeper than this are no header NumPy writes; the bound keeps recursion shallow. */
  private static final int MAX_DEPTH = 8;

  /** A value as Python would print it, for error messages: {@code (5,)}, {@code 'x'}, {@code True}. */
  static String repr(Object value) {
    return switch (value) {
      case String text -> "'" + text + "'";
      case Boolean flag -> flag ? "True" : "False";
      case PyTuple(List<Object> items) -> "(" + join(items) + (items.size() == 1 ? ",)" : ")");
      case PyList(List<Object> items) -> "[" + join(items) + "]";
      case Map<?, ?> map -> "{" + String.join(", ", map.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
          .toList()) + "}";
      default -> String.valueOf(value);
    };
  }

  private static String join(List<Object> items) {
    return String.join(", ", items.stream().map(HeaderParser::repr).toList());
  }

  private final String text;
  private final int formatVersion;
  private final String source;
  private int position;

  private HeaderParser(String text, int formatVersion, String source) {
    this.text = text;
    this.formatVersion = formatVersion;
    this.source = source;
  }

  /**
   * The dict in {@code text}, keys in file order; values are String, Boolean, Long, PyTuple, PyList or Map.
   *
   * @param formatVersion the file's major version: versions 1 and 2 may hold Python 2 longs ({@code 3L}),
   *     which NumPy accepts there only (its {@code _filter_header}); version 3 is Python 3 syntax
   */
  static Map<String, Object> parseDict(String text, int formatVersion, String source) {
    HeaderParser parser = new HeaderParser(text, formatVersion, source);
    Object value = parser.value(0);
    parser.skipSpace();
    if (parser.position != text.length()) {
      throw parser.malformed("unexpected text after the dict");
    }
    if (!(value instanceof Map<?, ?> map)) {
      parser.position = 0;
      throw parser.malformed("the header is not a dict");
    }
    Map<String, Object> dict = new LinkedHashMap<>();
    map.forEach((key, item) -> dict.put((String) key, item));
    return dict;
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw malformed("nested more than " + MAX_DEPTH + " levels deep");
    }
    skipSpace();
    if (position >= text.length()) {
      throw malformed("the header ends where a value was expected");
    }
    char c = text.charAt(position);
    return switch (c) {
      case '{' -> dict(depth);
      case '(' -> tuple(depth);
      case '[' -> new PyList(sequence(']', depth));
      case '\'', '"' -> string();
      default -> c == '-' || isAsciiDigit(c) ? integer() : word();
    };
  }

  private Map<Object, Object> dict(int depth) {
    position++;
    Map<Object, Object> dict = new LinkedHashMap<>();
    while (!consume('}')) {
      skipSpace();
      if (position >= text.length() || (text.charAt(position) != '\'' && text.charAt(position) != '"')) {
        throw malformed("expected a quoted key or '}'");
      }
      String key = string();
      skipSpace();
      if (!consume(':')) {
        throw malformed("expected ':' after key '" + key + "'");
      }
      if (dict.put(key, value(depth + 1)) != null) {
        throw malformed("key '" + key + "' appears twice");
      }
      if (!consume(',') && !peek('}')) {
        throw malformed("expected ',' or '}'");
      }
    }
    return dict;
  }

  /** {@code (a, b)} or {@code (a,)} is a tuple, but {@code (a)} is just {@code a}, as in Python. */
  private Object tuple(int depth) {
    List<Object> items = sequence(')', depth);
    int close = position - 1;
    int last = close - 1;
    while (isPythonSpace(text.charAt(last))) {
      last--;
    }
    boolean oneWithoutComma = items.size() == 1 && text.charAt(last) != ',';
    return oneWithoutComma ? items.get(0) : new PyTuple(items);
  }

  /** Items up to {@code close}, separated by commas; a trailing comma is allowed. */
  private List<Object> sequence(char close, int depth) {
    position++;
    List<Object> items = new ArrayList<>();
    while (!consume(close)) {
      items.add(value(depth + 1));
      if (!consume(',') && !peek(close)) {
        throw malformed("expected ',' or '" + close + "'");
      }
    }
    return items;
  }

  private String string() {
    char quote = text.charAt(position++);
    int start = position;
    while (position < text.length() && text.charAt(position) != quote) {
      if (text.charAt(position) == '\\') {
        throw malformed("escape sequences in strings are not supported");
      }
      position++;
    }
    if (position >= text.length()) {
      position = start - 1;
      throw malformed("unterminated string");
    }
    return text.substring(start, position++);
  }

  /**
   * A decimal integer of ASCII digits, as Python's grammar has it: no leading zeros ({@code 03} is a
   * syntax error, {@code 0} and {@code 00} are not). Versions 1 and 2 may carry Python 2's {@code L} suffix.
   */
  private Long integer() {
    int start = position;
    if (text.charAt(position) == '-') {
      position++;
    }
    int firstDigit = position;
    while (position < text.length() && isAsciiDigit(text.charAt(position))) {
      position++;
    }
    String digits = text.substring(start, position);
    if (position == firstDigit) {
      position = start;
      throw malformed("'-' is not followed by a digit");
    }
    if (text.charAt(firstDigit) == '0' && text.substring(firstDigit, position).chars().anyMatch(c -> c != '0')) {
      position = start;
      throw malformed("'" + digits + "' has a leading zero, which Python's integers may not have");
    }
    if (formatVersion < 3 && position < text.length() && text.charAt(position) == 'L') {
      position++;
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      position = start;
      throw malformed("'" + digits + "' is not an integer that fits 64 bits");
    }
  }

  private Boolean word() {
    int start = position;
    while (position < text.length() && (isAsciiLetter(text.charAt(position)) || isAsciiDigit(text.charAt(position)))) {
      position++;
    }
    String word = text.substring(start, position);
    return switch (word) {
      case "True" -> Boolean.TRUE;
      case "False" -> Boolean.FALSE;
      default -> {
        position = start;
        throw malformed(word.isEmpty() ? "unexpected character " + describe(text.charAt(start)) : "unsupported literal '" + word + "'");
      }
    };
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  /** The whitespace Python's tokenizer skips; Java's isWhitespace also takes U+001C..U+001F and Unicode spaces. */
  private static boolean isPythonSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n';
  }

  /** {@code 'x'} for a printable ASCII character, {@code U+0663} for anything else, so messages stay readable. */
  private static String describe(char c) {
    return c >= 0x20 && c < 0x7F ? "'" + c + "'" : String.format("U+%04X", (int) c);
  }

  private boolean consume(char expected) {
    skipSpace();
    if (position < text.length() && text.charAt(position) == expected) {
      position++;
      return true;
    }
    return false;
  }

  private boolean peek(char expected) {
    skipSpace();
    return position < text.length() && text.charAt(position) == expected;
  }

  private void skipSpace() {
    while (position < text.length() && isPythonSpace(text.charAt(position))) {
      position++;
    }
  }

  /** The header as shown in messages: trimmed, cut at 200 characters, anything but printable ASCII escaped. */
  private NpyFormatException malformed(String problem) {
    String trimmed = text.strip();
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < Math.min(trimmed.length(), 200); i++) {
      char c = trimmed.charAt(i);
      shown.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return new NpyFormatException(source, "malformed header: " + problem + " at offset " + position + " of " + shown
        + (trimmed.length() > 200 ? "..." : ""));
  }
}
