package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One random computation graph of src/test/resources/torch/differential/graphs.txt, with the numbers
 * PyTorch computed for it (make_graphs.py writes both and describes the format): the inputs in
 * declaration order, the constants, the program, and torch's output, vector-Jacobian products along
 * {@code cotangent}, Jacobian-vector product along {@code tangents} and, where {@code hvp} is set,
 * Hessian-vector products of ⟨cotangent, output⟩ along {@code directions}.
 */
record GraphProgram(int id, int line, boolean hvp, Map<String, NDArray> inputs, Map<String, NDArray> constants,
    List<Step> steps, String output, NDArray value, NDArray cotangent, Map<String, NDArray> vjp,
    Map<String, NDArray> tangents, NDArray jvp, Map<String, NDArray> directions, Map<String, NDArray> hessianVectorProducts) {

  /** {@code op TARGET OP ARG... KEY=VALUE...}: an argument is a name or a number (a scalar constant). */
  record Step(String target, String op, List<String> arguments, Map<String, String> attributes) {
    int integer(String key) {
      return Integer.parseInt(attribute(key));
    }

    /** A comma-separated list of integers; empty for {@code key=}. */
    int[] integers(String key) {
      String text = attribute(key);
      return text.isEmpty() ? new int[0] : Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    boolean has(String key) {
      return attributes.containsKey(key);
    }

    private String attribute(String key) {
      String text = attributes.get(key);
      if (text == null) {
        throw new IllegalArgumentException("graph program: " + op + " needs " + key + "=; got " + attributes);
      }
      return text;
    }
  }

  /** Every graph of {@code text}, its numbers taken from the flat float64 array in {@code values}. */
  static List<GraphProgram> read(Path text, Path values) throws IOException {
    NDArray numbers = Npy.read(values);
    List<GraphProgram> graphs = new ArrayList<>();
    Builder graph = null;
    List<String> lines = Files.readAllLines(text);
    for (int i = 0; i < lines.size(); i++) {
      String[] t = lines.get(i).split(" ");
      if (t[0].startsWith("#") || t[0].isEmpty()) {
        continue;
      }
      if (t[0].equals("graph")) {
        graph = new Builder(Integer.parseInt(t[1]), i + 1, t[2].equals("hvp=1"), numbers);
      } else if (t[0].equals("end")) {
        graphs.add(graph.build());
      } else {
        graph.add(t);
      }
    }
    return graphs;
  }

  /** The graph being read: each line adds to it. */
  private static final class Builder {
    private final int id;
    private final int line;
    private final boolean hvp;
    private final NDArray numbers;
    private final Map<String, NDArray> inputs = new LinkedHashMap<>();
    private final Map<String, NDArray> constants = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, NDArray> vjp = new LinkedHashMap<>();
    private final Map<String, NDArray> tangents = new LinkedHashMap<>();
    private final Map<String, NDArray> directions = new LinkedHashMap<>();
    private final Map<String, NDArray> products = new LinkedHashMap<>();
    private String output;
    private NDArray value;
    private NDArray cotangent;
    private NDArray jvp;

    Builder(int id, int line, boolean hvp, NDArray numbers) {
      this.id = id;
      this.line = line;
      this.hvp = hvp;
      this.numbers = numbers;
    }

    void add(String[] t) {
      switch (t[0]) {
        case "input" -> inputs.put(t[1], numbers(t[2], t[3]));
        case "const" -> constants.put(t[1], numbers(t[2], t[3]));
        case "index" -> constants.put(t[1], numbers(t[2], t[3]).astype(DType.INT64));
        case "mask" -> constants.put(t[1], numbers(t[2], t[3]).astype(DType.BOOL));
        case "op" -> steps.add(step(t));
        case "output" -> output = t[1];
        case "value" -> value = numbers(t[1], t[2]);
        case "cotangent" -> cotangent = at(t[1], value.shape().dims());
        case "jvp" -> jvp = at(t[1], value.shape().dims());
        case "vjp" -> vjp.put(t[1], shapedLikeInput(t));
        case "tangent" -> tangents.put(t[1], shapedLikeInput(t));
        case "direction" -> directions.put(t[1], shapedLikeInput(t));
        case "hvp" -> products.put(t[1], shapedLikeInput(t));
        default -> throw new IllegalArgumentException("graph program: unknown line '" + String.join(" ", t) + "' in graph " + id);
      }
    }

    GraphProgram build() {
      return new GraphProgram(id, line, hvp, inputs, constants, steps, output, value, cotangent, vjp, tangents, jvp,
          directions, products);
    }

    private static Step step(String[] t) {
      List<String> arguments = new ArrayList<>();
      Map<String, String> attributes = new LinkedHashMap<>();
      for (int k = 3; k < t.length; k++) {
        int equals = t[k].indexOf('=');
        if (equals < 0) {
          arguments.add(t[k]);
        } else {
          attributes.put(t[k].substring(0, equals), t[k].substring(equals + 1));
        }
      }
      return new Step(t[1], t[2], arguments, attributes);
    }

    private NDArray shapedLikeInput(String[] t) {
      return at(t[2], inputs.get(t[1]).shape().dims());
    }

    private NDArray numbers(String shape, String offset) {
      String inside = shape.substring(1, shape.length() - 1);
      int[] dims = inside.isEmpty() ? new int[0] : Arrays.stream(inside.split(",")).mapToInt(Integer::parseInt).toArray();
      return at(offset, dims);
    }

    private NDArray at(String offset, int[] dims) {
      int start = Integer.parseInt(offset);
      int size = Arrays.stream(dims).reduce(1, (a, b) -> a * b);
      return numbers.slice(0, start, start + size, 1).copy().reshape(dims);
    }
  }
}
