package dev.ruru.symbolic;

import dev.ruru.symbolic.Expr.Addition;
import dev.ruru.symbolic.Expr.Constant;
import dev.ruru.symbolic.Expr.Division;
import dev.ruru.symbolic.Expr.FunctionCall;
import dev.ruru.symbolic.Expr.Multiplication;
import dev.ruru.symbolic.Expr.Negation;
import dev.ruru.symbolic.Expr.Power;
import dev.ruru.symbolic.Expr.Subtraction;
import dev.ruru.symbolic.Expr.Variable;

/**
 * Differentiation by the rules of calculus, one case per node:
 * <pre>
 * (u ± v)' = u' ± v'          (u·v)' = u'·v + u·v'          (u / v)' = (u'·v − u·v') / v²
 * (u^c)'   = c·u^(c−1)·u'     (c^v)' = c^v·log(c)·v'        (u^v)' = v·u^(v−1)·u' + u^v·log(u)·v'
 * exp(u)'  = exp(u)·u'        log(u)' = (1 / u)·u'        sin(u)' = cos(u)·u'      cos(u)' = −sin(u)·u'
 * tanh(u)' = (1 − tanh(u)²)·u'                              sigmoid(u)' = sigmoid(u)·(1 − sigmoid(u))·u'
 * </pre>
 * where c does not depend on the variable. Terms that are plainly zero or factors that are plainly one
 * are left out as the tree is built (a sub-expression that does not use the variable has derivative
 * exactly {@code 0}), so the result stays close to what one writes by hand; everything else is left to
 * {@link Simplifier}.
 */
final class SymbolicDerivative {
  private static final Constant ZERO = new Constant(0);
  private static final Constant ONE = new Constant(1);

  private SymbolicDerivative() {
  }

  /** Bottom-up (see {@link PostOrder}): each node's rule gets its operands and their derivatives. */
  static Expr differentiate(Expr e, String variable) {
    return PostOrder.<Expr>fold(e, (node, d) -> switch (node) {
      case Variable(String name) -> name.equals(variable) ? ONE : ZERO;
      case Constant _ -> ZERO;
      case Addition _ -> sum(d.get(0), d.get(1));
      case Subtraction _ -> difference(d.get(0), d.get(1));
      case Multiplication(Expr u, Expr v) -> sum(product(d.get(0), v), product(u, d.get(1)));
      case Division(Expr u, Expr v) -> quotientRule(u, v, d.get(0), d.get(1));
      case Negation _ -> negation(d.get(0));
      case Power(Expr u, Expr v) -> powerRule(u, v, d.get(0), d.get(1));
      case FunctionCall(ElementaryFunction function, Expr u) -> chainRule(node, function, u, d.get(0));
    });
  }

  private static Expr quotientRule(Expr u, Expr v, Expr du, Expr dv) {
    if (isZero(dv)) {
      return quotient(du, v);
    }
    return quotient(difference(product(du, v), product(u, dv)), new Power(v, new Constant(2)));
  }

  private static Expr powerRule(Expr u, Expr v, Expr du, Expr dv) {
    // v·u^(v−1)·u': with a constant exponent the log term vanishes and u may be negative.
    Expr byBase = isZero(du) ? ZERO : product(product(v, new Power(u, decrement(v))), du);
    Expr byExponent = isZero(dv) ? ZERO
        : product(product(new Power(u, v), new FunctionCall(ElementaryFunction.LOG, u)), dv);
    return sum(byBase, byExponent);
  }

  private static Expr chainRule(Expr call, ElementaryFunction function, Expr u, Expr du) {
    if (isZero(du)) {
      return ZERO;
    }
    Expr outer = switch (function) {
      case EXP -> call;
      case LOG -> new Division(ONE, u);
      case SIN -> new FunctionCall(ElementaryFunction.COS, u);
      case COS -> new Negation(new FunctionCall(ElementaryFunction.SIN, u));
      case TANH -> new Subtraction(ONE, new Power(call, new Constant(2)));
      case SIGMOID -> new Multiplication(call, new Subtraction(ONE, call));
    };
    return product(outer, du);
  }

  private static Expr decrement(Expr exponent) {
    return exponent instanceof Constant(double c) ? new Constant(c - 1) : new Subtraction(exponent, ONE);
  }

  private static boolean isZero(Expr e) {
    return e instanceof Constant(double c) && c == 0;
  }

  private static boolean isOne(Expr e) {
    return e instanceof Constant(double c) && c == 1;
  }

  private static Expr sum(Expr a, Expr b) {
    return isZero(a) ? b : isZero(b) ? a : new Addition(a, b);
  }

  private static Expr difference(Expr a, Expr b) {
    return isZero(b) ? a : isZero(a) ? negation(b) : new Subtraction(a, b);
  }

  private static Expr product(Expr a, Expr b) {
    if (isZero(a) || isZero(b)) {
      return ZERO;
    }
    return isOne(a) ? b : isOne(b) ? a : new Multiplication(a, b);
  }

  private static Expr quotient(Expr a, Expr b) {
    return isZero(a) ? ZERO : isOne(b) ? a : new Division(a, b);
  }

  private static Expr negation(Expr a) {
    return isZero(a) ? ZERO : new Negation(a);
  }
}
