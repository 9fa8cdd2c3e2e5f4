package dev.ruru.array;

import dev.ruru.array.io.Npz;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One NumPy reference case: an operation, its parameters, its inputs and NumPy's results (none where
 * NumPy raised), from {@code reference/cases.txt} (written by make_reference.py) or
 * {@code reference/differential.txt} (make_differential.py's random cases; see both docstrings for the
 * formats). Inputs are stored in C order; {@link #inputs()} presents each as the case asks (a Fortran
 * copy, a transpose, a permutation, an indexing view, a broadcast, or several in turn), so the op sees
 * the same layout NumPy saw.
 */
record ReferenceCase(String name, String op, Map<String, String> params, List<NDArray> storedInputs, List<NDArray> expected) {
  private static final String DIRECTORY = "/reference/";
  /** A pooled manifest's description of one array: {@code in0=f4:2,0,3}. */
  private static final Pattern POOLED_ARRAY = Pattern.compile("(in\\d+|out\\d*)=([a-z]\\d):([\\d,]*)");

  @Override
  public String toString() {
    return name + " (" + op + ")";
  }

  /** Every case of the manifest, with its arrays from the archive. */
  static List<ReferenceCase> load() {
    try {
      Map<String, NDArray> arrays = Npz.read(resource("reference.npz"));
      List<ReferenceCase> cases = new ArrayList<>();
      for (String line : Files.readAllLines(resource("cases.txt"))) {
        if (!line.isBlank() && !line.startsWith("#")) {
          cases.add(parse(line, arrays));
        }
      }
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every case of a pooled manifest: each line ends with its arrays' dtype codes and shapes, and their
   * values lie one after another in the archive's pool for that code.
   */
  static List<ReferenceCase> loadPooled(String manifest, String archive) {
    try {
      Map<String, NDArray> pools = Npz.read(resource(archive));
      Map<String, Integer> used = new HashMap<>();
      List<ReferenceCase> cases = new ArrayList<>();
      for (String line : Files.readAllLines(resource(manifest))) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String name = line.substring(0, line.indexOf(' '));
        Map<String, NDArray> arrays = new HashMap<>();
        StringBuilder rest = new StringBuilder();
        for (String token : line.strip().split(" ")) {
          Matcher array = POOLED_ARRAY.matcher(token);
          if (array.matches()) {
            arrays.put(name + "." + array.group(1), fromPool(pools, used, array.group(2), array.group(3)));
          } else {
            rest.append(rest.isEmpty() ? "" : " ").append(token);
          }
        }
        cases.add(parse(rest.toString(), arrays));
      }
      pools.forEach((code, pool) -> {
        if (used.getOrDefault(code, 0) != pool.size()) {
          throw new IllegalStateException(manifest + " describes " + used.get(code) + " values of " + code + " but " + archive + " holds "
              + pool.size() + "; regenerate both with make_differential.py");
        }
      });
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The next array of a pool: as many values as {@code shape} holds, after those already taken. */
  private static NDArray fromPool(Map<String, NDArray> pools, Map<String, Integer> used, String code, String shape) {
    NDArray pool = pools.get(code);
    if (pool == null) {
      throw new IllegalStateException("the archive has no pool '" + code + "'; regenerate it with make_differential.py");
    }
    int[] dims = shape.isEmpty() ? new int[0] : ints(shape);
    int start = used.getOrDefault(code, 0);
    int size = Layout.size(dims);
    used.put(code, start + size);
    return pool.slice(0, start, start + size, 1).copy().reshape(dims);
  }

  /** A file of {@code src/test/resources/reference/}. */
  static Path resource(String file) {
    URL url = ReferenceCase.class.getResource(DIRECTORY + file);
    if (url == null) {
      throw new IllegalStateException("test resource " + DIRECTORY + file + " is missing; run make_reference.py");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("test resource " + url + " is not a file", e);
    }
  }

  private static ReferenceCase parse(String line, Map<String, NDArray> arrays) {
    String[] tokens = line.strip().split(" ");
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 2; i < tokens.length; i++) {
      int equals = tokens[i].indexOf('=');
      params.put(tokens[i].substring(0, equals), tokens[i].substring(equals + 1));
    }
    String name = tokens[0];
    List<NDArray> inputs = new ArrayList<>();
    for (int k = 0; arrays.containsKey(name + ".in" + k); k++) {
      inputs.add(arrays.get(name + ".in" + k));
    }
    List<NDArray> expected = new ArrayList<>();
    if (params.containsKey("raises")) {
      return new ReferenceCase(name, tokens[1], params, inputs, expected);
    }
    if (params.containsKey("outputs")) {
      for (int k = 0; k < Integer.parseInt(params.get("outputs")); k++) {
        expected.add(required(arrays, name + ".out" + k));
      }
    } else {
      expected.add(required(arrays, name + ".out"));
    }
    return new ReferenceCase(name, tokens[1], params, inputs, expected);
  }

  private static NDArray required(Map<String, NDArray> arrays, String key) {
    NDArray array = arrays.get(key);
    if (array == null) {
      throw new IllegalStateException("reference.npz has no array " + key + "; regenerate it with make_reference.py");
    }
    return array;
  }

  /** The inputs as the op must see them: each stored input with its view (if any) applied. */
  List<NDArray> inputs() {
    List<NDArray> presented = new ArrayList<>();
    for (int k = 0; k < storedInputs.size(); k++) {
      String view = params.get("view" + k);
      presented.add(view == null ? storedInputs.get(k) : present(storedInputs.get(k), view));
    }
    return presented;
  }

  /** A view spec applied to {@code x}; {@code "T|idx:1:"} applies each part in turn. */
  static NDArray present(NDArray x, String view) {
    if (view.contains("|")) {
      for (String part : view.split("\\|")) {
        x = present(x, part);
      }
      return x;
    }
    if (view.startsWith("bcast:")) {
      return x.broadcastTo(Shape.of(view.length() == 6 ? new int[0] : ints(view.substring(6))));
    }
    if (view.equals("F")) {
      return x.copy(Order.F);
    }
    if (view.equals("T")) {
      return x.transpose();
    }
    if (view.startsWith("perm:")) {
      return x.permute(ints(view.substring(5)));
    }
    if (view.startsWith("idx:")) {
      return x.index(view.substring(4));
    }
    throw new IllegalArgumentException("unknown view '" + view + "' in cases.txt");
  }

  boolean has(String key) {
    return params.containsKey(key);
  }

  String text(String key) {
    String value = params.get(key);
    if (value == null) {
      throw new IllegalArgumentException(name + ": cases.txt gives no '" + key + "'");
    }
    return value;
  }

  int integer(String key) {
    return Integer.parseInt(text(key));
  }

  double number(String key) {
    return Double.parseDouble(text(key));
  }

  boolean flag(String key) {
    return Boolean.parseBoolean(text(key));
  }

  /** A comma-separated list; "none" gives null (all axes), "empty" an empty list. */
  int[] integers(String key) {
    String value = text(key);
    return value.equals("none") ? null : value.equals("empty") ? new int[0] : ints(value);
  }

  private static int[] ints(String list) {
    return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  /** {@code "1,2;0,1"} as {@code {{1, 2}, {0, 1}}}. */
  int[][] widths(String key) {
    return Arrays.stream(text(key).split(";")).map(ReferenceCase::ints).toArray(int[][]::new);
  }

  /** No tolerance given means the values must match exactly (NaN matching NaN). */
  boolean exact() {
    return !params.containsKey("rtol") && !params.containsKey("atol");
  }

  double rtol() {
    return has("rtol") ? number("rtol") : 0;
  }

  double atol() {
    return has("atol") ? number("atol") : 0;
  }
}
