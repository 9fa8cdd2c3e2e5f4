package dev.ruru.symbolic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Tensor;
import dev.ruru.autodiff.TensorFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TensorConversionTest {
  private static final List<String> XYZ = RandomExpressions.VARIABLES;
  private static final int POINTS = 6;

  @Test void handCaseGivesTheValueAndBothModesOfGradient() {
    TensorFunction f = Expr.parse("x * sin(x) + y^2").toTensorFunction(List.of("x", "y"));
    Tensor x = Tensor.variable(NDArray.of(new double[] {1.5, 0.5}, 2));
    Tensor y = Tensor.variable(NDArray.of(new double[] {-2, 3}, 2));
    Tensor out = f.apply(x, y);
    assertArrayEquals(new double[] {1.5 * Math.sin(1.5) + 4, 0.5 * Math.sin(0.5) + 9}, out.value().toDoubleArray(), 1e-15);
    Gradients grads = out.sum().backward(List.of(x, y));
    assertArrayEquals(new double[] {Math.sin(1.5) + 1.5 * Math.cos(1.5), Math.sin(0.5) + 0.5 * Math.cos(0.5)},
        grads.get(x).toDoubleArray(), 1e-15);
    assertArrayEquals(new double[] {-4, 6}, grads.get(y).toDoubleArray(), 1e-15);
    Tensor dual = Tensor.dual(NDArray.of(new double[] {-2, 3}, 2), NDArray.of(new double[] {1, 1}, 2));
    Tensor forward = f.apply(Tensor.constant(x.value()), dual);
    assertArrayEquals(new double[] {-4, 6}, forward.tangent().value().toDoubleArray(), 1e-15);
  }

  @Test void constantsTakeTheDtypeOfTheFirstInput() {
    TensorFunction f = Expr.parse("2 * x + 0.5").toTensorFunction(List.of("x"));
    Tensor out = f.apply(Tensor.constant(NDArray.of(new float[] {1, 2}, 2)));
    assertEquals(DType.FLOAT32, out.dtype());
    assertArrayEquals(new double[] {2.5, 4.5}, out.value().toDoubleArray(), 0);
  }

  @Test void integerInputsAreRefusedRatherThanTruncatingConstants() {
    TensorFunction f = Expr.parse("x / 2").toTensorFunction(List.of("x"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> f.apply(Tensor.constant(NDArray.of(new int[] {1, 2}, 2))));
    assertEquals("toTensorFunction: input 0 ('x') is int32; expressions take float32 or float64 tensors (use astype)",
        e.getMessage());
  }

  @Test void extraVariablesAreAllowedAndIgnored() {
    TensorFunction f = Expr.parse("3 * y").toTensorFunction(List.of("x", "y"));
    Tensor out = f.apply(Tensor.scalar(7, DType.FLOAT64), Tensor.scalar(2, DType.FLOAT64));
    assertEquals(6.0, out.item());
  }

  @Test void generatedExpressionsAgreeWithSymbolicValuesAndDerivatives() {
    RandomExpressions random = new RandomExpressions(41);
    int compared = 0;
    for (int i = 0; i < 300; i++) {
      Expr f = random.next(3);
      List<Map<String, Double>> points = new ArrayList<>();
      for (int p = 0; p < POINTS; p++) {
        points.add(random.point());
      }
      compared += compareAtPoints(f, points);
    }
    assertTrue(compared > 2000, "too few points compared: " + compared);
  }

  /** Value, reverse-mode and forward-mode gradients against evaluate() and derivative(), elementwise. */
  private static int compareAtPoints(Expr f, List<Map<String, Double>> points) {
    TensorFunction function = f.toTensorFunction(XYZ);
    Tensor[] leaves = new Tensor[XYZ.size()];
    for (int v = 0; v < XYZ.size(); v++) {
      leaves[v] = Tensor.variable(coordinates(points, XYZ.get(v)));
    }
    Tensor out = function.apply(leaves);
    double[] values = out.value().broadcastTo(leaves[0].shape()).toDoubleArray();
    // An output that uses no variable has no graph: its gradients are zero.
    Gradients grads = out.requiresGrad() ? out.sum().backward(List.of(leaves)) : null;
    int compared = 0;
    for (int v = 0; v < XYZ.size(); v++) {
      String variable = XYZ.get(v);
      Expr derivative = f.derivative(variable);
      double[] reverse = grads == null ? new double[points.size()] : grads.get(leaves[v]).toDoubleArray();
      double[] forward = forwardTangent(function, points, v);
      for (int p = 0; p < points.size(); p++) {
        Map<String, Double> point = points.get(p);
        if (!RandomExpressions.moderateThroughout(f, point) || !RandomExpressions.moderateThroughout(derivative, point)) {
          continue;
        }
        String where = f + " at " + point;
        assertClose(f.evaluate(point), values[p], "value of " + where);
        assertClose(derivative.evaluate(point), reverse[p], "reverse-mode d/d" + variable + " of " + where);
        assertClose(derivative.evaluate(point), forward[p], "forward-mode d/d" + variable + " of " + where);
        compared++;
      }
    }
    return compared;
  }

  private static double[] forwardTangent(TensorFunction function, List<Map<String, Double>> points, int variable) {
    Tensor[] inputs = new Tensor[XYZ.size()];
    for (int v = 0; v < XYZ.size(); v++) {
      NDArray value = coordinates(points, XYZ.get(v));
      inputs[v] = v == variable ? Tensor.dual(value, NDArray.ones(value.shape(), DType.FLOAT64)) : Tensor.constant(value);
    }
    Tensor out = function.apply(inputs);
    // No tangent means the output does not depend on the variable: the derivative is 0.
    return out.tangent() == null ? new double[points.size()]
        : out.tangent().value().broadcastTo(inputs[0].shape()).toDoubleArray();
  }

  private static NDArray coordinates(List<Map<String, Double>> points, String variable) {
    return NDArray.of(points.stream().mapToDouble(p -> p.get(variable)).toArray(), points.size());
  }

  private static void assertClose(double expected, double actual, String what) {
    if (!(Math.abs(expected - actual) <= 1e-9 * (1 + Math.abs(expected)))) {
      fail(what + ": symbolic " + expected + ", tensor " + actual);
    }
  }

  @Test void aVariableMissingFromTheListIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Expr.parse("x * y + z").toTensorFunction(List.of("x")));
    assertEquals("toTensorFunction: the expression uses [y, z] but the variables given are [x]; expression: x * y + z",
        e.getMessage());
  }

  @Test void duplicateVariablesAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Expr.parse("x").toTensorFunction(List.of("x", "x")));
    assertEquals("toTensorFunction: variables must be distinct; got [x, x]", e.getMessage());
  }

  @Test void theWrongNumberOfInputsIsRefused() {
    TensorFunction f = Expr.parse("x + y").toTensorFunction(List.of("x", "y"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> f.apply(Tensor.scalar(1, DType.FLOAT64)));
    assertEquals("toTensorFunction: expected 2 inputs [x, y] but got 1 for x + y", e.getMessage());
  }
}
