package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shifted-plane im2col and col2im of strided convolutions (each input plane split into its
 * phases) against the general row-by-row loops, which float64 always takes, on awkward geometries:
 * odd sizes whose last phase runs past the input, asymmetric padding, strides 3 and (2, 1), dilation,
 * groups; and the convolutions made of them against the float64 composite.
 */
class ShiftedPlanesTest {
  static Stream<Arguments> stridedGeometries() {
    return Stream.of(
        // DCGAN's discriminator and generator layers, smaller
        Arguments.of(new int[] {2, 3, 14, 14}, new int[] {4, 3, 4, 4}, Conv2dSpec.of(2, 1)),
        // odd height and width: the phases of odd rows and columns are one shorter
        Arguments.of(new int[] {2, 2, 13, 11}, new int[] {3, 2, 3, 3}, Conv2dSpec.of(2, 1)),
        Arguments.of(new int[] {1, 2, 9, 8}, new int[] {2, 2, 3, 3}, Conv2dSpec.of(3, 0).withPadding(0, 0, 1, 0)),
        Arguments.of(new int[] {1, 2, 12, 10}, new int[] {2, 2, 3, 3}, Conv2dSpec.of(2, 2).withDilation(2, 2)),
        Arguments.of(new int[] {2, 4, 7, 6}, new int[] {4, 2, 3, 3}, Conv2dSpec.of(1, 1).withStride(2, 1).withGroups(2)),
        // the kernel reaches two rows and columns into the padding on one side
        Arguments.of(new int[] {1, 1, 5, 6}, new int[] {1, 1, 4, 4}, Conv2dSpec.of(2, 0).withPadding(2, 1, 2, 1)));
  }

  private static float[] randomFloats(long seed, int size) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  private static double[] widened(float[] values) {
    double[] wide = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      wide[i] = values[i];
    }
    return wide;
  }

  /** Fills this thread's scratch store with NaN arrays of the phase planes' size: the split must write every entry it reads. */
  private static void poisonScratch(ConvGeometry g) {
    float[] poisoned = new float[ShiftedPlanes.phasedSample(g)];
    Arrays.fill(poisoned, Float.NaN);
    ThreadScratch.giveBack(poisoned);
  }

  @ParameterizedTest
  @MethodSource("stridedGeometries")
  void stridedIm2colAndCol2imEqualTheGeneralLoops(int[] xShape, int[] wShape, Conv2dSpec spec) {
    ConvGeometry g = ConvGeometry.of("conv2d", Shape.of(xShape), Shape.of(wShape), spec);
    assertTrue(ShiftedPlanes.applies(g), "the geometry takes the shifted-plane path");
    int samples = g.batch(), width = samples * g.positions(), rows = g.groups() * g.patch();
    float[] x = randomFloats(1, samples * g.inputSample());
    float[] col = new float[rows * width];
    Arrays.fill(col, Float.NaN);   // every entry must be written, padding included
    double[] expected = new double[rows * width];
    for (int n = 0; n < samples; n++) {
      poisonScratch(g);
      Im2col.im2col(x, n * g.inputSample(), g, col, n * g.positions(), width);
      Im2col.im2col(widened(x), n * g.inputSample(), g, expected, n * g.positions(), width);
    }
    assertEquals(Arrays.toString(expected), Arrays.toString(widened(col)), "im2col");

    float[] columns = randomFloats(2, rows * width);
    float[] image = new float[samples * g.inputSample()];
    Arrays.fill(image, Float.NaN);   // col2im replaces each sample
    double[] reference = new double[image.length];
    float[][] scratch = Im2col.col2imScratch(g, image);
    for (float[] part : scratch) {
      Arrays.fill(part, Float.NaN);
    }
    for (int n = 0; n < samples; n++) {
      Im2col.col2im(columns, n * g.positions(), width, g, image, n * g.inputSample(), scratch);
      Im2col.col2im(widened(columns), n * g.positions(), width, g, reference, n * g.inputSample(), null);
    }
    for (int i = 0; i < image.length; i++) {
      assertEquals(reference[i], image[i], 1e-5, "col2im at " + i);
    }
  }

  @ParameterizedTest
  @MethodSource("stridedGeometries")
  void stridedFloat32ConvolutionsAgreeWithTheFloat64Composite(int[] xShape, int[] wShape, Conv2dSpec spec) {
    NDArray x = ConvolutionTest.random(3, xShape);
    NDArray w = ConvolutionTest.random(4, wShape);
    NDArray expected = ConvolutionTest.compositeConv(Tensor.constant(x), Tensor.constant(w), spec).value();
    NDArray cotangent = ConvolutionTest.random(5, expected.shape().dims());
    TensorFunction fused = in -> Convolution.conv2d(in[0], in[1], spec);
    NDArray[] single = {x.astype(DType.FLOAT32), w.astype(DType.FLOAT32)};
    assertTrue(fused.apply(Tensor.constant(single[0]), Tensor.constant(single[1])).value().astype(DType.FLOAT64).allClose(expected, 1e-5, 1e-5));
    NDArray[] grads = Autodiff.vjp(fused, single, cotangent.astype(DType.FLOAT32));
    NDArray[] reference = Autodiff.vjp(in -> ConvolutionTest.compositeConv(in[0], in[1], spec), new NDArray[] {x, w}, cotangent);
    assertTrue(grads[0].astype(DType.FLOAT64).allClose(reference[0], 1e-5, 1e-5), "input gradient (col2im)");
    assertTrue(grads[1].astype(DType.FLOAT64).allClose(reference[1], 1e-5, 1e-5), "weight gradient");
  }

  @ParameterizedTest
  @MethodSource("stridedGeometries")
  void stridedGeometriesStillPassGradcheckInFloat64(int[] xShape, int[] wShape, Conv2dSpec spec) {
    NDArray x = ConvolutionTest.random(6, xShape);
    NDArray w = ConvolutionTest.random(7, wShape);
    GradCheck.assertVjpMatches(in -> Convolution.conv2d(in[0], in[1], spec), x, w);
    GradCheck.assertJvpMatches(in -> Convolution.conv2d(in[0], in[1], spec), x, w);
  }

  @Test
  void aKernelSmallerThanItsStrideKeepsTheGeneralLoops() {
    ConvGeometry downsampling = ConvGeometry.of("conv2d", Shape.of(1, 4, 8, 8), Shape.of(4, 4, 1, 1), Conv2dSpec.of(2, 0));
    assertFalse(ShiftedPlanes.applies(downsampling), "a 1×1 stride-2 kernel reads one phase of four");
    ConvGeometry narrow = ConvGeometry.of("conv2d", Shape.of(1, 1, 8, 8), Shape.of(1, 1, 4, 4), Conv2dSpec.of(2, 0));
    assertFalse(ShiftedPlanes.applies(narrow), "output rows of 3 against phases of 4");
  }
}
