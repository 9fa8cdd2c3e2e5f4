package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Reads a convolution's output gradient one sample, [O, OH·OW], at a time, for the backward kernels
 * ({@link ConvTranspose2dRule#transpose}, {@link Conv2dWeightRule#weightAndBias}): in place; masked by
 * relu's derivative, g·H(y) with y the layer's relu output; or made from the gradient of a max pooling
 * after the relu, each pooled gradient times H(pooled) sent to its window's maximum. The masked and
 * pooled forms build the sample in a scratch of one sample while it is in cache, instead of as passes
 * over the whole gradient into fresh arrays. Each parallel task takes its own reader from the
 * supplier, so the scratch is reused sample after sample.
 */
abstract class GradientSamples {
  /** The array holding sample n; it starts at {@link #offset}. */
  abstract Object load(int n);

  abstract int offset(int n);

  /** The gradient as it lies, samples of {@code size}. */
  static Supplier<GradientSamples> inPlace(Object gradient, int size) {
    return () -> new GradientSamples() {
      Object load(int n) { return gradient; }
      int offset(int n) { return n * size; }
    };
  }

  /** gradient·H(mask), mask being the layer's relu output, as gradient has samples of {@code size}. */
  static Supplier<GradientSamples> masked(Object gradient, Object mask, int size) {
    return () -> new Scratch(gradient, size) {
      private final Object maskScratch = Array.newInstance(gradient.getClass().componentType(), size);

      Object load(int n) {
        // Both at index 0: the vectorised kernel reads its arrays at one index.
        System.arraycopy(gradient, n * size, scratch, 0, size);
        System.arraycopy(mask, n * size, maskScratch, 0, size);
        return mulHeaviside(scratch, maskScratch, size);
      }
    };
  }

  /**
   * The gradient of relu's output from the gradient of the max pooling that follows it: pooledGradient
   * (samples of {@code pooledSize}) times H(pooled), added at {@code positions}, the flat index of each
   * window's maximum in the [N, O, OH, OW] relu output (samples of {@code size}).
   */
  static Supplier<GradientSamples> unpooled(Object pooledGradient, Object pooled, int[] positions, int pooledSize, int size) {
    return () -> new Scratch(pooledGradient, size) {
      private final Object values = Array.newInstance(pooledGradient.getClass().componentType(), pooledSize);
      private final Object steps = Array.newInstance(pooledGradient.getClass().componentType(), pooledSize);

      Object load(int n) {
        System.arraycopy(pooledGradient, n * pooledSize, values, 0, pooledSize);
        System.arraycopy(pooled, n * pooledSize, steps, 0, pooledSize);
        mulHeaviside(values, steps, pooledSize);
        int base = n * size;
        int from = n * pooledSize;
        switch (scratch) {
          case float[] s -> {
            float[] v = (float[]) values;
            Arrays.fill(s, 0f);
            for (int i = 0; i < pooledSize; i++) {
              s[positions[from + i] - base] += v[i];
            }
          }
          case double[] s -> {
            double[] v = (double[]) values;
            Arrays.fill(s, 0d);
            for (int i = 0; i < pooledSize; i++) {
              s[positions[from + i] - base] += v[i];
            }
          }
          default -> throw new IllegalStateException("unpooled: unsupported storage " + scratch.getClass());
        }
        return scratch;
      }
    };
  }

  private abstract static class Scratch extends GradientSamples {
    final Object scratch;

    Scratch(Object like, int size) {
      scratch = Array.newInstance(like.getClass().componentType(), size);
    }

    int offset(int n) { return 0; }

    /** values ← values·H(steps) over the first {@code size}, through the vectorised kernel. */
    static Object mulHeaviside(Object values, Object steps, int size) {
      Im2col.array(values, size).mulHeavisideInPlace(Im2col.array(steps, size));
      return values;
    }
  }
}
