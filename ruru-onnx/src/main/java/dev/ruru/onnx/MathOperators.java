package dev.ruru.onnx;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * The hyperbolic and inverse-hyperbolic functions composed of exp, log and sqrt (so they have gradients),
 * tan as sin/cos, and the piecewise-constant ones (Floor, Ceil, Round, Mod, IsNaN, IsInf), which are
 * constants: their derivative is zero almost everywhere.
 */
final class MathOperators {
  private MathOperators() {}

  static void register(Map<String, Operator> table) {
    unary(table, "Sinh", x -> x.exp().sub(x.neg().exp()).mul(0.5));
    unary(table, "Cosh", x -> x.exp().add(x.neg().exp()).mul(0.5));
    unary(table, "Tan", x -> x.sin().div(x.cos()));
    unary(table, "Asinh", x -> x.add(x.mul(x).add(1).sqrt()).log());
    unary(table, "Acosh", x -> x.add(x.mul(x).sub(1).sqrt()).log());
    unary(table, "Atanh", x -> x.add(1).div(x.neg().add(1)).log().mul(0.5));
    elementwise(table, "Floor", Math::floor);
    elementwise(table, "Ceil", Math::ceil);
    elementwise(table, "Round", Math::rint);
    table.put("IsNaN", call -> List.of(Tensor.constant(call.input(0).value().ne(call.input(0).value()))));
    table.put("IsInf", call -> {
      NDArray x = call.input(0).value().astype(DType.FLOAT64);
      boolean positive = call.intAttribute("detect_positive", 1) != 0;
      boolean negative = call.intAttribute("detect_negative", 1) != 0;
      NDArray up = positive ? x.eq(Double.POSITIVE_INFINITY) : NDArray.zeros(x.shape(), DType.BOOL);
      NDArray down = negative ? x.eq(Double.NEGATIVE_INFINITY) : NDArray.zeros(x.shape(), DType.BOOL);
      return List.of(Tensor.constant(up.astype(DType.INT32).add(down.astype(DType.INT32)).gt(0)));
    });
    table.put("Mod", MathOperators::mod);
  }

  private static void unary(Map<String, Operator> table, String name, UnaryOperator<Tensor> function) {
    table.put(name, call -> List.of(function.apply(call.input(0))));
  }

  private static void elementwise(Map<String, Operator> table, String name, DoubleUnaryOperator function) {
    table.put(name, call -> {
      NDArray x = call.input(0).value();
      double[] values = x.toDoubleArray();
      for (int i = 0; i < values.length; i++) {
        values[i] = function.applyAsDouble(values[i]);
      }
      return List.of(Tensor.constant(NDArray.of(values, values.length).reshape(x.shape()).astype(x.dtype())));
    });
  }

  /** fmod = 1: C's fmod (the sign of the dividend); fmod = 0: Python's % on integers (the sign of the divisor). */
  private static List<Tensor> mod(NodeCall call) {
    NDArray a = call.input(0).value();
    NDArray b = call.input(1).value();
    dev.ruru.array.Shape shape = dev.ruru.array.Shape.broadcast("Mod", a.shape(), b.shape());
    double[] x = a.broadcastTo(shape).toDoubleArray();
    double[] y = b.broadcastTo(shape).toDoubleArray();
    boolean fmod = call.intAttribute("fmod", 0) != 0;
    if (!fmod && a.dtype().isFloating()) {
      throw call.error("fmod 0 on floating-point inputs", "ONNX requires fmod 1 for them");
    }
    for (int i = 0; i < x.length; i++) {
      double remainder = x[i] % y[i];
      x[i] = !fmod && remainder != 0 && (remainder < 0) != (y[i] < 0) ? remainder + y[i] : remainder;
    }
    return List.of(Tensor.constant(NDArray.of(x, x.length).reshape(shape).astype(DType.promote(a.dtype(), b.dtype()))));
  }
}
