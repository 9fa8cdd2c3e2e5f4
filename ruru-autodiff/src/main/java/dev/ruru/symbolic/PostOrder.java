package dev.ruru.symbolic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The one walk over a tree that evaluation, differentiation and tensor conversion share: operands
 * before the node that uses them, with explicit stacks rather than recursion. A parsed sum of 5,000
 * terms is a tree 5,000 levels deep, and recursion would walk it on the thread's (small, fixed) stack.
 * A sub-tree shared by several parents, as derivatives produce, is folded once.
 */
final class PostOrder {
  /** A node whose {@code arity} operand results are the last ones on the result stack. */
  private record Ready(Expr node, int arity) { }

  private PostOrder() {
  }

  /**
   * {@code combine(node, results of its operands)} applied bottom-up; the result for the root.
   * {@code combine} must not return null.
   */
  static <R> R fold(Expr root, BiFunction<Expr, List<R>, R> combine) {
    Map<Expr, R> memo = new IdentityHashMap<>();
    Deque<Object> work = new ArrayDeque<>();
    List<R> results = new ArrayList<>();
    work.push(root);
    while (!work.isEmpty()) {
      Object item = work.pop();
      if (item instanceof Ready(Expr node, int arity)) {
        List<R> operands = results.subList(results.size() - arity, results.size());
        R result = combine.apply(node, List.copyOf(operands));
        operands.clear();
        results.add(result);
        memo.put(node, result);
      } else if (memo.containsKey(item)) {
        results.add(memo.get(item));
      } else {
        Expr e = (Expr) item;
        List<Expr> operands = e.operands();
        work.push(new Ready(e, operands.size()));
        for (int i = operands.size() - 1; i >= 0; i--) {
          work.push(operands.get(i));
        }
      }
    }
    return results.getFirst();
  }
}
