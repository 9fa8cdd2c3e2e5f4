package dev.ruru.symbolic;

import dev.ruru.array.DType;
import dev.ruru.autodiff.Tensor;
import dev.ruru.autodiff.TensorFunction;
import dev.ruru.symbolic.Expr.Addition;
import dev.ruru.symbolic.Expr.Constant;
import dev.ruru.symbolic.Expr.Division;
import dev.ruru.symbolic.Expr.FunctionCall;
import dev.ruru.symbolic.Expr.Multiplication;
import dev.ruru.symbolic.Expr.Negation;
import dev.ruru.symbolic.Expr.Power;
import dev.ruru.symbolic.Expr.Subtraction;
import dev.ruru.symbolic.Expr.Variable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Turns an expression into a {@link TensorFunction}: each node becomes the {@link Tensor} operation of
 * the same name, so the tensor graph mirrors the expression tree and reverse, forward and numeric
 * differentiation all apply to it. A variable used several times is one input tensor used several
 * times, so its gradient is accumulated over the uses (fan-out), exactly like the symbolic product rule.
 */
final class TensorConversion {
  private TensorConversion() {
  }

  static TensorFunction of(Expr expression, List<String> variables) {
    List<String> names = List.copyOf(variables);
    Set<String> distinct = new HashSet<>(names);
    if (distinct.size() != names.size()) {
      throw new IllegalArgumentException("toTensorFunction: variables must be distinct; got " + names);
    }
    SortedSet<String> missing = new TreeSet<>(expression.variables());
    missing.removeAll(distinct);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("toTensorFunction: the expression uses " + missing
          + " but the variables given are " + names + "; expression: " + expression);
    }
    return inputs -> {
      if (inputs.length != names.size()) {
        throw new IllegalArgumentException("toTensorFunction: expected " + names.size() + " inputs " + names
            + " but got " + inputs.length + " for " + expression);
      }
      Map<String, Tensor> bound = new HashMap<>();
      for (int i = 0; i < inputs.length; i++) {
        // Constants take the inputs' dtype; in an integer dtype 0.5 would silently become 0.
        if (!inputs[i].dtype().isFloating()) {
          throw new IllegalArgumentException("toTensorFunction: input " + i + " ('" + names.get(i) + "') is "
              + inputs[i].dtype().numpyName() + "; expressions take float32 or float64 tensors (use astype)");
        }
        bound.put(names.get(i), inputs[i]);
      }
      DType dtype = inputs.length > 0 ? inputs[0].dtype() : DType.FLOAT64;
      return convert(expression, bound, dtype);
    };
  }

  /** Bottom-up (see {@link PostOrder}), so any depth converts; a shared sub-tree becomes one tensor. */
  private static Tensor convert(Expr e, Map<String, Tensor> inputs, DType dtype) {
    return PostOrder.<Tensor>fold(e, (node, t) -> switch (node) {
      case Variable(String name) -> inputs.get(name);
      case Constant(double value) -> Tensor.scalar(value, dtype);
      case Addition _ -> t.get(0).add(t.get(1));
      case Subtraction _ -> t.get(0).sub(t.get(1));
      case Multiplication _ -> t.get(0).mul(t.get(1));
      case Division _ -> t.get(0).div(t.get(1));
      case Power _ -> t.get(0).pow(t.get(1));
      case Negation _ -> t.get(0).neg();
      case FunctionCall(ElementaryFunction function, var _) -> switch (function) {
        case EXP -> t.get(0).exp();
        case LOG -> t.get(0).log();
        case SIN -> t.get(0).sin();
        case COS -> t.get(0).cos();
        case TANH -> t.get(0).tanh();
        case SIGMOID -> t.get(0).sigmoid();
      };
    });
  }
}
