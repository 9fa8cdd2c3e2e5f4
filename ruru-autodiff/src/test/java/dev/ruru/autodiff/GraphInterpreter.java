package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.GraphProgram.Step;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BinaryOperator;

/**
 * Runs a {@link GraphProgram} with Ruru's Tensor operations: one case per op of make_graphs.py's
 * {@code run_op}, which gives each its PyTorch meaning. A number as an argument is a float64 scalar
 * constant; on the right of add, sub, mul, div and pow it goes through the {@code double} overloads.
 */
final class GraphInterpreter {
  /** Every op the programs may use. */
  static final Set<String> OPS = Set.of("add", "sub", "mul", "div", "pow", "maximum", "minimum", "matmul", "neg", "exp", "log",
      "sin", "cos", "tanh", "sigmoid", "relu", "abs", "sqrt", "sum", "mean", "max", "linear", "linearrelu", "reshape", "permute",
      "transpose", "broadcast", "slice", "pad", "concat", "softmax", "logsoftmax", "crossentropy", "gather", "where", "conv2d",
      "convtranspose2d", "maxpool2d", "avgpool2d");

  private GraphInterpreter() {}

  /** The program as a function of its inputs, in declaration order; constants are bound inside. */
  static TensorFunction function(GraphProgram graph) {
    List<String> names = List.copyOf(graph.inputs().keySet());
    return x -> {
      Map<String, Tensor> values = new HashMap<>();
      graph.constants().forEach((name, value) -> values.put(name, Tensor.constant(value)));
      for (int i = 0; i < x.length; i++) {
        values.put(names.get(i), x[i]);
      }
      for (Step step : graph.steps()) {
        values.put(step.target(), apply(step, values));
      }
      return values.get(graph.output());
    };
  }

  static Tensor apply(Step s, Map<String, Tensor> values) {
    List<String> args = s.arguments();
    Tensor a = operand(args.get(0), values);
    return switch (s.op()) {
      case "add" -> binary(args, values, Tensor::add, (x, c) -> x.add(c));
      case "sub" -> binary(args, values, Tensor::sub, (x, c) -> x.sub(c));
      case "mul" -> binary(args, values, Tensor::mul, (x, c) -> x.mul(c));
      case "div" -> binary(args, values, Tensor::div, (x, c) -> x.div(c));
      case "pow" -> binary(args, values, Tensor::pow, (x, c) -> x.pow(c));
      case "maximum" -> a.maximum(operand(args.get(1), values));
      case "minimum" -> a.minimum(operand(args.get(1), values));
      case "neg" -> a.neg();
      case "exp" -> a.exp();
      case "log" -> a.log();
      case "sin" -> a.sin();
      case "cos" -> a.cos();
      case "tanh" -> a.tanh();
      case "sigmoid" -> a.sigmoid();
      case "relu" -> a.relu();
      case "abs" -> a.abs();
      case "sqrt" -> a.sqrt();
      case "where" -> Tensor.where(a, operand(args.get(1), values), operand(args.get(2), values));
      default -> structural(s, a, values);
    };
  }

  /** Reductions, products, movement, normalisations and images. */
  private static Tensor structural(Step s, Tensor a, Map<String, Tensor> values) {
    List<String> args = s.arguments();
    Tensor b = args.size() > 1 ? operand(args.get(1), values) : null;
    return switch (s.op()) {
      case "sum", "mean", "max" -> reduce(s, a);
      case "matmul" -> a.matmul(b);
      case "linear" -> args.size() == 2 ? a.linear(b) : a.linear(b, operand(args.get(2), values));
      case "linearrelu" -> a.linearRelu(b, args.size() == 2 ? null : operand(args.get(2), values));
      case "reshape" -> a.reshape(s.integers("shape"));
      case "permute" -> a.permute(s.integers("axes"));
      case "transpose" -> a.transpose();
      case "broadcast" -> a.broadcastTo(Shape.of(s.integers("shape")));
      case "slice" -> slice(s, a);
      case "pad" -> a.pad(widths(s));
      case "concat" -> Tensor.concat(args.stream().map(name -> operand(name, values)).toList(), s.integer("axis"));
      case "softmax" -> a.softmax(s.integer("axis"));
      case "logsoftmax" -> a.logSoftmax(s.integer("axis"));
      case "crossentropy" -> a.softmaxCrossEntropy(b.value());
      case "gather" -> a.gather(s.integer("axis"), b.value());
      case "conv2d" -> Convolution.conv2d(a, b, convolution(s));
      case "convtranspose2d" -> Convolution.convTranspose2d(a, b, convolution(s), s.integers("outpadding")[0], s.integers("outpadding")[1]);
      case "maxpool2d" -> Convolution.maxPool2d(a, pool(s));
      case "avgpool2d" -> Convolution.avgPool2d(a, pool(s));
      default -> throw new IllegalArgumentException("graph program: unknown op " + s.op() + "; known: " + OPS);
    };
  }

  /** A tensor op, or the double overload when the right operand is a number. */
  private static Tensor binary(List<String> args, Map<String, Tensor> values, BinaryOperator<Tensor> op, WithScalar withScalar) {
    Tensor left = operand(args.get(0), values);
    String right = args.get(1);
    return values.containsKey(right) ? op.apply(left, values.get(right)) : withScalar.apply(left, Double.parseDouble(right));
  }

  private interface WithScalar {
    Tensor apply(Tensor x, double scalar);
  }

  private static Tensor operand(String token, Map<String, Tensor> values) {
    Tensor named = values.get(token);
    return named != null ? named : Tensor.scalar(Double.parseDouble(token), DType.FLOAT64);
  }

  private static Tensor reduce(Step s, Tensor a) {
    if (!s.has("axes")) {
      return switch (s.op()) {
        case "sum" -> a.sum();
        case "mean" -> a.mean();
        default -> a.max();
      };
    }
    int[] axes = s.integers("axes");
    Dims dims = s.integer("keep") == 1 ? Dims.KEEP : Dims.DROP;
    return switch (s.op()) {
      case "sum" -> a.sum(axes, dims);
      case "mean" -> a.mean(axes, dims);
      default -> a.max(axes, dims);
    };
  }

  private static Tensor slice(Step s, Tensor a) {
    int[] range = s.integers("range");
    return a.slice(range[0], range[1], range[2], range[3]);
  }

  /** {@code widths=b:e;b:e}: zero padding before and after each axis. */
  private static int[][] widths(Step s) {
    List<int[]> widths = new ArrayList<>();
    for (String pair : s.attributes().get("widths").split(";")) {
      String[] beforeAfter = pair.split(":");
      widths.add(new int[] {Integer.parseInt(beforeAfter[0]), Integer.parseInt(beforeAfter[1])});
    }
    return widths.toArray(int[][]::new);
  }

  private static Conv2dSpec convolution(Step s) {
    int[] stride = s.integers("stride");
    int[] padding = s.integers("padding");
    int[] dilation = s.integers("dilation");
    return Conv2dSpec.of(1, 0).withStride(stride[0], stride[1]).withPadding(padding[0], padding[0], padding[1], padding[1])
        .withDilation(dilation[0], dilation[1]).withGroups(s.integer("groups"));
  }

  private static Pool2dSpec pool(Step s) {
    return Pool2dSpec.of(s.integer("kernel"), s.integer("stride"), s.integer("padding"));
  }
}
