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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded generator of random expressions over x, y and z, and of points to evaluate them at. Every
 * node kind appears; constants include negative ones (which print with a leading minus) and exponents
 * are mostly small integers or 1/2 so that many points are in the domain.
 */
final class RandomExpressions {
  static final List<String> VARIABLES = List.of("x", "y", "z");
  private static final double[] CONSTANTS = {1, 2, 3, 0.5, 1.5, -1, -2.5};
  private static final double[] EXPONENTS = {-2, -1, 0, 1, 2, 3, 0.5};

  private final SplittableRandom random;

  RandomExpressions(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** A random tree at most {@code depth} operators deep. */
  Expr next(int depth) {
    if (depth == 0 || random.nextDouble() < 0.2) {
      return leaf();
    }
    return switch (random.nextInt(8)) {
      case 0 -> new Addition(next(depth - 1), next(depth - 1));
      case 1 -> new Subtraction(next(depth - 1), next(depth - 1));
      case 2 -> new Multiplication(next(depth - 1), next(depth - 1));
      case 3 -> new Division(next(depth - 1), next(depth - 1));
      case 4 -> new Negation(next(depth - 1));
      case 5 -> new Power(next(depth - 1), exponent(depth - 1));
      default -> {
        ElementaryFunction[] functions = ElementaryFunction.values();
        yield new FunctionCall(functions[random.nextInt(functions.length)], next(depth - 1));
      }
    };
  }

  /** Mostly positive coordinates, where logarithms and fractional powers are defined. */
  Map<String, Double> point() {
    Map<String, Double> point = new LinkedHashMap<>();
    for (String name : VARIABLES) {
      double magnitude = 0.2 + 1.8 * random.nextDouble();
      point.put(name, random.nextDouble() < 0.75 ? magnitude : -magnitude);
    }
    return point;
  }

  private Expr leaf() {
    if (random.nextDouble() < 0.65) {
      return new Variable(VARIABLES.get(random.nextInt(VARIABLES.size())));
    }
    return new Constant(CONSTANTS[random.nextInt(CONSTANTS.length)]);
  }

  private Expr exponent(int depth) {
    return random.nextDouble() < 0.75 ? new Constant(EXPONENTS[random.nextInt(EXPONENTS.length)]) : next(depth);
  }

  /** Every node of the tree, root first. */
  static List<Expr> nodes(Expr root) {
    List<Expr> nodes = new ArrayList<>();
    Deque<Expr> pending = new ArrayDeque<>(List.of(root));
    while (!pending.isEmpty()) {
      Expr e = pending.pop();
      nodes.add(e);
      switch (e) {
        case Variable _, Constant _ -> { }
        case Addition(Expr l, Expr r) -> { pending.push(r); pending.push(l); }
        case Subtraction(Expr l, Expr r) -> { pending.push(r); pending.push(l); }
        case Multiplication(Expr l, Expr r) -> { pending.push(r); pending.push(l); }
        case Division(Expr l, Expr r) -> { pending.push(r); pending.push(l); }
        case Power(Expr l, Expr r) -> { pending.push(r); pending.push(l); }
        case Negation(Expr u) -> pending.push(u);
        case FunctionCall(var _, Expr u) -> pending.push(u);
      }
    }
    return nodes;
  }

  /**
   * Whether every sub-expression is finite and at most 10^4 in magnitude at the point. Then the function
   * is honestly defined there (x / (1 / 0) is 0 only thanks to IEEE infinities), and well conditioned
   * enough to compare two ways of computing it: cos(exp(40)) depends on the last bits of exp(40).
   */
  static boolean moderateThroughout(Expr root, Map<String, Double> point) {
    return nodes(root).stream().allMatch(e -> Math.abs(e.evaluate(point)) <= 1e4);
  }
}
