package dev.ruru.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rules that rename a state dictionary's entries, for weights saved under other names: PyTorch's
 * {@code linear_relu_stack.0.weight} for Ruru's {@code 1.weight}. A rule is {@code pattern -> path}; in
 * the pattern {@code *} matches any run of characters (dots included) and must match the whole name, and
 * each {@code *} of the path is replaced by what the pattern's {@code *} of the same position matched.
 * Each name is renamed by the first rule that matches it; a name no rule matches keeps its name.
 *
 * <pre>{@code
 * KeyRenaming rules = KeyRenaming.parse("linear_relu_stack.0.* -> 1.*, linear_relu_stack.2.* -> 3.*");
 * model.loadStateDictNonStrict(rules.apply(Safetensors.read(file).tensors()));
 * }</pre>
 */
public record KeyRenaming(List<Rule> rules) {
  /** One rule: names that {@code pattern} matches become {@code path} with the pattern's stars put in. */
  public record Rule(String pattern, String path) {
    public Rule {
      long stars = path.chars().filter(c -> c == '*').count();
      long captured = pattern.chars().filter(c -> c == '*').count();
      if (stars > captured) {
        throw new IllegalArgumentException("renaming rule '" + pattern + " -> " + path + "': the path has " + stars
            + " '*' but the pattern only " + captured + "; each '*' of the path takes the matching '*' of the pattern");
      }
    }

    private Pattern regex() {
      return Pattern.compile(String.join("(.*)", List.of(pattern.split("\\*", -1)).stream().map(Pattern::quote).toList()));
    }

    /** The new name, or null when the pattern does not match. */
    String rename(String name) {
      Matcher matcher = regex().matcher(name);
      if (!matcher.matches()) {
        return null;
      }
      StringBuilder renamed = new StringBuilder();
      int group = 1;
      for (char c : path.toCharArray()) {
        renamed.append(c == '*' ? matcher.group(group++) : String.valueOf(c));
      }
      return renamed.toString();
    }
  }

  public KeyRenaming {
    rules = List.copyOf(rules);
  }

  /** Rules written {@code "pattern -> path"}, separated by commas or new lines. */
  public static KeyRenaming parse(String text) {
    List<Rule> rules = new ArrayList<>();
    for (String part : text.split("[,\n]")) {
      if (part.isBlank()) {
        continue;
      }
      String[] sides = part.split("->");
      if (sides.length != 2 || sides[0].isBlank()) {
        throw new IllegalArgumentException("renaming rule '" + part.strip() + "': expected 'pattern -> path', e.g. 'linear_relu_stack.* -> *'");
      }
      rules.add(new Rule(sides[0].strip(), sides[1].strip()));
    }
    return new KeyRenaming(rules);
  }

  /** The new name of {@code name}: by the first rule that matches it, else itself. */
  public String rename(String name) {
    for (Rule rule : rules) {
      String renamed = rule.rename(name);
      if (renamed != null) {
        return renamed;
      }
    }
    return name;
  }

  /** {@code state} with every name renamed, in order; two names renamed to one path is an error naming both. */
  public <T> Map<String, T> apply(Map<String, T> state) {
    Map<String, T> renamed = new LinkedHashMap<>();
    Map<String, String> from = new LinkedHashMap<>();
    state.forEach((name, value) -> {
      String path = rename(name);
      String earlier = from.put(path, name);
      if (earlier != null) {
        throw new IllegalArgumentException("renaming: '" + earlier + "' and '" + name + "' both become '" + path + "'; make the rules tell them apart");
      }
      renamed.put(path, value);
    });
    return Collections.unmodifiableMap(renamed);
  }
}
