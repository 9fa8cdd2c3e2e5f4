package dev.ruru.symbolic;

import dev.ruru.symbolic.Expr.Constant;
import dev.ruru.symbolic.Expr.Division;

/**
 * The numeric factor of a term during simplification: an exact fraction p/q (q &gt; 0, lowest terms)
 * while numerator and denominator are integers below 2^53, where doubles count exactly; otherwise a
 * plain double (q = 1). Fractions keep {@code x / 3 + x / 3} as {@code 2 * x / 3} rather than
 * {@code 0.6666666666666666 * x}.
 */
record Coefficient(double numerator, double denominator) {
  static final Coefficient ZERO = new Coefficient(0, 1);
  static final Coefficient ONE = new Coefficient(1, 1);
  private static final double EXACT_LIMIT = 0x1p53;

  static Coefficient of(double value) {
    return fraction(value, 1);
  }

  /** p/q reduced when both are exact integers, else their double quotient. */
  static Coefficient fraction(double p, double q) {
    if (q < 0) {
      p = -p;
      q = -q;
    }
    if (isExactInteger(p) && isExactInteger(q) && q != 0) {
      long gcd = gcd(Math.abs((long) p), (long) q);
      return gcd <= 1 ? new Coefficient(p + 0.0, q) : new Coefficient((long) p / gcd + 0.0, (long) q / gcd);
    }
    return new Coefficient(p / q + 0.0, 1);
  }

  double value() {
    return numerator / denominator;
  }

  boolean isFinite() {
    return Double.isFinite(value());
  }

  boolean isZero() {
    return numerator == 0;
  }

  boolean isOne() {
    return numerator == 1 && denominator == 1;
  }

  boolean isNegative() {
    return numerator < 0;
  }

  boolean isInteger() {
    return denominator == 1 && isExactInteger(numerator);
  }

  Coefficient negate() {
    return new Coefficient(-numerator + 0.0, denominator);
  }

  Coefficient abs() {
    return isNegative() ? negate() : this;
  }

  Coefficient times(Coefficient other) {
    return fraction(numerator * other.numerator, denominator * other.denominator);
  }

  /** 1 / this; the caller checks {@link #isZero()} first. */
  Coefficient reciprocal() {
    return fraction(denominator, numerator);
  }

  Coefficient plus(Coefficient other) {
    double left = numerator * other.denominator;
    double right = other.numerator * denominator;
    if (Math.abs(left) >= EXACT_LIMIT || Math.abs(right) >= EXACT_LIMIT) {
      return of(value() + other.value());
    }
    return fraction(left + right, denominator * other.denominator);
  }

  /** this^n for an integer n (|n| small); the caller checks that a zero base has n ≥ 0. */
  Coefficient power(int n) {
    Coefficient result = ONE;
    Coefficient factor = n < 0 ? reciprocal() : this;
    for (int i = 0; i < Math.abs(n); i++) {
      result = result.times(factor);
    }
    return result;
  }

  /** As an expression: a constant, or {@code p / q} for a fraction. */
  Expr toExpr() {
    Constant top = new Constant(numerator);
    return denominator == 1 ? top : new Division(top, new Constant(denominator));
  }

  private static boolean isExactInteger(double v) {
    return v == Math.rint(v) && Math.abs(v) < EXACT_LIMIT;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
