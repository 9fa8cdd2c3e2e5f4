package dev.ruru.onnx;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/** Comparisons, logic and Where: masks are constants, so gradients flow only through Where's branches. */
final class ComparisonOperators {
  private ComparisonOperators() {}

  static void register(Map<String, Operator> table) {
    compare(table, "Equal", NDArray::eq);
    compare(table, "Less", NDArray::lt);
    compare(table, "Greater", NDArray::gt);
    compare(table, "LessOrEqual", NDArray::le);
    compare(table, "GreaterOrEqual", NDArray::ge);
    table.put("Not", call -> List.of(Tensor.constant(call.input(0).value().eq(0))));
    logic(table, "And", (a, b) -> a.astype(DType.INT32).mul(b.astype(DType.INT32)).gt(0));
    logic(table, "Or", (a, b) -> a.astype(DType.INT32).add(b.astype(DType.INT32)).gt(0));
    logic(table, "Xor", (a, b) -> a.ne(b));
    table.put("Where", call -> List.of(Tensor.where(call.input(0), call.input(1), call.input(2))));
  }

  private static void compare(Map<String, Operator> table, String name, BinaryOperator<NDArray> comparison) {
    table.put(name, call -> {
      NDArray a = call.input(0).value();
      NDArray b = call.input(1).value();
      DType common = DType.promote(a.dtype(), b.dtype());
      return List.of(Tensor.constant(comparison.apply(a.astype(common), b.astype(common))));
    });
  }

  private static void logic(Map<String, Operator> table, String name, BinaryOperator<NDArray> operation) {
    table.put(name, call -> List.of(Tensor.constant(operation.apply(call.input(0).value(), call.input(1).value()))));
  }
}
