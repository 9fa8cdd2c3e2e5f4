package dev.ruru.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.autodiff.GradientMethod;
import dev.ruru.symbolic.Expr;
import dev.ruru.symbolic.GradientComparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ruru diff EXPR --at x=1.5,y=-2 [--json]}: the course's four ways of differentiating, side by
 * side on one expression ({@link GradientComparison}): the simplified symbolic derivative by each
 * variable, and the gradient at the point by reverse mode, forward mode, central differences and the
 * symbolic derivative, with each method's largest difference from the symbolic value.
 *
 * <p>{@code ruru diff --scaling [--json] [--out DIR] [--max-n N]}: how the cost of a gradient grows with
 * the number of inputs for each method ({@link GradientScaling}), as a table, a log-log PNG plot and JSON.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Differentiates EXPR four ways (reverse, forward, numeric, symbolic) at a point",
      "and compares them; with --scaling, times reverse, forward and numeric gradients",
      "of a built-in f: R^n -> R as n grows from 1 to 10,000.",
      "EXPR: numbers, variables, + - * / ^ and exp log sin cos tanh sigmoid sqrt."
    })
final class DiffCommand implements Callable<Integer> {
  /** A method predicted to take longer than this for one gradient is skipped: the whole run stays near a minute. */
  static final double SCALING_BUDGET_SECONDS = 5;
  private static final int COLUMN = 25;

  @Parameters(paramLabel = "EXPR", arity = "0..1",
      description = "The expression, e.g. \"x*sin(x) + y^2\". "
          + "One that starts with '-' needs a leading space: \" -x^2\".")
  private String expressionText;

  @Option(names = "--at", split = ",", paramLabel = "VAR=VALUE",
      description = "The point: a value for every variable of EXPR, e.g. x=1.5,y=-2. "
          + "A variable EXPR does not use has derivative 0.")
  private Map<String, Double> at = new LinkedHashMap<>();

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  private boolean json;

  @Option(names = "--scaling",
      description = "Time reverse, forward and numeric gradients of a built-in f: R^n -> R as n grows.")
  private boolean scaling;

  @Option(names = "--out", paramLabel = "DIR",
      description = "With --scaling: where diff-scaling.png and diff-scaling.json go. Default: the current directory.")
  private Path outDirectory;

  @Option(names = "--max-n", paramLabel = "N",
      description = "With --scaling: the largest n (1, 10, 100, ... up to N). Default: 10000.")
  private Integer maxN;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (scaling) {
      if (expressionText != null || !at.isEmpty()) {
        throw new IllegalArgumentException("--scaling times a built-in function and takes no EXPR or --at");
      }
      return scaling();
    }
    if (outDirectory != null || maxN != null) {
      throw new IllegalArgumentException("--out and --max-n go with --scaling only");
    }
    if (expressionText == null) {
      throw new IllegalArgumentException(
          "missing an expression, e.g. ruru diff \"x*sin(x) + y^2\" --at x=1.5,y=-2 (or use --scaling)");
    }
    Expr expression = Expr.parse(expressionText);
    requireValues(expression);
    GradientComparison comparison = GradientComparison.of(expression, at);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(json(comparison)));
    } else {
      printTable(out, comparison);
    }
    out.flush();
    return 0;
  }

  /**
   * {"expression", "point": {var: value}, "derivatives": {var: "text"}, "gradients": {"reverse": {var:
   * value}, "forward", "numeric", "symbolic"}, "disagreement": {"reverse": max |g − g_symbolic|, ...},
   * "tolerance": {"reverse": how far it may lie, ...}, "agree": every method within its tolerance,
   * "disagreeing": ["forward", ...], "verdict": the sentence the table ends with}.
   */
  private static ObjectNode json(GradientComparison c) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode().put("expression", c.expression().toString());
    ObjectNode point = root.putObject("point");
    c.point().forEach(point::put);
    ObjectNode derivatives = root.putObject("derivatives");
    c.derivatives().forEach((name, derivative) -> derivatives.put(name, derivative.toString()));
    ObjectNode gradients = root.putObject("gradients");
    ObjectNode disagreement = mapper.createObjectNode();
    ObjectNode tolerance = mapper.createObjectNode();
    for (GradientMethod method : GradientMethod.values()) {
      ObjectNode values = gradients.putObject(method.id());
      c.gradient(method).forEach(values::put);
      disagreement.put(method.id(), c.disagreement(method));
      tolerance.put(method.id(), c.tolerance(method));
    }
    ObjectNode symbolic = gradients.putObject("symbolic");
    c.symbolicGradient().forEach(symbolic::put);
    root.set("disagreement", disagreement);
    root.set("tolerance", tolerance);
    root.put("agree", c.disagreeing().isEmpty());
    ArrayNode disagreeing = root.putArray("disagreeing");
    c.disagreeing().forEach(method -> disagreeing.add(method.id()));
    root.put("verdict", c.verdict());
    return root;
  }

  /**
   * The expression and point, the derivatives, one row per variable, rows of disagreements and
   * tolerances, then the verdict: the table is there to show that the methods agree, so it says when not.
   */
  private static void printTable(PrintWriter out, GradientComparison c) {
    out.println("f = " + c.expression());
    String point = c.point().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "));
    out.println("at " + (point.isEmpty() ? "(no variables)" : point) + ": f = " + c.value());
    if (!c.derivatives().isEmpty()) {
      out.println();
      c.derivatives().forEach((name, derivative) -> out.println("df/d" + name + " = " + derivative));
    }
    out.println();
    int nameWidth = Math.max("disagreement".length(), c.point().keySet().stream().mapToInt(String::length).max().orElse(0));
    StringBuilder header = new StringBuilder(pad("gradient", nameWidth));
    for (GradientMethod method : GradientMethod.values()) {
      header.append("  ").append(pad(method.id(), COLUMN));
    }
    out.println(header.append("  symbolic").toString());
    for (String name : c.point().keySet()) {
      StringBuilder row = new StringBuilder(pad(name, nameWidth));
      for (GradientMethod method : GradientMethod.values()) {
        row.append("  ").append(pad(Double.toString(c.gradient(method).get(name)), COLUMN));
      }
      out.println(row.append("  ").append(c.symbolicGradient().get(name)).toString());
    }
    StringBuilder disagreement = new StringBuilder(pad("disagreement", nameWidth));
    StringBuilder tolerance = new StringBuilder(pad("tolerance", nameWidth));
    for (GradientMethod method : GradientMethod.values()) {
      String mark = c.agrees(method) ? "" : "  <- TOO FAR";
      disagreement.append("  ").append(pad(String.format(Locale.ROOT, "%.2e", c.disagreement(method)) + mark, COLUMN));
      tolerance.append("  ").append(pad(String.format(Locale.ROOT, "%.1e", c.tolerance(method)), COLUMN));
    }
    out.println(disagreement.append("  (reference; disagreement = max |method - symbolic|)").toString());
    out.println(tolerance.append("  (how far each may lie: rounding, or central differences' error)").toString());
    out.println();
    out.println(c.verdict());
  }

  private int scaling() throws IOException {
    List<Integer> sizes = GradientScaling.sizes(maxN == null ? 10_000 : maxN);
    Path directory = outDirectory == null ? Path.of(".") : outDirectory;
    PrintWriter out = spec.commandLine().getOut();
    if (!json) {
      ScalingReport.printHeader(out, SCALING_BUDGET_SECONDS);
    }
    GradientScaling.Result result = new GradientScaling(SCALING_BUDGET_SECONDS)
        .run(sizes, outcome -> { if (!json) { ScalingReport.printLine(out, outcome); } });
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode report = ScalingReport.json(mapper, result, SCALING_BUDGET_SECONDS);
    ScalingReport.write(directory, mapper, result, report);
    if (json) {
      out.println(mapper.writeValueAsString(report));
    } else {
      out.println("wrote " + directory.resolve(ScalingReport.PNG_NAME) + " and " + directory.resolve(ScalingReport.JSON_NAME));
    }
    out.flush();
    return 0;
  }

  /** Refuses, naming them, variables that the expression uses and {@code --at} gives no value. */
  private void requireValues(Expr expression) {
    SortedSet<String> missing = expression.variables();
    missing.removeAll(at.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("no value for " + (missing.size() == 1 ? "variable '" + missing.first() + "'"
          : "variables " + missing) + ", which " + expression + " uses; give " + (missing.size() == 1 ? "it" : "them")
          + " one with --at, e.g. --at " + example(expression));
    }
  }

  /** {@code x=1.5,y=1}: the values given, and 1 for the missing ones, for the error message's hint. */
  private String example(Expr expression) {
    return expression.variables().stream().map(name -> name + "=" + at.getOrDefault(name, 1.0)).collect(Collectors.joining(","));
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
