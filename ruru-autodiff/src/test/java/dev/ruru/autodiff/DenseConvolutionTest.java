package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.array.Shape;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Convolutions whose kernel covers the whole unpadded input (one product over the samples instead of
 * im2col) against the composite (padding, strided slices, products) in values, all three gradients
 * and JVPs, as transposed convolutions, in float32, and on one thread against three.
 */
class DenseConvolutionTest {
  static Stream<Arguments> denseGeometries() {
    return Stream.of(
        // DCGAN's last discriminator layer, smaller, an odd batch
        Arguments.of(new int[] {3, 4, 7, 7}, new int[] {2, 4, 7, 7}, Conv2dSpec.of(1, 0)),
        // a non-square kernel in two groups
        Arguments.of(new int[] {2, 4, 3, 5}, new int[] {6, 2, 3, 5}, Conv2dSpec.of(1, 0).withGroups(2)),
        // a stride changes nothing when the kernel covers the input
        Arguments.of(new int[] {2, 3, 4, 4}, new int[] {5, 3, 4, 4}, Conv2dSpec.of(2, 0)),
        // 1×1 maps: a dense layer (the generator's first transposed convolution reads z as [n, L, 1, 1])
        Arguments.of(new int[] {5, 3, 1, 1}, new int[] {4, 3, 1, 1}, Conv2dSpec.of(1, 0)),
        // 70 samples: spans of 32, the last one short, partial weight gradients added in order
        Arguments.of(new int[] {70, 1, 2, 2}, new int[] {2, 1, 2, 2}, Conv2dSpec.of(1, 0)));
  }

  private static NDArray random(long seed, int... shape) {
    return ConvolutionTest.random(seed, shape);
  }

  @ParameterizedTest
  @MethodSource("denseGeometries")
  void denseConvolutionsEqualTheCompositeWithBiasInValueGradientsAndJvp(int[] xShape, int[] wShape, Conv2dSpec spec) {
    assertTrue(DenseConvolution.applies(ConvGeometry.of("conv2d", Shape.of(xShape), Shape.of(wShape), spec)), "takes the dense path");
    NDArray x = random(1, xShape);
    NDArray w = random(2, wShape);
    NDArray b = random(3, wShape[0]);
    NDArray[] inputs = {x, w, b};
    TensorFunction fused = in -> Convolution.conv2d(in[0], in[1], in[2], spec);
    TensorFunction composite = in -> ConvolutionTest.compositeConv(in[0], in[1], spec).add(in[2].reshape(wShape[0], 1, 1));
    NDArray expected = composite.apply(Tensor.constant(x), Tensor.constant(w), Tensor.constant(b)).value();
    assertTrue(fused.apply(Tensor.constant(x), Tensor.constant(w), Tensor.constant(b)).value().allClose(expected, 1e-12, 1e-12), "forward");
    NDArray cotangent = random(4, expected.shape().dims());
    NDArray[] grads = Autodiff.vjp(fused, inputs, cotangent);
    NDArray[] reference = Autodiff.vjp(composite, inputs, cotangent);
    for (int i = 0; i < 3; i++) {
      assertTrue(grads[i].allClose(reference[i], 1e-12, 1e-12), "gradient " + i);
    }
    NDArray[] tangents = {random(5, xShape), random(6, wShape), random(7, wShape[0])};
    assertTrue(Autodiff.jvp(fused, inputs, tangents).tangent().allClose(Autodiff.jvp(composite, inputs, tangents).tangent(), 1e-12, 1e-12));
    GradCheck.assertVjpMatches(fused, x, w, b);
    GradCheck.assertJvpMatches(fused, x, w, b);
  }

  @ParameterizedTest
  @MethodSource("denseGeometries")
  void float32DenseConvolutionsAgreeWithTheFloat64Composite(int[] xShape, int[] wShape, Conv2dSpec spec) {
    NDArray x = random(11, xShape);
    NDArray w = random(12, wShape);
    NDArray expected = ConvolutionTest.compositeConv(Tensor.constant(x), Tensor.constant(w), spec).value();
    NDArray cotangent = random(13, expected.shape().dims());
    TensorFunction fused = in -> Convolution.conv2d(in[0], in[1], spec);
    NDArray[] single = {x.astype(DType.FLOAT32), w.astype(DType.FLOAT32)};
    assertTrue(fused.apply(Tensor.constant(single[0]), Tensor.constant(single[1])).value().astype(DType.FLOAT64).allClose(expected, 1e-5, 1e-5));
    NDArray[] grads = Autodiff.vjp(fused, single, cotangent.astype(DType.FLOAT32));
    NDArray[] reference = Autodiff.vjp(in -> ConvolutionTest.compositeConv(in[0], in[1], spec), new NDArray[] {x, w}, cotangent);
    assertTrue(grads[0].astype(DType.FLOAT64).allClose(reference[0], 1e-5, 1e-5), "input gradient");
    assertTrue(grads[1].astype(DType.FLOAT64).allClose(reference[1], 1e-5, 1e-5), "weight gradient");
  }

  /** convTranspose2d(g, w) is conv2d's input gradient: the composite's VJP in x is its oracle, and gradcheck its derivatives. */
  @ParameterizedTest
  @MethodSource("denseGeometries")
  void denseTransposedConvolutionsEqualTheCompositesInputGradient(int[] xShape, int[] wShape, Conv2dSpec spec) {
    NDArray x = random(21, xShape);
    NDArray w = random(22, wShape);
    NDArray g = random(23, ConvolutionTest.compositeConv(Tensor.constant(x), Tensor.constant(w), spec).shape().dims());
    NDArray expected = Autodiff.vjp(in -> ConvolutionTest.compositeConv(in[0], Tensor.constant(w), spec), new NDArray[] {x}, g)[0];
    TensorFunction transposed = in -> Convolution.convTranspose2d(in[0], in[1], spec, 0, 0);
    assertTrue(transposed.apply(Tensor.constant(g), Tensor.constant(w)).value().allClose(expected, 1e-12, 1e-12));
    GradCheck.assertVjpMatches(transposed, g, w);
  }

  @Test
  void theFusedReluOnADenseConvolutionEqualsConvolutionThenRelu() {
    NDArray x = random(31, 4, 3, 5, 5);
    NDArray w = random(32, 6, 3, 5, 5);
    NDArray b = random(33, 6);
    Conv2dSpec spec = Conv2dSpec.of(1, 0);
    NDArray[] inputs = {x, w, b};
    TensorFunction fused = in -> Convolution.conv2dRelu(in[0], in[1], in[2], spec);
    TensorFunction apart = in -> Convolution.conv2d(in[0], in[1], in[2], spec).relu();
    NDArray value = fused.apply(Tensor.constant(x), Tensor.constant(w), Tensor.constant(b)).value();
    assertEquals(apart.apply(Tensor.constant(x), Tensor.constant(w), Tensor.constant(b)).value(), value);
    assertTrue(value.min().item() == 0 && value.max().item() > 0, "some outputs clipped, some not");
    NDArray cotangent = random(34, value.shape().dims());
    NDArray[] fusedGrads = Autodiff.vjp(fused, inputs, cotangent);
    NDArray[] apartGrads = Autodiff.vjp(apart, inputs, cotangent);
    for (int i = 0; i < 3; i++) {
      assertTrue(fusedGrads[i].allClose(apartGrads[i], 1e-12, 1e-12), "gradient " + i);
    }
  }

  @Test
  void theDenseKernelsGiveTheSameBitsOnOneThreadAsOnThree() {
    Conv2dSpec spec = Conv2dSpec.of(1, 0);
    NDArray x = random(41, 96, 8, 7, 7).astype(DType.FLOAT32);   // three spans
    NDArray w = random(42, 5, 8, 7, 7).astype(DType.FLOAT32);
    NDArray b = random(43, 5).astype(DType.FLOAT32);
    TensorFunction loss = in -> Convolution.conv2d(in[0], in[1], in[2], spec).tanh().sum();
    int threads = Parallel.threads();
    try {
      Parallel.setThreads(1);
      NDArray[] one = Autodiff.grad(loss, x, w, b);
      Parallel.setThreads(3);
      NDArray[] many = Autodiff.grad(loss, x, w, b);
      for (int i = 0; i < 3; i++) {
        assertEquals(one[i], many[i], "gradient " + i);
      }
    } finally {
      Parallel.setThreads(threads);
    }
  }

  @Test
  void paddingOrAKernelSmallerThanTheInputKeepsIm2col() {
    assertFalse(DenseConvolution.applies(ConvGeometry.of("conv2d", Shape.of(1, 2, 5, 5), Shape.of(3, 2, 5, 5), Conv2dSpec.of(2, 1))));
    assertFalse(DenseConvolution.applies(ConvGeometry.of("conv2d", Shape.of(1, 2, 5, 5), Shape.of(3, 2, 4, 4), Conv2dSpec.of(2, 0))));
  }
}
