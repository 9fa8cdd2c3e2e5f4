package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fused pooling primitives against its composite oracle (strided slices and maximum) and central
 * differences: where its gradients go, its ties and NaNs in float32.
 */
class PoolingTest {
  private static NDArray random(long seed, int... shape) {
    return ConvolutionTest.random(seed, shape);
  }

  static Stream<Arguments> pools() {
    return Stream.of(Arguments.of(new int[] {2, 3, 6, 6}, Pool2dSpec.of(2)), Arguments.of(new int[] {1, 2, 7, 5}, Pool2dSpec.of(3, 2, 1)),
        Arguments.of(new int[] {2, 1, 5, 8}, new Pool2dSpec(2, 3, 1, 2, 1, 1)));
  }

  @ParameterizedTest
  @MethodSource("pools")
  void fusedMaxPoolAgreesWithCompositeAndFiniteDifferences(int[] xShape, Pool2dSpec spec) {
    NDArray x = random(15, xShape);
    TensorFunction fused = in -> Convolution.maxPool2d(in[0], spec);
    NDArray expected = compositeMaxPool(Tensor.constant(x), spec).value();
    assertTrue(fused.apply(Tensor.constant(x)).value().allClose(expected, 0, 0), "forward");
    NDArray cotangent = random(16, expected.shape().dims());
    assertTrue(Autodiff.vjp(fused, x, cotangent).allClose(Autodiff.vjp(in -> compositeMaxPool(in[0], spec), x, cotangent), 1e-12, 1e-12));
    GradCheck.assertVjpMatches(fused, x);
    GradCheck.assertJvpMatches(fused, x);
    GradCheck.assertVjpMatches(in -> Convolution.avgPool2d(in[0], spec), x);
    GradCheck.assertJvpMatches(in -> Convolution.avgPool2d(in[0], spec), x);
  }

  @Test
  void maxPoolSendsGradientsToTheMaximaAndItsScatterIsDifferentiable() {
    NDArray x = random(17, 1, 2, 4, 6);
    NDArray g = random(18, 1, 2, 2, 3);
    int[] positions = maximaOf(x, 2);
    double[] expected = new double[x.size()];
    double[] gradient = g.toDoubleArray();
    for (int i = 0; i < positions.length; i++) {
      expected[positions[i]] += gradient[i];
    }
    NDArray actual = Autodiff.vjp(in -> Convolution.maxPool2d(in[0], Pool2dSpec.of(2)), x, g);
    assertTrue(actual.allClose(NDArray.of(expected, x.shape().dims()), 0, 0));
    GradCheck.assertVjpMatches(in -> Tensor.apply(new PoolScatterRule(positions, x.shape()), in[0]), g);
    GradCheck.assertJvpMatches(in -> Tensor.apply(new PoolScatterRule(positions, x.shape()), in[0]), g);
  }

  /** Flat positions of each 2x2 window's maximum, by plain loops. */
  private static int[] maximaOf(NDArray x, int k) {
    int n = x.dim(0), c = x.dim(1), h = x.dim(2), w = x.dim(3);
    double[] v = x.toDoubleArray();
    int[] positions = new int[n * c * (h / k) * (w / k)];
    int out = 0;
    for (int p = 0; p < n * c; p++) {
      for (int i = 0; i < h / k; i++) {
        for (int j = 0; j < w / k; j++, out++) {
          int best = p * h * w + i * k * w + j * k;
          for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
              int at = p * h * w + (i * k + a) * w + j * k + b;
              best = v[at] > v[best] ? at : best;
            }
          }
          positions[out] = best;
        }
      }
    }
    return positions;
  }

  /**
   * The float32 2×2 pooling picks with conditional moves and redoes windows holding NaN: after relu
   * most windows tie at 0 (the first wins), −0 ties with 0, and the first NaN of a window wins, as in
   * PyTorch. The gradient of each window goes to the position picked.
   */
  @Test
  void float32HalvingPoolKeepsTheFirstOfTiesAndTheFirstNaN() {
    float nan = Float.NaN;
    float[] values = {
      0, 0, 1, 3, -0f, 0, 2, 2,
      0, 0, 3, 1, 0, -0f, 2, 2,
      nan, 5, 1, 1, 4, 4, 7, nan,
      6, nan, 1, 2, nan, 4, 7, 1,
    };
    NDArray x = NDArray.of(values, 1, 1, 4, 8);
    int[] expected = {0, 3, 4, 6, 16, 27, 28, 23};
    NDArray gradient = NDArray.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 1, 2, 4);
    NDArray pooled = Convolution.maxPool2d(Tensor.constant(x), Pool2dSpec.of(2)).value();
    NDArray back = Autodiff.vjp(in -> Convolution.maxPool2d(in[0], Pool2dSpec.of(2)), x, gradient);
    float[] out = pooled.toFloatArray();
    float[] grads = back.toFloatArray();
    for (int k = 0; k < expected.length; k++) {
      assertEquals(Float.floatToIntBits(values[expected[k]]), Float.floatToIntBits(out[k]), "window " + k);
      assertEquals(k + 1, grads[expected[k]], 0, "gradient of window " + k);
    }
    assertEquals(36, back.sum().item(), 0, "each window's gradient goes to one place");
  }

  /** Max pooling composed: padding replaced by −∞ through where, then the maximum of the strided slices. */
  static Tensor compositeMaxPool(Tensor x, Pool2dSpec s) {
    int[][] widths = {{0, 0}, {0, 0}, {s.paddingHeight(), s.paddingHeight()}, {s.paddingWidth(), s.paddingWidth()}};
    NDArray inside = NDArray.ones(x.shape(), x.dtype()).pad(widths, 0).gt(0.5);
    Tensor padded = Tensor.where(Tensor.constant(inside), x.pad(widths), Tensor.scalar(Double.NEGATIVE_INFINITY, x.dtype()));
    int oh = (x.shape().dim(2) + 2 * s.paddingHeight() - s.kernelHeight()) / s.strideHeight() + 1;
    int ow = (x.shape().dim(3) + 2 * s.paddingWidth() - s.kernelWidth()) / s.strideWidth() + 1;
    Tensor max = null;
    for (int a = 0; a < s.kernelHeight(); a++) {
      for (int b = 0; b < s.kernelWidth(); b++) {
        Tensor window = padded.slice(2, a, a + (oh - 1) * s.strideHeight() + 1, s.strideHeight())
            .slice(3, b, b + (ow - 1) * s.strideWidth() + 1, s.strideWidth());
        max = max == null ? window : max.maximum(window);
      }
    }
    return max;
  }

  @Test
  void poolingReluOutputByItsBitsAgreesWithFloatComparisonsAndLetsNaNWin() {
    // relu output: half zeros (ties everywhere), the rest positive; one window holds the NaN that
    // arithmetic makes on x86 (sign bit set), which must still win over +∞ next to it.
    NDArray x = random(81, 2, 3, 6, 8).relu().astype(DType.FLOAT32);
    float[] values = x.toFloatArray();
    values[2 * 8 + 3] = Float.intBitsToFloat(0xffc00000);
    values[2 * 8 + 2] = Float.POSITIVE_INFINITY;
    ConvGeometry g = ConvGeometry.of("maxPool2d", x.shape(), Shape.of(3, 1, 2, 2), Pool2dSpec.of(2).asConvolution(3));
    int size = g.batch() * g.outputSample();
    int[] byFloats = new int[size];
    int[] byBits = new int[size];
    float[] floatMaxima = new float[size];
    float[] bitMaxima = new float[size];
    MaxPool2dRule.pool(values, g, byFloats, floatMaxima, 0, 6, 0, 0);
    MaxPool2dRule.poolNonNegative(values, g, byBits, bitMaxima, 0, 6, 0, 0);
    assertTrue(Float.isNaN(bitMaxima[1 * 4 + 1]) && Float.isNaN(floatMaxima[1 * 4 + 1]), "the window with the NaN");
    assertEquals(2 * 8 + 3, byBits[1 * 4 + 1]);
    bitMaxima[5] = floatMaxima[5] = 0;
    assertEquals(java.util.Arrays.toString(byFloats), java.util.Arrays.toString(byBits));
    assertTrue(java.util.Arrays.equals(floatMaxima, bitMaxima));
  }

  @Test
  void adaptiveAveragePoolingAveragesUnevenWindows() {
    NDArray x = NDArray.arange(0, 10, 1, DType.FLOAT64).reshape(1, 1, 1, 10);
    NDArray pooled = Convolution.adaptiveAvgPool2d(Tensor.constant(x), 1, 3).value();
    // windows [0, 4), [3, 7), [6, 10): means 1.5, 4.5, 7.5
    assertTrue(pooled.allClose(NDArray.of(new double[] {1.5, 4.5, 7.5}, 1, 1, 1, 3), 0, 1e-12));
  }
}
