package dev.ruru.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which parameters (or layers) a fine-tuning step means, by path: a comma-separated list of globs.
 * In a glob, {@code *} matches any run of characters, dots included, and {@code ?} any one character;
 * every other character matches itself. A glob selects a path when it matches the whole path or a whole
 * leading part of it that ends before a dot, so {@code features}, {@code features.*} and
 * {@code features.**} all select {@code features.0.weight}, while {@code 1} selects {@code 1.weight} but
 * not {@code 10.weight}.
 *
 * <pre>{@code
 * PathPattern.parse("features.*,classifier.0").matches("features.3.bias");   // true
 * PathPattern.parse("*").select(model.parameters());                         // every parameter
 * }</pre>
 */
public record PathPattern(String text, List<Pattern> globs) {
  public PathPattern {
    globs = List.copyOf(globs);
  }

  /** The pattern {@code text}: globs separated by commas, blanks around them ignored. */
  public static PathPattern parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("path pattern: empty; expected globs such as 'features.*' or '1,4', separated by commas");
    }
    List<Pattern> globs = new ArrayList<>();
    for (String glob : text.split(",")) {
      String trimmed = glob.strip();
      if (trimmed.isEmpty()) {
        throw new IllegalArgumentException("path pattern: empty glob in '" + text + "'; remove the extra comma");
      }
      globs.add(Pattern.compile(regex(trimmed) + "(\\..*)?"));
    }
    return new PathPattern(text, globs);
  }

  private static String regex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  /** Whether any glob selects {@code path}. */
  public boolean matches(String path) {
    for (Pattern glob : globs) {
      if (glob.matcher(path).matches()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The entries whose paths this pattern selects, in order; none is an error that lists the paths there
   * are, since a pattern that selects nothing is a typo, not a choice.
   */
  public <T> Map<String, T> select(Map<String, T> entries) {
    Map<String, T> selected = new LinkedHashMap<>();
    entries.forEach((path, value) -> {
      if (matches(path)) {
        selected.put(path, value);
      }
    });
    if (selected.isEmpty()) {
      List<String> paths = new ArrayList<>(entries.keySet());
      String shown = paths.size() <= 12 ? paths.toString() : paths.subList(0, 12) + " and " + (paths.size() - 12) + " more";
      throw new IllegalArgumentException("path pattern '" + text + "' selects nothing; the paths are " + shown);
    }
    return Collections.unmodifiableMap(selected);
  }

  @Override
  public String toString() {
    return text;
  }
}
