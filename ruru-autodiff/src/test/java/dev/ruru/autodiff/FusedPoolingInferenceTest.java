package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * conv2dReluMaxPool in inference, where it does not record where each maximum was: the same values as the
 * convolution, relu and pooling run apart, for the 2×2 halving loop and the general one, in float32 and
 * float64; and the same values again when it records (and keeps the maxima for backward).
 */
class FusedPoolingInferenceTest {
  @Test
  void inferenceGivesTheValuesOfTheLayersApart() {
    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (Pool2dSpec pool : new Pool2dSpec[] {Pool2dSpec.of(2), Pool2dSpec.of(3, 2, 1)}) {
        SplittableRandom rng = new SplittableRandom(11);
        Tensor x = Tensor.constant(NDArray.randn(Shape.of(3, 2, 9, 9), rng).astype(dtype));
        Tensor w = Tensor.variable(NDArray.randn(Shape.of(4, 2, 3, 3), rng).astype(dtype));
        Tensor b = Tensor.variable(NDArray.randn(Shape.of(4), rng).astype(dtype));
        Conv2dSpec spec = Conv2dSpec.of(1, 1);
        NDArray apart = Convolution.maxPool2d(Convolution.conv2d(x, w, b, spec).relu(), pool).value();
        NDArray inferred = Autodiff.noGrad(() -> Convolution.conv2dReluMaxPool(x, w, b, spec, pool).value());
        NDArray recorded = Convolution.conv2dReluMaxPool(x, w, b, spec, pool).value();
        String where = dtype + ", " + pool;
        assertEquals(0, inferred.sub(apart).abs().max().item(), 1e-6, "inference, " + where);
        assertEquals(0, recorded.sub(apart).abs().max().item(), 1e-6, "recorded, " + where);
      }
    }
  }

  @Test
  void halvingWithoutPositionsGivesTheBitsOfTheRecordingLoopOnAwkwardShapes() {
    // Odd heights and widths (the last row and column dropped), one-column planes, a plane range that
    // starts inside the batch and an output offset, relu's zeros (ties), +∞ and a NaN with its sign set.
    int[][] shapes = {{1, 1, 2, 2}, {2, 3, 7, 9}, {3, 2, 5, 3}, {1, 4, 16, 31}, {2, 1, 3, 2}};
    for (int[] shape : shapes) {
      NDArray x = NDArray.randn(Shape.of(shape), new SplittableRandom(shape[3])).relu().astype(DType.FLOAT32);
      float[] values = x.toFloatArray();
      values[values.length - 1 - shape[3]] = Float.POSITIVE_INFINITY;
      values[values.length / 2] = Float.intBitsToFloat(0xffc00000);
      ConvGeometry g = ConvGeometry.of("maxPool2d", x.shape(), Shape.of(shape[1], 1, 2, 2), Pool2dSpec.of(2).asConvolution(shape[1]));
      int planes = shape[0] * shape[1];
      int size = g.batch() * g.outputSample() + 5;
      float[] recorded = new float[size];
      float[] inferred = new float[size];
      MaxPool2dRule.poolNonNegative(values, g, new int[size], recorded, 1, planes, 5, 0);
      MaxPool2dRule.poolNonNegative(values, g, null, inferred, 1, planes, 5, 0);
      for (int i = 0; i < size; i++) {
        assertEquals(Float.floatToRawIntBits(recorded[i]), Float.floatToRawIntBits(inferred[i]),
            "output " + i + " of " + java.util.Arrays.toString(shape) + ": " + recorded[i] + " recorded, " + inferred[i] + " inferred");
      }
    }
  }
}
