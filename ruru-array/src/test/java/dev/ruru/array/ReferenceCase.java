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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One NumPy reference case from {@code reference/cases.txt}: an operation, its parameters, its inputs
 * and NumPy's results, all written by {@code reference/make_reference.py} (see its docstring for the
 * format). Inputs are stored in C order; {@link #inputs()} presents each as the case asks (a Fortran
 * copy, a transpose, a permutation or an indexing view), so the op sees the same layout NumPy saw.
 */
record ReferenceCase(String name, String op, Map<String, String> params, List<NDArray> storedInputs, List<NDArray> expected) {
  private static final String DIRECTORY = "/reference/";

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

  private static NDArray present(NDArray x, String view) {
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
