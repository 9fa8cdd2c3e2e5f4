package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fused leaky rectifier against its composite, where(x > 0, x, a·x), in both dtypes (gradients: PrimitiveGradientTest). */
class LeakyReluTest {
  @Test
  void handValuesAndTheSlopeAtZero() {
    NDArray x = NDArray.of(new double[] {-2, 0, 3}, 3);
    assertArrayEquals(new double[] {-0.4, 0, 3}, LeakyRelu.apply(Tensor.constant(x), 0.2).value().toDoubleArray(), 1e-15);
    NDArray gradient = Autodiff.grad(t -> LeakyRelu.apply(t[0], 0.2).sum(), x)[0];
    assertArrayEquals(new double[] {0.2, 0.2, 1}, gradient.toDoubleArray(), 1e-15, "f'(0) = a, as PyTorch");
  }

  @Test
  void matchesTheCompositeValuesAndGradientsInBothDtypes() {
    SplittableRandom rng = new SplittableRandom(8);
    NDArray x = NDArray.normal(Shape.of(4, 3, 5, 5), 0, 1, DType.FLOAT64, rng);
    NDArray cotangent = NDArray.normal(x.shape(), 0, 1, DType.FLOAT64, rng);
    TensorFunction composite = t -> Tensor.where(t[0].gt(t[0].zerosLike()), t[0], t[0].mul(0.2));
    TensorFunction fused = t -> LeakyRelu.apply(t[0], 0.2);
    for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      NDArray input = x.astype(dtype);
      assertEquals(composite.apply(Tensor.constant(input)).value(), fused.apply(Tensor.constant(input)).value(), dtype + " values");
      NDArray expected = Autodiff.vjp(composite, new NDArray[] {input}, cotangent.astype(dtype))[0];
      NDArray actual = Autodiff.vjp(fused, new NDArray[] {input}, cotangent.astype(dtype))[0];
      assertTrue(expected.allClose(actual, 1e-6, 1e-7), dtype + " gradients");
    }
  }

  /** The branch-free kernel at the values a select on x &gt; 0 treats specially: signed zeros, denormals, infinities, NaN. */
  @Test
  void zerosDenormalsInfinitiesAndNanMatchTheCompositeBitForBit() {
    double[] special = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-40, -1e-40, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2, -2};
    TensorFunction composite = t -> Tensor.where(t[0].gt(t[0].zerosLike()), t[0], t[0].mul(0.2));
    TensorFunction fused = t -> LeakyRelu.apply(t[0], 0.2);
    for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      NDArray input = NDArray.of(special, special.length).astype(dtype);
      assertEquals(composite.apply(Tensor.constant(input)).value(), fused.apply(Tensor.constant(input)).value(), dtype + " values");
      NDArray cotangent = NDArray.full(input.shape(), 3, dtype);
      assertEquals(Autodiff.vjp(composite, new NDArray[] {input}, cotangent)[0], Autodiff.vjp(fused, new NDArray[] {input}, cotangent)[0],
          dtype + " gradients");
      NDArray nan = NDArray.full(Shape.of(1), Double.NaN, dtype);
      assertTrue(Double.isNaN(fused.apply(Tensor.constant(nan)).value().item()), dtype + " NaN stays NaN");
    }
  }

  @Test
  void integerInputsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LeakyRelu.apply(Tensor.constant(NDArray.of(new long[] {1, -1}, 2)), 0.2));
    assertEquals("leakyRelu: expected a float32 or float64 input, got int64", e.getMessage());
  }
}
