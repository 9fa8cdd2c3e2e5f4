package dev.ruru.symbolic;

import dev.ruru.autodiff.TensorFunction;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A mathematical expression as an immutable tree: variables, finite constants, {@code + − × ÷}, powers,
 * unary minus and the elementary functions exp, log, sin, cos, tanh and sigmoid. This is symbolic
 * differentiation as the course draws it: the derivative is a new tree built by the rules of calculus,
 * not a number.
 *
 * <pre>{@code
 * Expr f = Expr.parse("x * sin(x) + y^2");
 * Expr dfdx = f.derivative("x").simplify();          // x * cos(x) + sin(x)
 * double v = dfdx.evaluate(Map.of("x", 1.5, "y", -2.0));
 * }</pre>
 *
 * <p>Nodes are records: two trees are {@code equals} when they have the same structure, and a
 * {@code switch} over {@code Expr} is checked for exhaustiveness by the compiler. {@code toString} prints
 * the expression with the fewest parentheses that keep its structure, in the syntax {@link #parse}
 * reads. Printing, equality, evaluation, differentiation and tensor conversion walk the tree with
 * explicit stacks, so they work at any depth (a parsed sum of 5,000 terms is 5,000 levels deep).
 */
public sealed interface Expr {

  /** A named input; names are identifiers ({@code [A-Za-z_][A-Za-z0-9_]*}) other than function names. */
  record Variable(String name) implements Expr {
    public Variable {
      Objects.requireNonNull(name, "name");
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("variable: '" + name + "' is not an identifier ([A-Za-z_][A-Za-z0-9_]*)");
      }
      if (ElementaryFunction.byName(name).isPresent() || name.equals("sqrt")) {
        throw new IllegalArgumentException("variable: '" + name + "' is a function name and cannot name a variable");
      }
    }

    @Override public String toString() { return ExpressionPrinter.print(this); }
  }

  /** A finite number; −0.0 is stored as 0.0 so that equal values are equal records. */
  record Constant(double value) implements Expr {
    public Constant {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("constant: value must be finite; got " + value);
      }
      value += 0.0; // -0.0 + 0.0 == +0.0
    }

    @Override public String toString() { return ExpressionPrinter.print(this); }
  }

  /** {@code left + right}. */
  record Addition(Expr left, Expr right) implements Expr {
    public Addition { Objects.requireNonNull(left, "left"); Objects.requireNonNull(right, "right"); }

    @Override public boolean equals(Object other) { return StructuralEquality.equal(this, other); }
    @Override public int hashCode() { return StructuralEquality.hash(this); }
    @Override public String toString() { return ExpressionPrinter.print(this); }
  }

  /** {@code left − right}. */
  record Subtraction(Expr left, Expr right) implements Expr {
    public Subtraction { Objects.requireNonNull(left, "left"); Objects.requireNonNull(right, "right"); }

    @Override public boolean equals(Object other) { return StructuralEquality.equal(this, other); }
    @Override public int hashCode() { return StructuralEquality.hash(this); }
    @Override public String toString() { return ExpressionPrinter.print(this); }
  }

  /** {@code left × right}. */
  record Multiplication(Expr left, Expr right) implements Expr {
    public Multiplication { Objects.requireNonNull(left, "left"); Objects.requireNonNull(right, "right"); }

    @Override public boolean equals(Object other) { return StructuralEquality.equal(this, other); }
    @Override public int hashCode() { return StructuralEquality.hash(this); }
    @Override public String toString() { return ExpressionPrinter.print(this); }
  }

  /** {@code left ÷ right}. */
  record Division(Expr left, Expr right) implements Expr {
    public Division { Objects.requireNonNull(left, "left"); Objects.requireNonNull(right, "right"); }

    @Override public boolean equals(Object other) { return StructuralEquality.equal(this, other); }
    @Override public int hashCode() { return StructuralEquality.hash(this); }
    @Override public String toString() { return ExpressionPrinter.print(this); }
  }

  /** {@code base ^ exponent}, with {@link Math#pow}'s values (NaN for a negative base and a fractional exponent). */
  record Power(Expr base, Expr exponent) implements Expr {
    public Power { Objects.requireNonNull(base, "base"); Objects.requireNonNull(exponent, "exponent"); }

    @Override public boolean equals(Object other) { return StructuralEquality.equal(this, other); }
    @Override public int hashCode() { return StructuralEquality.hash(this); }
    @Override public String toString() { return ExpressionPrinter.print(this); }
  }

  /** {@code −operand}. */
  record Negation(Expr operand) implements Expr {
    public Negation { Objects.requireNonNull(operand, "operand"); }

    @Override public boolean equals(Object other) { return StructuralEquality.equal(this, other); }
    @Override public int hashCode() { return StructuralEquality.hash(this); }
    @Override public String toString() { return ExpressionPrinter.print(this); }
  }

  /** {@code function(argument)}, e.g. {@code sin(x)}. */
  record FunctionCall(ElementaryFunction function, Expr argument) implements Expr {
    public FunctionCall { Objects.requireNonNull(function, "function"); Objects.requireNonNull(argument, "argument"); }

    @Override public boolean equals(Object other) { return StructuralEquality.equal(this, other); }
    @Override public int hashCode() { return StructuralEquality.hash(this); }
    @Override public String toString() { return ExpressionPrinter.print(this); }
  }

  /**
   * Reads an expression. Grammar, loosest binding first: {@code + -} (left-associative), {@code * /}
   * (left-associative), unary {@code -}, {@code ^} (right-associative, so {@code -x^2 = -(x^2)} and
   * {@code 2^3^2 = 2^9}), then numbers ({@code 3}, {@code .5}, {@code 1e-3}), variables, function calls
   * {@code exp log sin cos tanh sigmoid sqrt} ({@code sqrt(u)} is read as {@code u^0.5}) and
   * parentheses. Multiplication must be written: {@code 2x} is an error.
   *
   * @throws ExpressionParseException with the 1-based column, what was expected and what was found;
   *     also for input longer than 10,000 characters or nested deeper than 200 levels
   */
  static Expr parse(String text) {
    return ExpressionParser.parse(text);
  }

  static Expr variable(String name) { return new Variable(name); }

  static Expr constant(double value) { return new Constant(value); }

  default Expr plus(Expr other) { return new Addition(this, other); }

  default Expr minus(Expr other) { return new Subtraction(this, other); }

  default Expr times(Expr other) { return new Multiplication(this, other); }

  default Expr dividedBy(Expr other) { return new Division(this, other); }

  default Expr pow(Expr exponent) { return new Power(this, exponent); }

  default Expr negate() { return new Negation(this); }

  /**
   * ∂this/∂variable by the rules of calculus (sum, product, quotient, chain and power rules); the
   * result is correct but not tidy: call {@link #simplify()} for a canonical form. A variable the
   * expression does not use gives 0.
   */
  default Expr derivative(String variable) {
    return SymbolicDerivative.differentiate(this, new Variable(variable).name());
  }

  /**
   * An equal-valued expression in canonical form: constants folded, identities with 0 and 1 applied,
   * like terms collected ({@code x + x → 2 * x}), powers of one base combined ({@code x^2 * x^3 → x^5}),
   * commutative operands ordered, so that equal expressions print the same. The value is preserved
   * wherever this expression is defined (e.g. {@code x / x → 1} gives 1 at x = 0 where the original was
   * NaN). This expression is not modified.
   */
  default Expr simplify() {
    return Simplifier.simplify(this);
  }

  /**
   * The value with each variable bound to a number; IEEE semantics (log(−1) is NaN, 1/0 is Infinity).
   *
   * @throws IllegalArgumentException naming a variable that {@code bindings} does not bind
   */
  default double evaluate(Map<String, Double> bindings) {
    Objects.requireNonNull(bindings, "bindings");
    SortedSet<String> unbound = variables();
    unbound.removeIf(name -> bindings.get(name) != null);
    if (!unbound.isEmpty()) {
      String names = String.join("', '", unbound);
      throw new IllegalArgumentException("evaluate: " + (unbound.size() == 1 ? "variable '" + names + "' is"
          : "variables '" + names + "' are") + " not bound; bound: " + new TreeSet<>(bindings.keySet())
          + "; expression: " + this);
    }
    return PostOrder.<Double>fold(this, (node, values) -> switch (node) {
      case Variable(String name) -> bindings.get(name);
      case Constant(double value) -> value;
      case Addition _ -> values.get(0) + values.get(1);
      case Subtraction _ -> values.get(0) - values.get(1);
      case Multiplication _ -> values.get(0) * values.get(1);
      case Division _ -> values.get(0) / values.get(1);
      case Power _ -> Math.pow(values.get(0), values.get(1));
      case Negation _ -> -values.get(0);
      case FunctionCall(ElementaryFunction function, var _) -> function.apply(values.get(0));
    });
  }

  /** The names of the variables this expression uses, in alphabetical order. */
  default SortedSet<String> variables() {
    SortedSet<String> names = new TreeSet<>();
    Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>()); // derivatives share sub-trees
    Deque<Expr> pending = new ArrayDeque<>(List.of(this));
    while (!pending.isEmpty()) {
      Expr e = pending.pop();
      if (!seen.add(e)) {
        continue;
      }
      if (e instanceof Variable(String name)) {
        names.add(name);
      }
      e.operands().forEach(pending::push);
    }
    return names;
  }

  /** The direct sub-expressions, left to right: none for a leaf, one for negation and calls, else two. */
  default List<Expr> operands() {
    return switch (this) {
      case Variable _, Constant _ -> List.of();
      case Addition(Expr left, Expr right) -> List.of(left, right);
      case Subtraction(Expr left, Expr right) -> List.of(left, right);
      case Multiplication(Expr left, Expr right) -> List.of(left, right);
      case Division(Expr left, Expr right) -> List.of(left, right);
      case Power(Expr base, Expr exponent) -> List.of(base, exponent);
      case Negation(Expr operand) -> List.of(operand);
      case FunctionCall(var _, Expr argument) -> List.of(argument);
    };
  }

  /**
   * This expression as a function of tensors, elementwise with broadcasting: the i-th input binds
   * {@code variables.get(i)}; inputs must be float32 or float64, and constants take the dtype of the
   * first input. Each node becomes the Tensor method of its name (add, sub, mul, div, pow, neg, exp,
   * log, sin, cos, tanh, sigmoid), so the result can be differentiated in reverse, forward and numeric
   * mode like any other {@link TensorFunction}.
   *
   * <pre>{@code
   * TensorFunction f = Expr.parse("x * sin(x) + y^2").toTensorFunction(List.of("x", "y"));
   * Tensor value = f.apply(x, y);
   * }</pre>
   *
   * @throws IllegalArgumentException when {@code variables} has duplicates or misses a variable this
   *     expression uses (it may name extra ones, which the function ignores)
   */
  default TensorFunction toTensorFunction(List<String> variables) {
    return TensorConversion.of(this, variables);
  }
}
