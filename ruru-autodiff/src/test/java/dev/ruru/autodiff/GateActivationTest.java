package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fused float32 sigmoid and the one-pass derivatives of tanh and σ against their composites. */
class GateActivationTest {
  /** Awkward float32 inputs: empty, one element, odd sizes past a tanh chunk, a transposed and a strided view. */
  private static List<NDArray> inputs() {
    SplittableRandom random = new SplittableRandom(11);
    NDArray wide = NDArray.normal(Shape.of(3, 257), 0, 6, DType.FLOAT32, random);
    return List.of(NDArray.zeros(Shape.of(0, 4), DType.FLOAT32), NDArray.normal(Shape.of(1), 0, 6, DType.FLOAT32, random), wide,
        wide.transpose(), wide.index(":, 1::4"), NDArray.of(new float[] {-40, -17, -9, -1e-7f, 0, 1e-7f, 9, 17, 40}));
  }

  private static Tensor compositeSigmoid(Tensor x) {
    return x.mul(0.5).tanh().mul(0.5).add(0.5);
  }

  @Test
  void float32SigmoidHasTheBitsOfTheComposite() {
    for (NDArray x : inputs()) {
      Tensor input = Tensor.constant(x);
      assertArrayEquals(compositeSigmoid(input).value().toFloatArray(), input.sigmoid().value().toFloatArray(), "sigmoid of " + x.shape());
      assertEquals(x.shape(), input.sigmoid().shape());
    }
  }

  @Test
  void float32GradientsMatchTheComposites() {
    for (NDArray x : inputs()) {
      NDArray weights = NDArray.normal(x.shape(), 0, 1, DType.FLOAT32, new SplittableRandom(5));
      float[] sigmoid = gradient(x, weights, Tensor::sigmoid), sigmoidComposite = gradient(x, weights, GateActivationTest::compositeSigmoid);
      for (int i = 0; i < sigmoid.length; i++) {
        assertEquals(sigmoidComposite[i], sigmoid[i], 2e-7 + 1e-6 * Math.abs(sigmoidComposite[i]), "sigmoid gradient at " + i + " of " + x.shape());
      }
      float[] tanh = gradient(x, weights, Tensor::tanh);
      float[] y = x.tanh().toFloatArray(), w = weights.toFloatArray();
      for (int i = 0; i < tanh.length; i++) {
        assertEquals(w[i] * (1f - y[i] * y[i]), tanh[i], "tanh gradient at " + i + " of " + x.shape());
      }
    }
  }

  @Test
  void float64AndFloat32SlopesAgree() {
    NDArray a = NDArray.normal(Shape.of(5, 7), 0, 1, DType.FLOAT64, new SplittableRandom(1));
    NDArray y = NDArray.uniform(Shape.of(5, 7), -1, 1, DType.FLOAT64, new SplittableRandom(2));
    for (MulSlopeRule.Slope slope : MulSlopeRule.Slope.values()) {
      MulSlopeRule rule = new MulSlopeRule(slope);
      double[] wide = rule.forward(a, y).toDoubleArray();
      float[] narrow = rule.forward(a.astype(DType.FLOAT32), y.astype(DType.FLOAT32)).toFloatArray();
      double[] av = a.toDoubleArray(), yv = y.toDoubleArray();
      for (int i = 0; i < wide.length; i++) {
        double expected = av[i] * (slope == MulSlopeRule.Slope.TANH ? 1 - yv[i] * yv[i] : yv[i] * (1 - yv[i]));
        assertEquals(expected, wide[i], 1e-15, slope + " float64 at " + i);
        assertEquals(expected, narrow[i], 1e-6, slope + " float32 at " + i);
      }
    }
  }

  /** h [N, 2C, L] of awkward sizes, contiguous and as views (a transposed batch, a strided length). */
  private static List<NDArray> gateInputs() {
    SplittableRandom random = new SplittableRandom(13);
    NDArray big = NDArray.normal(Shape.of(3, 10, 301), 0, 4, DType.FLOAT32, random);
    return List.of(NDArray.normal(Shape.of(1, 2, 1), 0, 4, DType.FLOAT32, random), big, big.index(":, :, ::3"),
        NDArray.normal(Shape.of(6, 5, 2), 0, 4, DType.FLOAT32, random).permute(2, 0, 1), NDArray.zeros(Shape.of(0, 4, 3), DType.FLOAT32));
  }

  private static Tensor compositeGate(Tensor h) {
    int half = h.shape().dim(1) / 2;
    return h.slice(1, 0, half, 1).tanh().mul(h.slice(1, half, 2 * half, 1).sigmoid());
  }

  @Test
  void gatedTanhHasTheBitsOfTheCompositeForwardAndBack() {
    for (NDArray h : gateInputs()) {
      assertArrayEquals(compositeGate(Tensor.constant(h)).value().toFloatArray(), GatedTanh.apply(Tensor.constant(h)).value().toFloatArray(),
          "gatedTanh of " + h.shape());
      NDArray weights = NDArray.normal(GatedTanh.apply(Tensor.constant(h)).shape(), 0, 1, DType.FLOAT32, new SplittableRandom(3));
      float[] expected = gradient(h, weights, GateActivationTest::compositeGate), actual = gradient(h, weights, GatedTanh::apply);
      assertEquals(expected.length, actual.length);
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], actual[i], 0f, "gatedTanh gradient at " + i + " of " + h.shape()); // the composite's padding turns -0 into 0
      }
    }
  }

  @Test
  void gatedTanhRefusesAnOddChannelCount() {
    Tensor h = Tensor.constant(NDArray.zeros(Shape.of(2, 3, 4), DType.FLOAT32));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> GatedTanh.apply(h));
    assertEquals("gatedTanh: expected a float32 or float64 input [batch, 2·channels, ...] with an even channel count, got float32 [2, 3, 4]; "
        + "the first half of axis 1 is the filter, the second the gate", e.getMessage());
  }

  private static float[] gradient(NDArray x, NDArray weights, java.util.function.UnaryOperator<Tensor> f) {
    Tensor input = Tensor.variable(x);
    Tensor loss = f.apply(input).mul(Tensor.constant(weights)).sum();
    return loss.backward(List.of(input)).get(input).toFloatArray();
  }
}
