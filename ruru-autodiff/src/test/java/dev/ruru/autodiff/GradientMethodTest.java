package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import org.junit.jupiter.api.Test;

class GradientMethodTest {
  /** Reverse and forward mode differ from the exact value by rounding only; central differences by ~1e-10. */
  private static double tolerance(GradientMethod method) {
    return method == GradientMethod.NUMERIC ? 1e-8 : 1e-14;
  }

  @Test
  void everyMethodGivesTheHandComputedGradientOfXSinX() {
    // f(x) = Σ xᵢ·sin(xᵢ): ∂f/∂xᵢ = sin(xᵢ) + xᵢ·cos(xᵢ)
    double[] x = {0.5, 1.5, -2};
    double[] expected = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      expected[i] = Math.sin(x[i]) + x[i] * Math.cos(x[i]);
    }
    TensorFunction f = in -> in[0].mul(in[0].sin()).sum();
    for (GradientMethod method : GradientMethod.values()) {
      NDArray[] g = method.gradients(f, NDArray.of(x, 3));
      assertEquals(1, g.length);
      assertEquals(Shape.of(3), g[0].shape(), method.id());
      assertArrayEquals(expected, g[0].toDoubleArray(), tolerance(method), method.id());
    }
  }

  @Test
  void gradientsOfSeveralInputsKeepTheirShapesThroughBroadcasting() {
    // f(a, b) = Σᵢⱼ aᵢⱼ·bⱼ with a: [2, 3], b: [3] broadcast over rows: ∂f/∂a = b per row, ∂f/∂b = column sums of a
    NDArray a = NDArray.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
    NDArray b = NDArray.of(new double[] {0.5, -1, 2}, 3);
    TensorFunction f = in -> in[0].mul(in[1]).sum();
    for (GradientMethod method : GradientMethod.values()) {
      NDArray[] g = method.gradients(f, a, b);
      assertEquals(Shape.of(2, 3), g[0].shape(), method.id());
      assertArrayEquals(new double[] {0.5, -1, 2, 0.5, -1, 2}, g[0].toDoubleArray(), tolerance(method), method.id());
      assertArrayEquals(new double[] {5, 7, 9}, g[1].toDoubleArray(), tolerance(method), method.id());
    }
  }

  /**
   * Functions whose forward rule hands the input's tangent straight through (x + c, x − c, a reshape,
   * a slice view, the identity): forward mode once read such a tangent after resetting the basis
   * direction it shared storage with, and reported 0.
   */
  @Test
  void forwardModeKeepsATangentThatPassesThroughUnchanged() {
    NDArray scalar = NDArray.scalar(1.0, DType.FLOAT64);
    NDArray vector = NDArray.of(new double[] {1, -2, 3, 0.5}, 4);
    Tensor two = Tensor.scalar(2, DType.FLOAT64);
    java.util.Map<String, TensorFunction> passThrough = new java.util.LinkedHashMap<>();
    passThrough.put("x + c", in -> in[0].add(two));
    passThrough.put("c + x", in -> two.add(in[0]));
    passThrough.put("x - c", in -> in[0].sub(two));
    passThrough.put("x + 2.0", in -> in[0].add(2.0));
    passThrough.put("x", in -> in[0]);
    passThrough.put("reshape(x)", in -> in[0].reshape(1, 1));
    for (var entry : passThrough.entrySet()) {
      NDArray g = GradientMethod.FORWARD.gradients(entry.getValue(), scalar)[0];
      assertEquals(1.0, g.item(), 0, entry.getKey());
    }
    TensorFunction element = in -> in[0].slice(0, 2, 3, 1).reshape(new int[0]).add(two);
    assertArrayEquals(new double[] {0, 0, 1, 0}, GradientMethod.FORWARD.gradients(element, vector)[0].toDoubleArray(), 0);
  }

  @Test
  void aFunctionThatIgnoresItsInputsHasZeroGradientByEveryMethod() {
    TensorFunction f = in -> Tensor.scalar(3, DType.FLOAT64);
    for (GradientMethod method : GradientMethod.values()) {
      NDArray g = method.gradients(f, NDArray.of(new double[] {1, 2}, 2))[0];
      assertArrayEquals(new double[] {0, 0}, g.toDoubleArray(), 0, method.id());
    }
  }

  @Test
  void aNonScalarFunctionIsRefusedByEveryMethod() {
    TensorFunction f = in -> in[0].exp();
    for (GradientMethod method : GradientMethod.values()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> method.gradients(f, NDArray.of(new double[] {1, 2}, 2)));
      assertTrue(e.getMessage().contains("must return a scalar, got shape [2]"), e.getMessage());
    }
  }

  @Test
  void forwardModeRefusesIntegerInputs() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GradientMethod.FORWARD.gradients(in -> in[0].sum(), NDArray.of(new int[] {1, 2}, 2)));
    assertEquals("forward: input 0 has dtype int32; gradients need float32 or float64 inputs", e.getMessage());
  }

  @Test
  void idsAreTheLowerCaseNames() {
    assertEquals("reverse", GradientMethod.REVERSE.id());
    assertEquals("forward", GradientMethod.FORWARD.id());
    assertEquals("numeric", GradientMethod.NUMERIC.id());
  }
}
