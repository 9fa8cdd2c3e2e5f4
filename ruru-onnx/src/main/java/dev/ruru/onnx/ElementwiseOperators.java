package dev.ruru.onnx;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Functional;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/** Elementwise ONNX operators: activations, arithmetic with NumPy broadcasting, comparisons, casts. */
final class ElementwiseOperators {
  private ElementwiseOperators() {}

  static void register(Map<String, Operator> table) {
    unary(table, "Relu", Tensor::relu);
    unary(table, "Tanh", Tensor::tanh);
    unary(table, "Sigmoid", Tensor::sigmoid);
    unary(table, "Exp", Tensor::exp);
    unary(table, "Log", Tensor::log);
    unary(table, "Neg", Tensor::neg);
    unary(table, "Abs", Tensor::abs);
    unary(table, "Sqrt", Tensor::sqrt);
    unary(table, "Reciprocal", Tensor::reciprocal);
    unary(table, "Sin", Tensor::sin);
    unary(table, "Cos", Tensor::cos);
    unary(table, "Softplus", Functional::softplus);
    unary(table, "Identity", x -> x);
    registerActivations(table);
    table.put("CastLike", call -> List.of(call.input(0).astype(call.input(1).dtype())));
    table.put("Dropout", ElementwiseOperators::dropout);
    table.put("Cast", ElementwiseOperators::cast);
    binary(table, "Add", Tensor::add);
    binary(table, "Sub", Tensor::sub);
    binary(table, "Mul", Tensor::mul);
    binary(table, "Div", ElementwiseOperators::divide);
    binary(table, "Pow", (base, exponent) -> base.pow(exponent.astype(base.dtype())));
    variadic(table, "Sum", Tensor::add);
    variadic(table, "Max", Tensor::maximum);
    variadic(table, "Min", Tensor::minimum);
    table.put("Mean", call -> List.of(fold(call, Tensor::add).div(call.inputCount())));
    ComparisonOperators.register(table);
  }

  /** The activations with settings, and the piecewise ones. */
  private static void registerActivations(Map<String, Operator> table) {
    table.put("LeakyRelu", call -> List.of(Functional.leakyRelu(call.input(0), call.floatAttribute("alpha", 0.01f))));
    table.put("Elu", call -> List.of(Functional.elu(call.input(0), call.floatAttribute("alpha", 1f))));
    table.put("Selu", ElementwiseOperators::selu);
    table.put("HardSigmoid", call -> List.of(call.input(0).mul(call.floatAttribute("alpha", 0.2f))
        .add(call.floatAttribute("beta", 0.5f)).maximum(scalar(call.input(0), 0)).minimum(scalar(call.input(0), 1))));
    table.put("Clip", ElementwiseOperators::clip);
    unary(table, "Softsign", x -> x.div(x.abs().add(1)));
    unary(table, "Sign", x -> Tensor.constant(x.value().sign()));
    table.put("HardSwish", call -> List.of(call.input(0).mul(call.input(0).div(6).add(0.5)
        .maximum(scalar(call.input(0), 0)).minimum(scalar(call.input(0), 1)))));
    table.put("ThresholdedRelu", call -> {
      Tensor x = call.input(0);
      return List.of(Tensor.where(Tensor.constant(x.value().gt(call.floatAttribute("alpha", 1f))), x, x.zerosLike()));
    });
    table.put("PRelu", call -> {
      Tensor x = call.input(0);
      return List.of(Tensor.where(Tensor.constant(x.value().gt(0)), x, x.mul(call.input(1))));
    });
  }

  private static void unary(Map<String, Operator> table, String name, UnaryOperator<Tensor> function) {
    table.put(name, call -> List.of(function.apply(call.input(0))));
  }

  private static void binary(Map<String, Operator> table, String name, BinaryOperator<Tensor> function) {
    table.put(name, call -> List.of(function.apply(call.input(0), call.input(1))));
  }

  private static void variadic(Map<String, Operator> table, String name, BinaryOperator<Tensor> function) {
    table.put(name, call -> List.of(fold(call, function)));
  }

  private static Tensor fold(NodeCall call, BinaryOperator<Tensor> function) {
    Tensor result = call.input(0);
    for (int i = 1; i < call.inputCount(); i++) {
      result = function.apply(result, call.input(i));
    }
    return result;
  }

  static Tensor scalar(Tensor like, double value) {
    return Tensor.scalar(value, like.dtype());
  }

  /** Integer division truncates (shape arithmetic: {@code batch * heads / 4}); floats divide as usual. */
  static Tensor divide(Tensor a, Tensor b) {
    if (a.dtype().isFloating() || b.dtype().isFloating()) {
      return a.div(b.astype(a.dtype().isFloating() ? a.dtype() : b.dtype()));
    }
    NDArray quotient = a.value().astype(DType.FLOAT64).div(b.value().astype(DType.FLOAT64));
    NDArray truncated = NDArray.where(quotient.lt(0), quotient.neg().astype(DType.INT64).neg(), quotient.astype(DType.INT64));
    return Tensor.constant(truncated.astype(a.dtype()));
  }

  /** γ·(x for x > 0, else α·(eˣ − 1)) (Klambauer et al., 2017), with ONNX's default α and γ. */
  private static List<Tensor> selu(NodeCall call) {
    double alpha = call.floatAttribute("alpha", 1.67326319217681884765625f);
    double gamma = call.floatAttribute("gamma", 1.05070102214813232421875f);
    return List.of(Functional.elu(call.input(0), alpha).mul(gamma));
  }

  /** min and max come as attributes before opset 11 and as optional inputs from then on. */
  private static List<Tensor> clip(NodeCall call) {
    Tensor x = call.input(0);
    Tensor low = call.opset() < 11 ? (call.has("min") ? scalar(x, call.floatAttribute("min", 0)) : null) : call.optionalInput(1);
    Tensor high = call.opset() < 11 ? (call.has("max") ? scalar(x, call.floatAttribute("max", 0)) : null) : call.optionalInput(2);
    if (low != null) {
      x = x.maximum(low.astype(x.dtype()));
    }
    if (high != null) {
      x = x.minimum(high.astype(x.dtype()));
    }
    return List.of(x);
  }

  /** Inference (and ONNX's default): the identity, with an all-true mask when the node asks for one. */
  private static List<Tensor> dropout(NodeCall call) {
    Tensor x = call.input(0);
    Tensor trainingMode = call.optionalInput(2);
    double ratio = call.optionalInput(1) == null ? call.floatAttribute("ratio", 0.5f) : call.input(1).item();
    if (trainingMode != null && trainingMode.item() != 0 && ratio > 0) {
      throw call.error("training_mode with ratio " + ratio + " is not supported", "Ruru imports dropout for inference");
    }
    return List.of(x, Tensor.constant(NDArray.ones(x.shape(), DType.BOOL)));
  }

  /**
   * Casts to float16 and bfloat16 round to those formats (Ruru keeps the values in float32): the rounding
   * is added as a constant, so gradients pass straight through.
   */
  private static List<Tensor> cast(NodeCall call) {
    Tensor y = call.input(0).astype(castTarget(call));
    int to = (int) call.intAttribute("to", 0);
    if (to != dev.ruru.onnx.proto.ElementType.FLOAT16 && to != dev.ruru.onnx.proto.ElementType.BFLOAT16) {
      return List.of(y);
    }
    float[] values = y.value().toFloatArray();
    for (int i = 0; i < values.length; i++) {
      values[i] = to == dev.ruru.onnx.proto.ElementType.FLOAT16 ? Float.float16ToFloat(Float.floatToFloat16(values[i])) : bfloat16(values[i]);
    }
    NDArray rounded = NDArray.of(values, values.length).reshape(y.shape());
    // Where nothing changes (infinities among them, whose difference would be NaN) the correction is 0.
    NDArray correction = NDArray.where(rounded.eq(y.value()), NDArray.zeros(y.shape(), y.dtype()), rounded.sub(y.value()));
    return List.of(y.add(Tensor.constant(correction)));
  }

  /** The top 16 bits of a float: truncated, as the ONNX 1.12 reference (and its node tests) cast to bfloat16. */
  private static float bfloat16(float value) {
    return Float.intBitsToFloat(Float.floatToRawIntBits(value) & 0xFFFF0000);
  }

  private static DType castTarget(NodeCall call) {
    int to = (int) call.intAttribute("to", 0);
    DType target = dev.ruru.onnx.proto.ElementType.dtype(to);
    if (target == null) {
      throw call.error("cannot cast to " + dev.ruru.onnx.proto.ElementType.name(to), "Ruru has float, int and bool tensors");
    }
    return target;
  }
}
