package dev.ruru.examples;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.GradientMethod;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Tensor;
import dev.ruru.autodiff.TensorFunction;
import dev.ruru.symbolic.Expr;
import dev.ruru.symbolic.GradientComparison;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One function, differentiated the four ways the course teaches, side by side:
 * f(x, y) = x·sin(x) + y² at (x, y) = (1.5, −2), where ∂f/∂x = sin(x) + x·cos(x) and ∂f/∂y = 2y.
 *
 * <p>When is each the right tool? The course's table, for f: Rⁿ → R whose evaluation costs M:
 * <pre>
 *   method     accuracy                      cost of the whole gradient   needs
 *   numeric    about 10 of 16 digits         2n evaluations: O(n·M)       only a way to evaluate f
 *   symbolic   exact                         the formula can swell        f as a formula (no loops, no ifs)
 *   forward    exact up to rounding          n passes: O(n·M)             f as code, run on dual numbers
 *   reverse    exact up to rounding          one pass back: O(M)          f as code, recorded as a graph
 * </pre>
 * So: <b>numeric</b> to check the others (it is easy to get right and hard to get wrong silently);
 * <b>symbolic</b> when you want the derivative as a formula to read or simplify; <b>forward</b> when f
 * has few inputs and many outputs (a Jacobian column per pass); <b>reverse</b> when f has many inputs
 * and one output — a network's loss by its millions of weights, which is why deep learning uses it
 * ({@code ruru diff --scaling} times this).
 *
 * <p>Run it: {@code java -cp ruru-examples/target/classes:... dev.ruru.examples.DifferentiationComparison}.
 */
public final class DifferentiationComparison {
  /** The steps tried for central differences, from coarse to finer than float64 can resolve. */
  static final double[] STEPS = {1e-1, 1e-3, 1e-5, 1e-7, 1e-9, 1e-11, 1e-13};

  private DifferentiationComparison() {}

  public static void main(String[] args) {
    run(new PrintWriter(System.out, true));
  }

  /** Prints the whole comparison to {@code out}. */
  public static void run(PrintWriter out) {
    // The function, written once as a formula. Expr.parse builds an expression tree; the same tree will
    // also be turned into tensor code, so all four methods differentiate exactly the same function.
    Expr f = Expr.parse("x*sin(x) + y^2");
    Map<String, Double> point = new LinkedHashMap<>();
    point.put("x", 1.5);
    point.put("y", -2.0);
    out.println("f(x, y) = " + f + "   at x = 1.5, y = -2");
    out.println();

    // All four methods at once. The class does, for each method, what the sections below show by hand.
    GradientComparison comparison = GradientComparison.of(f, point);

    symbolic(out, comparison);
    numeric(out, comparison);
    forward(out, f);
    reverse(out, f);
    sideBySide(out, comparison);
    out.flush();
  }

  /**
   * 1. Symbolic: the rules of calculus applied to the tree (product rule on x·sin(x), power rule on y²)
   * give a new tree, which simplification tidies. Exact, and readable — but only for a formula.
   */
  private static void symbolic(PrintWriter out, GradientComparison comparison) {
    out.println("1. Symbolic: differentiate the formula, simplify, evaluate");
    comparison.derivatives().forEach((name, derivative) ->
        out.printf("   df/d%s = %-22s = %.15f%n", name, derivative, comparison.symbolicGradient().get(name)));
    out.println();
  }

  /**
   * 2. Numeric: (f(x + ε) − f(x − ε)) / 2ε. Only f's values are needed, but the step ε cannot be
   * chosen well: a large ε leaves truncation error (≈ ε²·f'''/6), a tiny one amplifies rounding error
   * (≈ 1e-16·|f|/ε), so the error falls and then rises again as ε shrinks. The best ε, near 1e-5 in
   * float64, still loses about a third of the digits.
   */
  private static void numeric(PrintWriter out, GradientComparison comparison) {
    out.println("2. Numeric: central differences with step eps (df/dx; its error against the symbolic value)");
    double exact = comparison.symbolicGradient().get("x");
    for (double eps : STEPS) {
      double estimate = comparison.numericGradient(eps).get("x");
      out.printf("   eps %-7.0e df/dx = %.15f   error %.1e%n", eps, estimate, Math.abs(estimate - exact));
    }
    out.println();
  }

  /**
   * 3. Forward mode: run f's code on dual numbers a + b·ε (with ε² = 0). Each value carries its
   * derivative along one direction (the tangent), and every operation updates both: for
   * sin(a + bε) = sin(a) + cos(a)·b·ε. Seeding x's tangent with 1 and y's with 0 gives ∂f/∂x in one
   * pass; ∂f/∂y needs a second pass — one pass per input.
   */
  private static void forward(PrintWriter out, Expr f) {
    out.println("3. Forward mode: one pass of dual numbers per input direction");
    TensorFunction code = f.toTensorFunction(List.of("x", "y"));
    Tensor x = Tensor.dual(scalar(1.5), scalar(1));   // x = 1.5 + 1·ε: we differentiate by x
    Tensor y = Tensor.dual(scalar(-2), scalar(0));    // y does not move along this direction
    Tensor result = code.apply(x, y);
    out.printf("   seed (dx, dy) = (1, 0): f = %.15f, tangent df/dx = %.15f%n", result.item(), result.tangent().item());
    out.println();
  }

  /**
   * 4. Reverse mode: run f's code once, recording each operation as a graph node, then walk the graph
   * backwards from f, multiplying by each node's local derivative (the chain rule) and adding up where
   * a value was used twice (x appears in both x and sin(x)). One backward pass gives every ∂f/∂input.
   */
  private static void reverse(PrintWriter out, Expr f) {
    out.println("4. Reverse mode: one recorded pass forward, one pass back through the graph");
    TensorFunction code = f.toTensorFunction(List.of("x", "y"));
    Tensor x = Tensor.variable(scalar(1.5));
    Tensor y = Tensor.variable(scalar(-2));
    Tensor result = code.apply(x, y);
    Gradients gradients = result.backward(List.of(x, y));
    out.printf("   f = %.15f, df/dx = %.15f, df/dy = %.15f%n", result.item(), gradients.get(x).item(), gradients.get(y).item());
    out.println();
  }

  /** All four side by side, with each method's largest difference from the symbolic value, and whether they agree. */
  private static void sideBySide(PrintWriter out, GradientComparison comparison) {
    out.println("Side by side (numeric with eps = " + GradientMethod.NUMERIC_STEP + ")");
    out.printf("   %-9s %20s %20s %10s%n", "method", "df/dx", "df/dy", "error");
    for (GradientMethod method : GradientMethod.values()) {
      Map<String, Double> g = comparison.gradient(method);
      out.printf("   %-9s %20.15f %20.15f %10.1e%n", method.id(), g.get("x"), g.get("y"), comparison.disagreement(method));
    }
    Map<String, Double> s = comparison.symbolicGradient();
    out.printf("   %-9s %20.15f %20.15f %10s%n", "symbolic", s.get("x"), s.get("y"), "reference");
    out.println();
    // Not a fixed claim: the comparison checks each method against its tolerance and says when one is off.
    out.println(comparison.verdict() + ".");
    out.println("For a loss of n parameters, reverse mode needs one backward pass where the others need n:");
    out.println("that is why deep learning trains by backpropagation (see: ruru diff --scaling).");
  }

  private static NDArray scalar(double value) {
    return NDArray.scalar(value, DType.FLOAT64);
  }
}
