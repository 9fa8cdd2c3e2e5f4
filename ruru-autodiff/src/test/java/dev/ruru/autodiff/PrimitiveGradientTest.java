package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every primitive and composite, reverse and forward mode, against central differences in float64;
 * inputs are kept off kinks and ties (|x| ≥ 0.1, positive where a log or root needs it).
 */
class PrimitiveGradientTest {
  private static NDArray random(long seed, int... shape) {
    NDArray x = NDArray.uniform(Shape.of(shape), 0.2, 1.5, DType.FLOAT64, new SplittableRandom(seed));
    NDArray signs = NDArray.uniform(Shape.of(shape), -1, 1, DType.FLOAT64, new SplittableRandom(seed + 100)).sign();
    return x.mul(signs);
  }

  private static NDArray positive(long seed, int... shape) {
    return NDArray.uniform(Shape.of(shape), 0.3, 2, DType.FLOAT64, new SplittableRandom(seed));
  }

  private static Arguments unary(String name, TensorFunction f, NDArray x) {
    return Arguments.of(name, f, new NDArray[] {x});
  }

  private static Arguments binary(String name, TensorFunction f, NDArray x, NDArray y) {
    return Arguments.of(name, f, new NDArray[] {x, y});
  }

  static Stream<Arguments> functions() {
    NDArray a = random(1, 3, 4);
    NDArray b = random(2, 3, 4);
    NDArray row = random(3, 4);
    NDArray column = random(4, 3, 1);
    NDArray p = positive(5, 3, 4);
    NDArray transposed = random(6, 4, 3).transpose();
    NDArray stepped = random(7, 3, 8).index(":, ::2");
    return Stream.of(
        binary("add", x -> x[0].add(x[1]), a, b),
        binary("add broadcast row", x -> x[0].add(x[1]), a, row),
        binary("add broadcast column and row", x -> x[0].add(x[1]), column, row),
        binary("sub", x -> x[0].sub(x[1]), a, b),
        binary("mul broadcast", x -> x[0].mul(x[1]), a, column),
        binary("mul transposed view", x -> x[0].mul(x[1]), a, transposed),
        binary("div", x -> x[0].div(x[1]), a, p),
        binary("pow both", x -> x[0].pow(x[1]), p, b),
        binary("maximum", x -> x[0].maximum(x[1]), a, b),
        binary("minimum", x -> x[0].minimum(x[1]), a, b),
        binary("matmul 2-D", x -> x[0].matmul(x[1]), a, random(8, 4, 2)),
        binary("linear", x -> x[0].linear(x[1]), a, random(10, 5, 4)),
        Arguments.of("linear with bias", (TensorFunction) x -> x[0].linear(x[1], x[2]), new NDArray[] {a, random(11, 5, 4), random(12, 5)}),
        Arguments.of("linearRelu", (TensorFunction) x -> x[0].linearRelu(x[1], x[2]), new NDArray[] {a, random(13, 5, 4), random(14, 5)}),
        binary("matmul vector-matrix", x -> x[0].matmul(x[1]), row, random(9, 4, 3)),
        binary("matmul matrix-vector", x -> x[0].matmul(x[1]), a, row),
        binary("matmul vector-vector", x -> x[0].matmul(x[1]), row, random(10, 4)),
        binary("matmul batched broadcast", x -> x[0].matmul(x[1]), random(11, 2, 1, 3, 4), random(12, 5, 4, 2)),
        binary("matmul transposed operand", x -> x[0].matmul(x[1]), transposed.transpose(), transposed),
        unary("neg", x -> x[0].neg(), a),
        unary("reciprocal", x -> x[0].reciprocal(), a),
        unary("exp", x -> x[0].exp(), a),
        unary("log", x -> x[0].log(), p),
        unary("sqrt", x -> x[0].sqrt(), p),
        unary("pow constant", x -> x[0].pow(3), a),
        unary("abs", x -> x[0].abs(), a),
        unary("sin", x -> x[0].sin(), a),
        unary("cos", x -> x[0].cos(), a),
        unary("tanh", x -> x[0].tanh(), a),
        unary("sigmoid", x -> x[0].sigmoid(), a),
        unary("relu", x -> x[0].relu(), a),
        unary("maximum with zero (relu's oracle)", x -> x[0].maximum(Tensor.scalar(0, DType.FLOAT64)), a),
        unary("stepped view", x -> x[0].exp(), stepped),
        unary("sum all", x -> x[0].sum(), a),
        unary("sum axis keep", x -> x[0].sum(1, Dims.KEEP), a),
        unary("sum axes", x -> x[0].sum(new int[] {0, 2}, Dims.DROP), random(13, 2, 3, 4)),
        unary("mean axis", x -> x[0].mean(0, Dims.DROP), a),
        unary("max axis", x -> x[0].max(1, Dims.DROP), a),
        unary("max all", x -> x[0].max(), a),
        unary("reshape", x -> x[0].reshape(4, 3).mul(x[0].reshape(4, 3)), a),
        unary("permute", x -> x[0].permute(2, 0, 1).exp(), random(14, 2, 3, 4)),
        unary("transpose", x -> x[0].transpose().matmul(x[0]), a),
        unary("broadcastTo", x -> x[0].broadcastTo(Shape.of(2, 3, 4)).sin(), row),
        unary("slice", x -> x[0].slice(1, 1, 4, 2).exp(), a),
        unary("pad", x -> x[0].pad(new int[][] {{1, 0}, {2, 1}}).exp(), a),
        unary("concat", x -> Tensor.concat(List.of(x[0], x[0].exp()), 1), a),
        unary("gather", x -> x[0].gather(1, NDArray.of(new long[] {0, 3, 3, 1, 2, 2}, 3, 2)), a),
        unary("logSoftmax", x -> x[0].logSoftmax(1), a),
        unary("softmax", x -> x[0].softmax(0), a),
        unary("softmaxCrossEntropy one-hot", x -> x[0].softmaxCrossEntropy(NDArray.of(new double[] {0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1}, 3, 4)), a),
        unary("softmaxCrossEntropy soft targets", x -> x[0].softmaxCrossEntropy(positive(20, 3, 4)), a),
        unary("binaryCrossEntropyWithLogits", x -> BinaryCrossEntropy.withLogits(x[0], positive(21, 3, 4).div(2)), a),
        unary("binaryCrossEntropyWithLogits large logits, transposed", x -> BinaryCrossEntropy.withLogits(x[0].mul(15), positive(22, 4, 3).div(2).transpose()),
            transposed),
        unary("binaryCrossEntropyWithLogitsSummed", x -> BinaryCrossEntropy.withLogitsSummed(x[0], positive(24, 3, 4).div(2)), a),
        unary("binaryCrossEntropyWithLogitsSummed large logits, transposed",
            x -> BinaryCrossEntropy.withLogitsSummed(x[0].mul(15), positive(25, 4, 3).div(2).transpose()), transposed),
        unary("leakyRelu", x -> LeakyRelu.apply(x[0], 0.2), a),
        unary("leakyRelu transposed view", x -> LeakyRelu.apply(x[0], 0.01), transposed),
        binary("mulLeakyStep", x -> Tensor.apply(new MulLeakyStepRule(0.3), x[0], x[1]), a, b),
        binary("mulTanhSlope", x -> Tensor.apply(new MulSlopeRule(MulSlopeRule.Slope.TANH), x[0], x[1]), a, b),
        binary("mulSigmoidSlope", x -> Tensor.apply(new MulSlopeRule(MulSlopeRule.Slope.SIGMOID), x[0], x[1]), a, b),
        unary("sigmoid transposed view", x -> x[0].sigmoid(), transposed),
        unary("gatedTanh", x -> GatedTanh.apply(x[0]), a),
        unary("gatedTanh of a transposed view", x -> GatedTanh.apply(x[0].reshape(2, 2, 3)), transposed),
        binary("gatedTanhSlope", x -> Tensor.apply(new GatedTanhSlopeRule(), x[0], x[1].reshape(3, 4, 1)), random(30, 3, 2, 1), a),
        binary("mulSigmoidResidual", x -> Tensor.apply(new MulSigmoidResidualRule(positive(23, 3, 4).div(2)), x[0], x[1]), a, b),
        unary("where", x -> Tensor.where(x[0].gt(Tensor.scalar(0, DType.FLOAT64)), x[0].exp(), x[0].mul(x[0])), a),
        unary("fan-out", x -> x[0].mul(x[0]).add(x[0].sin().mul(x[0])), a),
        unary("diamond", x -> {
          Tensor shared = x[0].tanh();
          return shared.exp().mul(shared.sin());
        }, a));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void reverseModeMatchesFiniteDifferences(String name, TensorFunction f, NDArray[] inputs) {
    GradCheck.assertVjpMatches(f, inputs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void forwardModeMatchesFiniteDifferences(String name, TensorFunction f, NDArray[] inputs) {
    GradCheck.assertJvpMatches(f, inputs);
  }

  /** ⟨t, vjp(c)⟩ = ⟨jvp(t), c⟩: the two modes compute transposes of one linear map. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void forwardAndReverseAreTransposes(String name, TensorFunction f, NDArray[] inputs) {
    SplittableRandom rng = new SplittableRandom(3);
    NDArray[] tangents = new NDArray[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      tangents[i] = NDArray.normal(inputs[i].shape(), 0, 1, DType.FLOAT64, rng);
    }
    Autodiff.ValueAndTangent forward = Autodiff.jvp(f, inputs, tangents);
    NDArray cotangent = NDArray.normal(forward.value().shape(), 0, 1, DType.FLOAT64, rng);
    NDArray[] pulled = Autodiff.vjp(f, inputs, cotangent);
    double left = 0;
    for (int i = 0; i < inputs.length; i++) {
      left += tangents[i].mul(pulled[i]).sum().item();
    }
    double right = forward.tangent().mul(cotangent).sum().item();
    assertEquals(right, left, 1e-10 * Math.max(1, Math.abs(right)), name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void gradCheckReportPasses(String name, TensorFunction f, NDArray[] inputs) {
    GradCheck.Report report = GradCheck.check(f, inputs);
    assertTrue(report.passes(), name + "\n" + report);
  }
}
