package dev.ruru.array.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the header of a {@code .npy} file: the Python literal of a dict such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}. NumPy reads it with
 * {@code ast.literal_eval}; this accepts the subset NumPy writes (strings, {@code True}/{@code False},
 * integers, tuples, lists, dicts) and nothing that could execute or allocate without bound.
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
  private final String source;
  private int position;

  private HeaderParser(String text, String source) {
    this.text = text;
    this.source = source;
  }

  /** The dict in {@code text}, keys in file order; values are String, Boolean, Long, PyTuple, PyList or Map. */
  static Map<String, Object> parseDict(String text, String source) {
    HeaderParser parser = new HeaderParser(text, source);
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
      default -> c == '-' || Character.isDigit(c) ? integer() : word();
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
    int open = position;
    List<Object> items = sequence(')', depth);
    boolean oneWithoutComma = items.size() == 1 && !text.substring(open, position - 1).strip().endsWith(",");
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

  /** A decimal integer; Python 2 wrote long integers with an {@code L} suffix, which NumPy still accepts. */
  private Long integer() {
    int start = position;
    if (text.charAt(position) == '-') {
      position++;
    }
    while (position < text.length() && Character.isDigit(text.charAt(position))) {
      position++;
    }
    String digits = text.substring(start, position);
    if (position < text.length() && text.charAt(position) == 'L') {
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
    while (position < text.length() && Character.isLetterOrDigit(text.charAt(position))) {
      position++;
    }
    String word = text.substring(start, position);
    return switch (word) {
      case "True" -> Boolean.TRUE;
      case "False" -> Boolean.FALSE;
      default -> {
        position = start;
        throw malformed(word.isEmpty() ? "unexpected character '" + text.charAt(start) + "'" : "unsupported literal '" + word + "'");
      }
    };
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
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private NpyFormatException malformed(String problem) {
    String shown = text.strip();
    if (shown.length() > 200) {
      shown = shown.substring(0, 200) + "...";
    }
    return new NpyFormatException(source, "malformed header: " + problem + " at offset " + position + " of " + shown);
  }
}
