package dev.ruru.symbolic;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.GradientMethod;
import dev.ruru.autodiff.NumericDiff;
import dev.ruru.autodiff.TensorFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;

/**
 * One expression differentiated all four ways at one point — the course's table of differentiation
 * methods, runnable:
 * <ul>
 *   <li><b>symbolic</b>: the derivative as a new formula ({@link Expr#derivative}, then
 *       {@link Expr#simplify}), evaluated at the point. Exact, but it needs the function as a formula
 *       (no loops or branches), and the formula can swell with the function's size;
 *   <li><b>reverse</b>, <b>forward</b> and <b>numeric</b>: the expression turned into tensor code
 *       ({@link Expr#toTensorFunction}) and differentiated by each {@link GradientMethod}, in float64.
 * </ul>
 * The symbolic value is the reference: {@link #disagreement} is how far each other method lies from it.
 * Reverse and forward mode agree with it to rounding (they apply the same chain rule to numbers, not
 * formulas); numeric differences keep only about 10 of float64's 16 digits. {@link #tolerance} says
 * how far each method may lie, {@link #disagreeing} which lie further, and {@link #verdict} says it in
 * a sentence: the table exists to show that the methods agree, so a disagreement must not pass unseen.
 *
 * <pre>{@code
 * GradientComparison c = GradientComparison.of(Expr.parse("x * sin(x) + y^2"), Map.of("x", 1.5, "y", -2.0));
 * c.derivatives().get("x");                      // x * cos(x) + sin(x)
 * c.gradient(GradientMethod.FORWARD).get("x");   // 1.1036...
 * c.disagreement(GradientMethod.NUMERIC);        // about 1e-10
 * }</pre>
 *
 * <p>Every variable of the point is differentiated by, in the point's iteration order; one that the
 * expression does not use has derivative 0. Instances are immutable.
 */
public final class GradientComparison {
  /** Relative tolerance of reverse and forward mode: the formula's chain rule applied to numbers, so rounding only. */
  public static final double ROUNDING_TOLERANCE = 1e-9;
  /**
   * Relative tolerance of central differences with step {@link GradientMethod#NUMERIC_STEP}: their
   * rounding error is about 1e-10·|f| and their truncation error ε²·|f‴|/6; 1e-5 leaves room for a
   * steep f‴ while a wrong derivative, or a pole within the step, still shows.
   */
  public static final double NUMERIC_TOLERANCE = 1e-5;

  private final Expr expression;
  private final Map<String, Double> point;
  private final double value;
  private final Map<String, Expr> derivatives;
  private final Map<GradientMethod, Map<String, Double>> computed;
  private final Map<String, Double> symbolic;
  private final TensorFunction function;

  private GradientComparison(Expr expression, Map<String, Double> point) {
    this.expression = expression;
    this.point = Collections.unmodifiableMap(new LinkedHashMap<>(point));
    List<String> names = List.copyOf(point.keySet());
    this.value = expression.evaluate(point);
    Map<String, Expr> byVariable = new LinkedHashMap<>();
    Map<String, Double> symbolicValues = new LinkedHashMap<>();
    for (String name : names) {
      Expr derivative = expression.derivative(name).simplify();
      byVariable.put(name, derivative);
      symbolicValues.put(name, derivative.evaluate(point));
    }
    this.derivatives = Collections.unmodifiableMap(byVariable);
    this.symbolic = Collections.unmodifiableMap(symbolicValues);
    this.function = expression.toTensorFunction(names);
    Map<GradientMethod, Map<String, Double>> byMethod = new EnumMap<>(GradientMethod.class);
    for (GradientMethod method : GradientMethod.values()) {
      byMethod.put(method, byName(method.gradients(function, inputs())));
    }
    this.computed = Collections.unmodifiableMap(byMethod);
  }

  /**
   * Differentiates {@code expression} by every variable of {@code point}, at that point, all four ways.
   *
   * @param point a value for each variable; it may name variables the expression does not use, and its
   *     iteration order is the order of the results (use a {@link LinkedHashMap} to choose it)
   * @throws IllegalArgumentException naming a variable the expression uses that {@code point} gives no value
   */
  public static GradientComparison of(Expr expression, Map<String, Double> point) {
    SortedSet<String> missing = expression.variables();
    missing.removeAll(point.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("gradient comparison: no value for " + (missing.size() == 1 ? "variable '"
          + missing.first() + "'" : "variables " + missing) + ", which the expression uses; point: " + point
          + "; expression: " + expression);
    }
    return new GradientComparison(expression, point);
  }

  public Expr expression() {
    return expression;
  }

  /** The point, in the order given. */
  public Map<String, Double> point() {
    return point;
  }

  /** The expression's value at the point. */
  public double value() {
    return value;
  }

  /** ∂f/∂v, simplified, for each variable v of the point. */
  public Map<String, Expr> derivatives() {
    return derivatives;
  }

  /** The gradient by reverse mode, forward mode or central differences, variable by variable. */
  public Map<String, Double> gradient(GradientMethod method) {
    return computed.get(method);
  }

  /** The gradient by evaluating the {@link #derivatives} at the point: the reference. */
  public Map<String, Double> symbolicGradient() {
    return symbolic;
  }

  /** max over the variables of |gradient(method) − symbolic gradient|; 0 when there are no variables. */
  public double disagreement(GradientMethod method) {
    double largest = 0;
    for (Map.Entry<String, Double> entry : gradient(method).entrySet()) {
      // Math.max propagates NaN, so a method that failed at the point cannot look like agreement.
      largest = Math.max(largest, Math.abs(entry.getValue() - symbolic.get(entry.getKey())));
    }
    return largest;
  }

  /**
   * How far {@code method}'s gradient may lie from the symbolic one and still agree: its relative
   * tolerance ({@link #ROUNDING_TOLERANCE} or {@link #NUMERIC_TOLERANCE}) times the scale
   * max(1, |f|, max |∂f/∂v|) over the finite ones, since rounding errors grow with the values computed.
   */
  public double tolerance(GradientMethod method) {
    double scale = Double.isFinite(value) ? Math.max(1, Math.abs(value)) : 1;
    for (double v : symbolic.values()) {
      scale = Double.isFinite(v) ? Math.max(scale, Math.abs(v)) : scale;
    }
    return (method == GradientMethod.NUMERIC ? NUMERIC_TOLERANCE : ROUNDING_TOLERANCE) * scale;
  }

  /** Whether {@code method} lies within its {@link #tolerance} of the symbolic gradient (never when either is NaN). */
  public boolean agrees(GradientMethod method) {
    return disagreement(method) <= tolerance(method);
  }

  /** The methods that lie further than their tolerance from the symbolic gradient, in {@link GradientMethod} order. */
  public List<GradientMethod> disagreeing() {
    return Arrays.stream(GradientMethod.values()).filter(method -> !agrees(method)).toList();
  }

  /**
   * One sentence on whether the four methods agree; when they do not, which method lies how far from
   * the symbolic value, beyond which tolerance, and what that points to.
   */
  public String verdict() {
    if (!Double.isFinite(value) || symbolic.values().stream().anyMatch(v -> !Double.isFinite(v))) {
      return "NOT COMPARED: f = " + value + " with symbolic gradient " + symbolic
          + " is not finite at this point; choose one where f is defined";
    }
    List<GradientMethod> wrong = disagreeing();
    if (wrong.isEmpty()) {
      return String.format(Locale.ROOT, "all four methods agree: reverse and forward to rounding (within %.1e), "
          + "numeric within the error of central differences (within %.1e)",
          tolerance(GradientMethod.REVERSE), tolerance(GradientMethod.NUMERIC));
    }
    StringBuilder text = new StringBuilder("DISAGREEMENT: ");
    for (GradientMethod method : wrong) {
      text.append(String.format(Locale.ROOT, "%s differs from symbolic by %.2e, more than its tolerance %.1e (%s); ",
          method.id(), disagreement(method), tolerance(method), cause(method)));
    }
    if (wrong.size() == GradientMethod.values().length && computedMethodsAgree()) {
      text.append("reverse, forward and numeric agree with one another, so the symbolic derivative is the suspect; ");
    }
    return text.substring(0, text.length() - 2);
  }

  private static String cause(GradientMethod method) {
    return method == GradientMethod.NUMERIC
        ? "beyond the truncation and rounding error of step " + GradientMethod.NUMERIC_STEP
            + ": f changes too fast near the point, as near a pole or a kink within the step"
        : "it should agree to rounding: a bug in " + method.id() + " mode or in the symbolic derivative";
  }

  /** Whether reverse, forward and numeric lie within numeric's tolerance of one another, variable by variable. */
  private boolean computedMethodsAgree() {
    Map<String, Double> reverse = gradient(GradientMethod.REVERSE);
    double within = tolerance(GradientMethod.NUMERIC);
    return reverse.keySet().stream().allMatch(name ->
        Math.abs(reverse.get(name) - gradient(GradientMethod.FORWARD).get(name)) <= within
            && Math.abs(reverse.get(name) - gradient(GradientMethod.NUMERIC).get(name)) <= within);
  }

  /**
   * The central-difference gradient with step {@code eps} instead of {@link GradientMethod#NUMERIC_STEP}:
   * a large step suffers truncation error (≈ ε²·f'''/6), a tiny one rounding error (≈ 1e-16·|f|/ε).
   */
  public Map<String, Double> numericGradient(double eps) {
    return byName(NumericDiff.gradients(function, inputs(), eps));
  }

  /** The point as float64 scalars, one per variable, in the point's order. */
  private NDArray[] inputs() {
    List<NDArray> scalars = new ArrayList<>();
    point.values().forEach(v -> scalars.add(NDArray.scalar(v, DType.FLOAT64)));
    return scalars.toArray(NDArray[]::new);
  }

  private Map<String, Double> byName(NDArray[] gradients) {
    Map<String, Double> result = new LinkedHashMap<>();
    int i = 0;
    for (String name : point.keySet()) {
      result.put(name, gradients[i++].astype(DType.FLOAT64).item());
    }
    return Collections.unmodifiableMap(result);
  }

  @Override
  public String toString() {
    return "GradientComparison[" + expression + " at " + point + ": symbolic " + symbolic + ", reverse "
        + gradient(GradientMethod.REVERSE) + ", forward " + gradient(GradientMethod.FORWARD) + ", numeric "
        + gradient(GradientMethod.NUMERIC) + "]";
  }
}
