package dev.ruru.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.array.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The per-thread scratch store, and the convolution kernels that borrow from it, fed garbage. */
class ThreadScratchTest {
  @Test
  void aGivenBackArrayIsLentAgainOnlyForItsTypeAndSizeAndNeverTwiceAtOnce() {
    float[] first = (float[]) ThreadScratch.borrow(DType.FLOAT32, 1000);
    assertEquals(1000, first.length);
    ThreadScratch.giveBack(first);
    assertNotSame(first, ThreadScratch.borrow(DType.FLOAT32, 999), "another size");
    assertEquals(double[].class, ThreadScratch.borrow(DType.FLOAT64, 1000).getClass(), "another type");
    Object again = ThreadScratch.borrow(DType.FLOAT32, 1000);
    assertSame(first, again);
    assertNotSame(again, ThreadScratch.borrow(DType.FLOAT32, 1000), "a nested borrow while the first is out");
  }

  @Test
  void eachThreadKeepsAtMostItsBoundAndNothingLargerThanIt() {
    int quarter = (int) (ThreadScratch.KEPT_BYTES / 4 / 4);   // float32 elements in a quarter of the bound
    float[][] given = new float[6][];
    for (int i = 0; i < given.length; i++) {
      given[i] = (float[]) ThreadScratch.borrow(DType.FLOAT32, quarter);
    }
    for (float[] array : given) {
      ThreadScratch.giveBack(array);
    }
    // The four most recent fill the bound; the two oldest were dropped.
    for (int i = 0; i < 4; i++) {
      assertSame(given[given.length - 1 - i], ThreadScratch.borrow(DType.FLOAT32, quarter));
    }
    for (int i = 0; i < 2; i++) {
      Object fresh = ThreadScratch.borrow(DType.FLOAT32, quarter);
      assertNotSame(given[0], fresh);
      assertNotSame(given[1], fresh);
    }
    float[] huge = new float[(int) (ThreadScratch.KEPT_BYTES / 4) + 1];
    ThreadScratch.giveBack(huge);
    assertNotSame(huge, ThreadScratch.borrow(DType.FLOAT32, huge.length));
  }

  /**
   * The column matrices are borrowed: every kernel must write each entry it reads. With everything the
   * store lends filled with NaN first, the float32 kernels' forward, input, weight and bias gradients
   * must still agree with the composite (pad, strided slices, products; no scratch) in float64.
   */
  @Test
  void convolutionKernelsAgreeWithTheCompositeFromAPoisonedStore() {
    int threads = Parallel.threads();
    try {
      Parallel.setThreads(1);
      SplittableRandom random = new SplittableRandom(7);
      for (Conv2dSpec spec : SPECS) {
        NDArray x = NDArray.normal(Shape.of(5, 8, 20, 20), 0, 1, DType.FLOAT64, random);
        NDArray w = NDArray.normal(Shape.of(4, 8, 3, 3), 0, 0.3, DType.FLOAT64, random);
        NDArray b = NDArray.normal(Shape.of(4), 0, 1, DType.FLOAT64, random);
        TensorFunction fused = in -> Convolution.conv2dRelu(in[0], in[1], in[2], spec);
        TensorFunction composite = in -> ConvolutionTest.compositeConv(in[0], in[1], spec).add(in[2].reshape(4, 1, 1)).relu();
        NDArray[] single = {x.astype(DType.FLOAT32), w.astype(DType.FLOAT32), b.astype(DType.FLOAT32)};
        poisonThisThreadsStore();
        NDArray value = fused.apply(Tensor.constant(single[0]), Tensor.constant(single[1]), Tensor.constant(single[2])).value();
        NDArray expected = composite.apply(Tensor.constant(x), Tensor.constant(w), Tensor.constant(b)).value();
        assertTrue(value.astype(DType.FLOAT64).allClose(expected, 1e-4, 1e-4), spec + ": forward");
        NDArray cotangent = NDArray.normal(expected.shape(), 0, 1, DType.FLOAT64, random);
        poisonThisThreadsStore();
        NDArray[] gradients = Autodiff.vjp(fused, single, cotangent.astype(DType.FLOAT32));
        NDArray[] reference = Autodiff.vjp(composite, new NDArray[] {x, w, b}, cotangent);
        for (int i = 0; i < reference.length; i++) {
          assertTrue(gradients[i].astype(DType.FLOAT64).allClose(reference[i], 1e-4, 1e-3), spec + ": gradient " + i);
        }
      }
    } finally {
      Parallel.setThreads(threads);
    }
  }

  /** Padding 1 (taps that read the padding), stride 2 (the general im2col), no padding (shifted planes): 5 samples in chunks. */
  private static final Conv2dSpec[] SPECS = {Conv2dSpec.of(1, 1), Conv2dSpec.of(2, 1), Conv2dSpec.of(1, 0)};

  /** Borrows every float32 array the kernels above leave in the store (their sizes are few), fills it with NaN and gives it back. */
  private static void poisonThisThreadsStore() {
    for (Conv2dSpec spec : SPECS) {
      ConvGeometry g = ConvGeometry.of("conv2d", Shape.of(5, 8, 20, 20), Shape.of(4, 8, 3, 3), spec);
      int size = g.groups() * g.patch() * Im2col.chunk(g) * g.positions();
      float[] array = (float[]) ThreadScratch.borrow(DType.FLOAT32, size);
      Arrays.fill(array, Float.NaN);
      ThreadScratch.giveBack(array);
    }
  }
}
