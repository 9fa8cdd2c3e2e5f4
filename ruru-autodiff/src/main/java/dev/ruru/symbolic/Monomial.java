package dev.ruru.symbolic;

import dev.ruru.symbolic.Expr.Addition;
import dev.ruru.symbolic.Expr.Constant;
import dev.ruru.symbolic.Expr.Division;
import dev.ruru.symbolic.Expr.FunctionCall;
import dev.ruru.symbolic.Expr.Multiplication;
import dev.ruru.symbolic.Expr.Negation;
import dev.ruru.symbolic.Expr.Power;
import dev.ruru.symbolic.Expr.Variable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A product in canonical form, c · b₁^e₁ · b₂^e₂ ⋯: a numeric {@link Coefficient} and factors with
 * distinct bases in canonical order. Reading a product into this form is where powers are collected
 * ({@code x * x → x^2}, {@code x^2 * x^3 → x^5}, {@code x^a / x^b → x^(a - b)}) and constants folded;
 * {@link #toExpr} writes it back with the factors that have negative constant exponents as a
 * denominator: {@code 2 * x * y^-1 → 2 * x / y}.
 */
record Monomial(Coefficient coefficient, List<Factor> factors) {
  /** Integer powers up to this size are expanded ((x*y)^2 → x^2 * y^2, 2^3 → 8); larger ones stay. */
  private static final int MAX_EXPANDED_POWER = 64;

  /** One factor base^exponent; {@code key} is the printed base, which identifies like bases. */
  record Factor(String key, Expr base, Expr exponent) {
    Factor(Expr base, Expr exponent) {
      this(base.toString(), base, exponent);
    }
  }

  Monomial {
    factors = List.copyOf(factors);
  }

  /**
   * Reads {@code e} (whose parts {@code simplifier} simplifies as they are met) as a monomial; empty
   * when folding would divide a constant by zero or overflow, and the product must stay as written.
   */
  static Optional<Monomial> of(Expr e, Simplifier simplifier) {
    Collector collector = new Collector(simplifier);
    collector.collect(e, 1);
    return collector.finish();
  }

  /** A single opaque factor: how a sum holds a term that cannot be read as a monomial. */
  static Monomial opaque(Expr e) {
    return new Monomial(Coefficient.ONE, List.of(new Factor(e, new Constant(1))));
  }

  Monomial withCoefficient(Coefficient c) {
    return new Monomial(c, factors);
  }

  /** The printed factors without the coefficient: terms with equal keys are like terms. */
  String key() {
    return factors.isEmpty() ? "" : withCoefficient(Coefficient.ONE).toExpr().toString();
  }

  /** {@code p * numerator factors / (q * denominator factors)}, leaving out ones. */
  Expr toExpr() {
    List<Expr> numerator = new ArrayList<>();
    List<Expr> denominator = new ArrayList<>();
    for (Factor f : factors) {
      if (f.exponent instanceof Constant(double k) && k < 0) {
        denominator.add(power(f.base, -k));
      } else {
        numerator.add(f.exponent instanceof Constant(double k) && k == 1 ? f.base : new Power(f.base, f.exponent));
      }
    }
    double p = coefficient.numerator();
    Expr top;
    if (numerator.isEmpty()) {
      top = new Constant(p);
    } else {
      Expr first = numerator.getFirst();
      top = p == 1 ? first : p == -1 ? new Negation(first) : new Multiplication(new Constant(p), first);
      top = multiplyAll(top, numerator.subList(1, numerator.size()));
    }
    double q = coefficient.denominator();
    if (denominator.isEmpty()) {
      return q == 1 ? top : new Division(top, new Constant(q));
    }
    Expr bottom = q == 1 ? denominator.getFirst() : new Multiplication(new Constant(q), denominator.getFirst());
    return new Division(top, multiplyAll(bottom, denominator.subList(1, denominator.size())));
  }

  private static Expr power(Expr base, double exponent) {
    return exponent == 1 ? base : new Power(base, new Constant(exponent));
  }

  private static Expr multiplyAll(Expr first, List<Expr> rest) {
    Expr product = first;
    for (Expr e : rest) {
      product = new Multiplication(product, e);
    }
    return product;
  }

  // ------------------------------------------------------------------------------- canonical order

  /** Variables (by name), then function calls, then compound bases (by text), then numbers. */
  static final Comparator<Factor> BASE_ORDER = Comparator.<Factor>comparingInt(f -> rank(f.base))
      .thenComparing(Factor::key);

  /** Higher constant exponents first, symbolic ones after them: x^3 before x^2 before x^y. */
  private static final Comparator<Factor> EXPONENT_ORDER = Comparator.<Factor, Boolean>comparing(
          f -> !(f.exponent instanceof Constant))
      .thenComparing(f -> f.exponent instanceof Constant(double k) ? -k : 0.0)
      .thenComparing(f -> f.exponent.toString());

  private static final Comparator<Factor> FACTOR_ORDER = BASE_ORDER.thenComparing(EXPONENT_ORDER);

  /**
   * The order of the terms of a sum: factor by factor (base, then higher exponent first), and when one
   * term's factors begin the other's, the longer first; so constants come last:
   * {@code x^2 + x * y + x + y^2 + 1}.
   */
  static int compareTerms(Monomial a, Monomial b) {
    int common = Math.min(a.factors.size(), b.factors.size());
    for (int i = 0; i < common; i++) {
      int c = FACTOR_ORDER.compare(a.factors.get(i), b.factors.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(b.factors.size(), a.factors.size());
  }

  private static int rank(Expr base) {
    return switch (base) {
      case Variable _ -> 0;
      case FunctionCall _ -> 1;
      case Constant _ -> 3;
      default -> 2;
    };
  }

  // ------------------------------------------------------------------------------------ collection

  /** Accumulates the coefficient and, per base, the summed exponent of everything multiplied together. */
  private static final class Collector {
    /** A factor still to be read, raised to an integer power. */
    private record Raised(Expr factor, int power) { }

    private final Simplifier simplifier;
    private final Map<String, Factor> factors = new LinkedHashMap<>();
    private Coefficient coefficient = Coefficient.ONE;
    private boolean failed;

    Collector(Simplifier simplifier) {
      this.simplifier = simplifier;
    }

    /** Multiplies in e^n for an integer n; a loop over a stack, as products parse into deep chains. */
    void collect(Expr root, int power) {
      Deque<Raised> pending = new ArrayDeque<>(List.of(new Raised(root, power)));
      while (!pending.isEmpty()) {
        Raised item = pending.pop();
        int n = item.power;
        switch (item.factor) {
          case Multiplication(Expr left, Expr right) -> {
            pending.push(new Raised(right, n));
            pending.push(new Raised(left, n));
          }
          case Division(Expr left, Expr right) -> {
            pending.push(new Raised(right, -n));
            pending.push(new Raised(left, n));
          }
          case Negation(Expr operand) -> {
            coefficient = n % 2 == 0 ? coefficient : coefficient.negate();
            pending.push(new Raised(operand, n));
          }
          case Constant(double value) -> multiplyCoefficient(Coefficient.of(value), n);
          case Power(Expr base, Expr exponent) ->
              collectPower(simplifier.rewrite(base), simplifier.rewrite(exponent), n, pending);
          default -> {
            Expr simplified = simplifier.rewrite(item.factor);
            if (isProductLike(simplified)) {
              pending.push(new Raised(simplified, n));
            } else {
              addFactor(simplified, new Constant(n));
            }
          }
        }
      }
    }

    private void collectPower(Expr base, Expr exponent, int n, Deque<Raised> pending) {
      if (exponent instanceof Constant(double k) && k == Math.rint(k) && Math.abs(k * n) <= MAX_EXPANDED_POWER
          && isProductLike(base)) {
        // (u·v)^k = u^k·v^k and (u^a)^k = u^(a·k) hold for integer k wherever the left side is defined.
        pending.push(new Raised(base, (int) k * n));
      } else if (!(base instanceof Constant(double b) && b == 1)) {
        addFactor(base, scale(exponent, n));
      }
    }

    private void multiplyCoefficient(Coefficient c, int n) {
      if (c.isZero() && n < 0) {
        failed = true;
      } else {
        coefficient = coefficient.times(c.power(n));
      }
    }

    private Expr scale(Expr exponent, int n) {
      if (n == 1) {
        return exponent;
      }
      return exponent instanceof Constant(double k) ? new Constant(k * n)
          : simplifier.rewrite(new Multiplication(new Constant(n), exponent));
    }

    private void addFactor(Expr base, Expr exponent) {
      factors.merge(base.toString(), new Factor(base, exponent), (old, added) -> new Factor(old.key, old.base,
          old.exponent instanceof Constant(double a) && added.exponent instanceof Constant(double b)
              ? new Constant(a + b)
              : simplifier.rewrite(new Addition(old.exponent, added.exponent))));
    }

    Optional<Monomial> finish() {
      List<Factor> kept = new ArrayList<>();
      for (Factor f : factors.values()) {
        boolean integerPower = f.exponent instanceof Constant(double k) && k == Math.rint(k)
            && Math.abs(k) <= MAX_EXPANDED_POWER;
        if (f.exponent instanceof Constant(double k) && k == 0) {
          continue; // u^0 = 1 for every double u, NaN included (Math.pow's rule)
        } else if (f.base instanceof Constant(double b) && integerPower) {
          multiplyCoefficient(Coefficient.of(b), (int) ((Constant) f.exponent).value());
        } else {
          kept.add(f);
        }
      }
      if (failed || !coefficient.isFinite()) {
        return Optional.empty();
      }
      if (coefficient.isZero()) {
        return Optional.of(new Monomial(Coefficient.ZERO, List.of())); // 0 · anything, taken as 0
      }
      kept.sort(BASE_ORDER);
      return Optional.of(new Monomial(coefficient, kept));
    }

    private static boolean isProductLike(Expr e) {
      return e instanceof Multiplication || e instanceof Division || e instanceof Negation || e instanceof Power
          || e instanceof Constant;
    }
  }
}
