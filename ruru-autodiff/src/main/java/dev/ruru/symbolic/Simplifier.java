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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites an expression into canonical form, bottom-up. A sum is read as a list of terms, each a
 * {@link Monomial} (coefficient × factors); terms with equal factors are collected
 * ({@code 3 * x - x → 2 * x}), constants added, terms with coefficient 0 dropped and the rest ordered
 * canonically. Products, quotients and powers are read as one monomial, which folds constants and
 * collects powers. Function calls fold at the points where the value is exact ({@code exp(0) = 1},
 * {@code log(1) = 0}, ...) and cancel inverses ({@code log(exp(u)) = u}).
 *
 * <p>One pass can expose new opportunities to the next (a collected exponent may become 1), so passes
 * repeat until the tree stops changing, at most {@value #MAX_PASSES} times. Within a pass, every node
 * rewritten is remembered by identity with its result, and nodes are rewritten in {@link RewriteOrder},
 * so the recursion between sums, products and their parts stays a few calls deep at any tree depth.
 */
final class Simplifier {
  private static final int MAX_PASSES = 32;

  /** Every node rewritten in this pass, and every result (which rewrites to itself), by identity. */
  private final Map<Expr, Expr> rewritten = new IdentityHashMap<>();

  private Simplifier() {
  }

  static Expr simplify(Expr expression) {
    Expr current = expression;
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      Simplifier simplifier = new Simplifier();
      for (Expr groupRoot : RewriteOrder.groupRootsBottomUp(current)) {
        simplifier.rewrite(groupRoot);
      }
      Expr next = simplifier.rewrite(current);
      if (next.equals(current)) {
        return next;
      }
      current = next;
    }
    return current;
  }

  /** {@code e} in canonical form, its parts rewritten first. */
  Expr rewrite(Expr e) {
    Expr known = rewritten.get(e);
    if (known != null) {
      return known;
    }
    Expr result = switch (e) {
      case Variable _, Constant _ -> e;
      case Addition _, Subtraction _, Negation _ -> sum(e);
      case Multiplication _, Division _, Power _ ->
          Monomial.of(e, this).map(Monomial::toExpr).orElseGet(() -> asWritten(e));
      case FunctionCall(ElementaryFunction function, Expr argument) -> call(function, rewrite(argument));
    };
    rewritten.put(e, result);
    rewritten.putIfAbsent(result, result);
    return result;
  }

  /**
   * The node as written, with the parts already rewritten in this pass replaced by their results: for
   * sums and products whose constants cannot be folded ({@code x / 0}, {@code 1e300 * 1e300 * x}).
   */
  private Expr asWritten(Expr e) {
    return PostOrder.<Expr>fold(e, (node, parts) -> node != e && rewritten.containsKey(node) ? rewritten.get(node)
        : switch (node) {
          case Addition _ -> new Addition(parts.get(0), parts.get(1));
          case Subtraction _ -> new Subtraction(parts.get(0), parts.get(1));
          case Multiplication _ -> new Multiplication(parts.get(0), parts.get(1));
          case Division _ -> new Division(parts.get(0), parts.get(1));
          case Power _ -> new Power(parts.get(0), parts.get(1));
          case Negation _ -> new Negation(parts.get(0));
          case FunctionCall(ElementaryFunction function, var _) -> call(function, parts.get(0));
          case Variable _, Constant _ -> node;
        });
  }

  // ------------------------------------------------------------------------------------------- sums

  private Expr sum(Expr e) {
    Map<String, Monomial> terms = new LinkedHashMap<>();
    if (!collectTerms(e, terms)) {
      return asWritten(e);
    }
    List<Monomial> kept = new ArrayList<>();
    for (Monomial term : terms.values()) {
      if (!term.coefficient().isZero()) {
        kept.add(term);
      }
    }
    if (kept.isEmpty()) {
      return new Constant(0);
    }
    kept.sort(Monomial::compareTerms);
    // Lead with a positive term when there is one: "1 - x" reads better than "-x + 1".
    if (kept.getFirst().coefficient().isNegative()) {
      kept.stream().filter(t -> !t.coefficient().isNegative()).findFirst().ifPresent(t -> {
        kept.remove(t);
        kept.addFirst(t);
      });
    }
    Expr result = kept.getFirst().toExpr();
    for (Monomial term : kept.subList(1, kept.size())) {
      result = term.coefficient().isNegative()
          ? new Subtraction(result, term.withCoefficient(term.coefficient().negate()).toExpr())
          : new Addition(result, term.toExpr());
    }
    return result;
  }

  /** A term of a sum being read, and whether it is subtracted. */
  private record Signed(Expr term, boolean negated) { }

  /**
   * Adds the terms of the sum {@code root} into {@code terms}; false when a coefficient overflows, and
   * the sum must stay as written. A loop over a stack, not recursion: a parsed sum of n terms is n deep.
   */
  private boolean collectTerms(Expr root, Map<String, Monomial> terms) {
    Deque<Signed> pending = new ArrayDeque<>(List.of(new Signed(root, false)));
    while (!pending.isEmpty()) {
      Signed item = pending.pop();
      boolean negated = item.negated;
      switch (item.term) {
        case Addition(Expr left, Expr right) -> {
          pending.push(new Signed(right, negated));
          pending.push(new Signed(left, negated));
        }
        case Subtraction(Expr left, Expr right) -> {
          pending.push(new Signed(right, !negated));
          pending.push(new Signed(left, negated));
        }
        case Negation(Expr operand) -> pending.push(new Signed(operand, !negated));
        default -> {
          Expr simplified = rewrite(item.term);
          if (simplified instanceof Addition || simplified instanceof Subtraction || simplified instanceof Negation) {
            pending.push(new Signed(simplified, negated));
          } else if (!addTerm(simplified, negated, terms)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private boolean addTerm(Expr simplified, boolean negated, Map<String, Monomial> terms) {
    Monomial term = Monomial.of(simplified, this).orElseGet(() -> Monomial.opaque(simplified));
    Monomial signed = negated ? term.withCoefficient(term.coefficient().negate()) : term;
    Monomial merged = terms.merge(signed.key(), signed,
        (old, added) -> old.withCoefficient(old.coefficient().plus(added.coefficient())));
    return merged.coefficient().isFinite();
  }

  // --------------------------------------------------------------------------------- function calls

  private static Expr call(ElementaryFunction function, Expr argument) {
    boolean isLog = function == ElementaryFunction.LOG;
    if (argument instanceof Constant(double u) && (u == 0 && !isLog || u == 1 && isLog)) {
      // Only the points where the value is exact fold; exp(2) stays exp(2) rather than 7.38905609893065.
      return new Constant(function.apply(u));
    }
    if (isLog && argument instanceof FunctionCall(var inner, Expr u)
        && inner == ElementaryFunction.EXP) {
      return u;
    }
    if (function == ElementaryFunction.EXP && argument instanceof FunctionCall(var inner, Expr u)
        && inner == ElementaryFunction.LOG) {
      return u; // exp(log(u)) = u for u > 0, and for u ≤ 0 the left side is NaN or 0 (at u = 0: also u)
    }
    return new FunctionCall(function, argument);
  }
}
