package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.GradCheck;
import dev.ruru.autodiff.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Upsample against PyTorch's nn.Upsample (src/test/resources/torch/make_upsample_fixtures.py): values
 * and gradients for nearest and bilinear at integer and fractional scales, a float64 gradient check,
 * and the errors.
 */
class UpsampleTest {
  private static final TorchFixture TORCH = TorchFixture.load("upsample");

  @ParameterizedTest
  @CsvSource({"NEAREST, 2.0, nearest_2p0", "NEAREST, 1.5, nearest_1p5", "NEAREST, 3.0, nearest_3p0",
      "BILINEAR, 2.0, bilinear_2p0", "BILINEAR, 1.5, bilinear_1p5", "BILINEAR, 3.0, bilinear_3p0"})
  void matchesPyTorchForwardAndBackward(Interpolation interpolation, double scale, String name) {
    Tensor x = Tensor.variable(TORCH.get(name + "_x"));
    Tensor y = new Upsample(scale, interpolation).forward(x, Mode.TRAIN);
    TORCH.assertMatches(name + "_y", y.value());
    NDArray gradient = y.mul(Tensor.constant(TORCH.get(name + "_cot"))).sum().backward(List.of(x)).get(x);
    TORCH.assertMatches(name + "_grad", gradient);
  }

  @Test
  void nearestRepeatsEachPixelByHand() {
    Tensor x = Tensor.constant(NDArray.of(new float[] {1, 2, 3, 4}, 1, 1, 2, 2));
    Tensor y = new Upsample(2, Interpolation.NEAREST).forward(x);
    assertEquals(DType.FLOAT32, y.dtype());
    assertTrue(y.value().equals(NDArray.of(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, 1, 1, 4, 4)), y.toString());
  }

  @ParameterizedTest
  @CsvSource({"NEAREST, 2.0", "BILINEAR, 2.0", "BILINEAR, 1.5"})
  void gradientsMatchFiniteDifferencesInFloat64(Interpolation interpolation, double scale) {
    NDArray x = NDArray.randn(Shape.of(2, 2, 3, 4), new SplittableRandom(7)).astype(DType.FLOAT64);
    NDArray weights = NDArray.randn(Shape.of(2, 2, (int) (3 * scale), (int) (4 * scale)), new SplittableRandom(8)).astype(DType.FLOAT64);
    GradCheck.assertVjpMatches(in -> Functional.upsample(in[0], scale, interpolation).mul(Tensor.constant(weights)).sum(), x);
    GradCheck.assertJvpMatches(in -> Functional.upsample(in[0], scale, interpolation), x);
  }

  @Test
  void refusesBadScalesAndShapes() {
    IllegalArgumentException scale = assertThrows(IllegalArgumentException.class, () -> new Upsample(0, Interpolation.NEAREST));
    assertEquals("upsample: invalid scale factor: 0.0 (must be positive and finite)", scale.getMessage());
    Tensor flat = Tensor.constant(NDArray.zeros(Shape.of(2, 784)));
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> new Upsample(2, Interpolation.BILINEAR).forward(flat));
    assertTrue(shape.getMessage().startsWith("Upsample(2.0, bilinear): expected input [batch, channels, H, W], got [2, 784]"), shape.getMessage());
  }
}
