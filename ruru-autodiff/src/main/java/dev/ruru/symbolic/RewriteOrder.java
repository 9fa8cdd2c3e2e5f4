package dev.ruru.symbolic;

import dev.ruru.symbolic.Expr.Addition;
import dev.ruru.symbolic.Expr.Constant;
import dev.ruru.symbolic.Expr.Division;
import dev.ruru.symbolic.Expr.FunctionCall;
import dev.ruru.symbolic.Expr.Multiplication;
import dev.ruru.symbolic.Expr.Negation;
import dev.ruru.symbolic.Expr.Power;
import dev.ruru.symbolic.Expr.Subtraction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which {@link Simplifier} rewrites a tree so that its own recursion stays shallow. The
 * simplifier reads a whole chain of additions (or of multiplications) in a loop, and calls itself only
 * where a chain meets something else: a product inside a sum, a sum inside a product, the base and
 * exponent of a power, the argument of a call. Those "group roots" are listed here deepest first;
 * rewriting them in that order means every recursive call finds its answer already remembered, so a
 * derivative that alternates sums and products 5,000 levels deep simplifies without overflowing.
 */
final class RewriteOrder {
  /** How the enclosing chain reads a node: as a term of a sum, a factor of a product, or on its own. */
  private enum Context { SUM, PRODUCT, ALONE }

  private record Visit(Expr node, Context context, boolean expanded) { }

  private RewriteOrder() {
  }

  /** The nodes the simplifier will rewrite as a whole, each after all such nodes below it; root last. */
  static List<Expr> groupRootsBottomUp(Expr root) {
    List<Expr> order = new ArrayList<>();
    Map<Expr, Set<Context>> seen = new IdentityHashMap<>(); // derivatives share sub-trees: visit each once
    Deque<Visit> stack = new ArrayDeque<>(List.of(new Visit(root, Context.ALONE, false)));
    while (!stack.isEmpty()) {
      Visit visit = stack.pop();
      boolean groupRoot = startsGroup(visit.node, visit.context);
      if (visit.expanded) {
        if (groupRoot) {
          order.add(visit.node);
        }
        continue;
      }
      if (!seen.computeIfAbsent(visit.node, n -> EnumSet.noneOf(Context.class)).add(visit.context)) {
        continue;
      }
      stack.push(new Visit(visit.node, visit.context, true));
      Context inner = operandContext(visit.node, groupRoot ? Context.ALONE : visit.context);
      for (Expr operand : visit.node.operands()) {
        stack.push(new Visit(operand, inner, false));
      }
    }
    return order;
  }

  /** Whether the simplifier calls itself on this node, rather than reading it as part of a chain. */
  private static boolean startsGroup(Expr node, Context context) {
    return switch (context) {
      case ALONE -> true;
      case SUM -> !(node instanceof Addition || node instanceof Subtraction || node instanceof Negation);
      case PRODUCT -> !(node instanceof Multiplication || node instanceof Division || node instanceof Negation
          || node instanceof Power || node instanceof Constant);
    };
  }

  /** How a node's operands are read, given how the node itself is read ({@code ALONE} when it starts a group). */
  private static Context operandContext(Expr node, Context context) {
    return switch (node) {
      case Power _, FunctionCall _ -> Context.ALONE; // base, exponent and argument are rewritten on their own
      case Addition _, Subtraction _ -> Context.SUM;
      case Multiplication _, Division _ -> Context.PRODUCT;
      case Negation _ -> context == Context.PRODUCT ? Context.PRODUCT : Context.SUM;
      default -> Context.ALONE;
    };
  }
}
