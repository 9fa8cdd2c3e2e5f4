package dev.ruru.symbolic;

import dev.ruru.symbolic.Expr.Constant;
import dev.ruru.symbolic.Expr.FunctionCall;
import dev.ruru.symbolic.Expr.Variable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code equals} and {@code hashCode} for expression trees, without recursion. The records' generated
 * methods recurse through every level (and several frames per level), so comparing two 1,000-level
 * trees, as the simplifier does to detect its fixed point, would overflow the stack.
 */
final class StructuralEquality {
  private StructuralEquality() {
  }

  /** Whether {@code other} is an expression with the same structure, names, functions and constants. */
  static boolean equal(Expr expression, Object other) {
    if (!(other instanceof Expr second)) {
      return false;
    }
    // Derivatives share sub-trees: remembering which node each was compared with (the first partner is
    // enough in practice) keeps the walk from repeating a shared sub-tree once per path to it.
    Map<Expr, Expr> comparedWith = new IdentityHashMap<>();
    Deque<Expr[]> pairs = new ArrayDeque<>();
    pairs.push(new Expr[] {expression, second});
    while (!pairs.isEmpty()) {
      Expr[] pair = pairs.pop();
      Expr a = pair[0];
      Expr b = pair[1];
      if (a == b || comparedWith.putIfAbsent(a, b) == b) {
        continue;
      }
      if (a.getClass() != b.getClass() || !sameLabel(a, b)) {
        return false;
      }
      List<Expr> left = a.operands();
      List<Expr> right = b.operands();
      for (int i = 0; i < left.size(); i++) {
        pairs.push(new Expr[] {left.get(i), right.get(i)});
      }
    }
    return true;
  }

  /** Each node's label combined with its operands' hashes, bottom-up; shared sub-trees are hashed once. */
  static int hash(Expr expression) {
    return PostOrder.<Integer>fold(expression, (node, operandHashes) -> {
      int hash = label(node);
      for (int operandHash : operandHashes) {
        hash = 31 * hash + operandHash;
      }
      return hash;
    });
  }

  private static boolean sameLabel(Expr a, Expr b) {
    return switch (a) {
      case Variable _, Constant _ -> a.equals(b); // leaves keep the records' own equals
      case FunctionCall(ElementaryFunction function, var _) -> function == ((FunctionCall) b).function();
      default -> true;
    };
  }

  private static int label(Expr e) {
    return switch (e) {
      case Variable _, Constant _ -> e.hashCode();
      case FunctionCall(ElementaryFunction function, var _) ->
          31 * e.getClass().getSimpleName().hashCode() + function.ordinal();
      default -> e.getClass().getSimpleName().hashCode();
    };
  }
}
