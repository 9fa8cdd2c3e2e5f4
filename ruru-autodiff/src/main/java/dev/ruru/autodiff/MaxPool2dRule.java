package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;

/**
 * Max pooling over [N, C, H, W] windows (padding counts as −∞), a fused primitive: one pass finds
 * each window's maximum and records where it was (the first one on ties; a NaN wins, as in PyTorch).
 * The VJP sends each output's gradient to that recorded position ({@link PoolScatterRule}), O(output)
 * instead of comparing the input with the broadcast maximum; the JVP reads the tangent there
 * ({@link PoolGatherRule}). The composite (padding, strided slices and maximum) is its test oracle.
 */
final class MaxPool2dRule implements Rule {
  private final ConvGeometry geometry;
  /** Input elements per parallel chunk of planes: 64 K, a quarter of a core's L2 cache in float32. */
  private static final int PLANE_CHUNK_ELEMENTS = 1 << 16;
  /** Flat input index of each output's maximum, filled by {@link #forward}. */
  private int[] argmax;

  MaxPool2dRule(ConvGeometry geometry) {
    this.geometry = geometry;
  }

  public String name() { return "maxPool2d"; }

  public NDArray forward(NDArray... in) {
    ConvGeometry g = geometry;
    Object x = Im2col.data(in[0]);
    int[] positions = new int[g.batch() * g.outputSample()];
    // Planes (one channel of one sample) are independent; chunks of them run in parallel.
    int planes = g.batch() * g.channels();
    int chunk = Math.max(1, PLANE_CHUNK_ELEMENTS / Math.max(1, g.height() * g.width()));
    Object out = Im2col.allocate(in[0].dtype(), positions.length);
    Parallel.forEachRun(planes, chunk, (from, to) -> pool(x, g, positions, out, from, to, 0, 0));
    argmax = positions;
    return Im2col.array(out, g.outputShape().dims());
  }

  /**
   * Pools the planes [fromPlane, toPlane) of {@code x} into {@code out} and records where each maximum
   * was in {@code argmax}. Plane p's outputs start at targetBase + p·OH·OW; a maximum at index i of
   * {@code x} is recorded as positionBase + i, so that a caller pooling a scratch of one sample
   * ({@link ConvReluPoolRule}) records places in the whole batch.
   */
  static void pool(Object x, ConvGeometry g, int[] argmax, Object out, int fromPlane, int toPlane, int targetBase, int positionBase) {
    switch (x) {
      case float[] f when isHalving(g) -> halve(f, g, argmax, (float[]) out, fromPlane, toPlane, targetBase, positionBase);
      case float[] f -> findMaxima(f, g, argmax, (float[]) out, fromPlane, toPlane, targetBase, positionBase);
      case double[] d -> findMaxima(d, g, argmax, (double[]) out, fromPlane, toPlane, targetBase, positionBase);
      default -> throw new IllegalStateException("maxPool2d: unsupported storage " + x.getClass());
    }
  }

  /**
   * {@link #pool} for input that a relu made, every value +0 or above, or NaN (the fused block,
   * {@link ConvReluPoolRule}). Such floats order as their bit patterns do as ints, once a NaN's sign
   * bit is cleared (arithmetic makes NaNs with it set), so 2×2 windows at stride 2 compare ints, and
   * the winner's place is computed without a branch. Float selects compile to branches, which
   * mispredict on relu's zeros (0.48 against 1.02 ms for W3's first block, micro-benchmark), and so do
   * int selects when the compiler's profile was taken on skewed data, as early training's is: written
   * with ternaries, W3's two blocks pooled in 1.13 and 0.64 s an epoch, with arithmetic in 0.80 and
   * 0.44. The first of equal values wins, as in {@link #pool}; of several NaNs the one with the
   * largest payload does, and the output is that NaN without its sign.
   */
  static void poolNonNegative(Object x, ConvGeometry g, int[] argmax, Object out, int fromPlane, int toPlane, int targetBase, int positionBase) {
    if (x instanceof float[] f && isHalving(g) && argmax == null) {
      halveValues(f, g, (float[]) out, fromPlane, toPlane, targetBase);
    } else if (x instanceof float[] f && isHalving(g)) {
      halveNonNegative(f, g, argmax, (float[]) out, fromPlane, toPlane, targetBase, positionBase);
    } else {
      pool(x, g, argmax, out, fromPlane, toPlane, targetBase, positionBase);
    }
  }

  private static void halveNonNegative(float[] x, ConvGeometry g, int[] argmax, float[] out, int fromPlane, int toPlane, int targetBase,
      int positionBase) {
    int width = g.width();
    int target = targetBase + fromPlane * g.outHeight() * g.outWidth();
    for (int p = fromPlane; p < toPlane; p++) {
      for (int oy = 0; oy < g.outHeight(); oy++) {
        int row = p * g.height() * width + 2 * oy * width;
        for (int ox = 0; ox < g.outWidth(); ox++, target++) {
          int topLeft = row + 2 * ox;
          int a = Float.floatToRawIntBits(x[topLeft]) & Integer.MAX_VALUE;
          int b = Float.floatToRawIntBits(x[topLeft + 1]) & Integer.MAX_VALUE;
          int c = Float.floatToRawIntBits(x[topLeft + width]) & Integer.MAX_VALUE;
          int d = Float.floatToRawIntBits(x[topLeft + width + 1]) & Integer.MAX_VALUE;
          // (x − y) >>> 31 is 1 exactly when y > x (both in [0, 2³¹), so no overflow), and −1 & v
          // is v: the winner's index is arithmetic, with no branch for the profile to choose.
          int later = (a - b) >>> 31;
          int at = topLeft + later;
          int max = Math.max(a, b);
          later = (max - c) >>> 31;
          at += (topLeft + width - at) & -later;
          max = Math.max(max, c);
          later = (max - d) >>> 31;
          at += (topLeft + width + 1 - at) & -later;
          max = Math.max(max, d);
          argmax[target] = positionBase + at;
          out[target] = Float.intBitsToFloat(max);
        }
      }
    }
  }

  /**
   * {@link #halveNonNegative} when nothing asks where the maxima were (inference): the same values
   * (the largest bit pattern with the sign cleared), four loads and three int maxima a window. Finding
   * each winner's place cost more than twice that (4.3 against 1.7 ns a window for W3's first block,
   * micro-benchmark; the pooling was 23% of the CNN's batch-64 inference in JFR). A two-pass form, the
   * larger of each column's two rows first, measured 2.1 ns.
   */
  private static void halveValues(float[] x, ConvGeometry g, float[] out, int fromPlane, int toPlane, int targetBase) {
    int width = g.width();
    int target = targetBase + fromPlane * g.outHeight() * g.outWidth();
    for (int p = fromPlane; p < toPlane; p++) {
      for (int oy = 0; oy < g.outHeight(); oy++) {
        int row = p * g.height() * width + 2 * oy * width;
        for (int ox = 0; ox < g.outWidth(); ox++, target++) {
          int topLeft = row + 2 * ox;
          int a = Float.floatToRawIntBits(x[topLeft]) & Integer.MAX_VALUE;
          int b = Float.floatToRawIntBits(x[topLeft + 1]) & Integer.MAX_VALUE;
          int c = Float.floatToRawIntBits(x[topLeft + width]) & Integer.MAX_VALUE;
          int d = Float.floatToRawIntBits(x[topLeft + width + 1]) & Integer.MAX_VALUE;
          out[target] = Float.intBitsToFloat(Math.max(Math.max(a, b), Math.max(c, d)));
        }
      }
    }
  }

  /** 2×2 windows at stride 2 without padding: the pooling of most CNNs (W3's), worth a loop of its own. */
  private static boolean isHalving(ConvGeometry g) {
    Conv2dSpec s = g.spec();
    return g.kernelHeight() == 2 && g.kernelWidth() == 2 && s.strideHeight() == 2 && s.strideWidth() == 2
        && s.padTop() == 0 && s.padLeft() == 0;
  }

  /**
   * The 2×2 case of {@link #findMaxima}, in the same order (row by row, the first on ties). The four
   * values stay in registers and each comparison picks with a conditional move, not a branch: after
   * relu half the inputs are 0, so "is it larger?" is a coin toss that a branch mispredicts, and the
   * earlier form, which re-read the running maximum through its index, measured 13 ns a window. NaN
   * never compares larger, so a window holding one is redone by the rule "the first NaN wins",
   * behind a branch that is almost never taken and so costs nothing.
   */
  private static void halve(float[] x, ConvGeometry g, int[] argmax, float[] out, int fromPlane, int toPlane, int targetBase, int positionBase) {
    int width = g.width();
    int target = targetBase + fromPlane * g.outHeight() * g.outWidth();
    for (int p = fromPlane; p < toPlane; p++) {
      for (int oy = 0; oy < g.outHeight(); oy++) {
        int row = p * g.height() * width + 2 * oy * width;
        for (int ox = 0; ox < g.outWidth(); ox++, target++) {
          int topLeft = row + 2 * ox;
          float a = x[topLeft], b = x[topLeft + 1], c = x[topLeft + width], d = x[topLeft + width + 1];
          int best = b > a ? 1 : 0;
          float max = Math.max(a, b);
          best = c > max ? 2 : best;
          max = Math.max(max, c);
          best = d > max ? 3 : best;
          if ((a != a) | (b != b) | (c != c) | (d != d)) {
            best = a != a ? 0 : b != b ? 1 : c != c ? 2 : 3;
          }
          int at = topLeft + (best & 1) + (best >> 1) * width;
          if (argmax != null) {
            argmax[target] = positionBase + at;
          }
          out[target] = x[at];
        }
      }
    }
  }

  /**
   * Scans each window row by row; the column range of window ox (clipped to the input) is computed
   * once per call, not once per window. {@code v != v} is NaN: the first NaN of a window wins.
   */
  private static void findMaxima(float[] x, ConvGeometry g, int[] argmax, float[] out, int fromPlane, int toPlane, int targetBase, int positionBase) {
    int[] first = new int[g.outWidth()];
    int[] end = new int[g.outWidth()];
    columnRanges(g, first, end);
    int width = g.width();
    int target = targetBase + fromPlane * g.outHeight() * g.outWidth();
    for (int p = fromPlane; p < toPlane; p++) {
      int plane = p * g.height() * width;
      for (int oy = 0; oy < g.outHeight(); oy++) {
        int top = oy * g.spec().strideHeight() - g.spec().padTop();
        int rowStart = plane + Math.max(0, top) * width;
        int rowEnd = plane + Math.min(g.height(), top + g.kernelHeight()) * width;
        for (int ox = 0; ox < g.outWidth(); ox++, target++) {
          int best = rowStart + first[ox];
          float max = x[best];
          for (int row = rowStart; row < rowEnd; row += width) {
            for (int i = row + first[ox]; i < row + end[ox]; i++) {
              float v = x[i];
              if (v > max || (v != v && max == max)) {
                max = v;
                best = i;
              }
            }
          }
          if (argmax != null) {
            argmax[target] = positionBase + best;
          }
          out[target] = max;
        }
      }
    }
  }

  private static void findMaxima(double[] x, ConvGeometry g, int[] argmax, double[] out, int fromPlane, int toPlane, int targetBase, int positionBase) {
    int[] first = new int[g.outWidth()];
    int[] end = new int[g.outWidth()];
    columnRanges(g, first, end);
    int width = g.width();
    int target = targetBase + fromPlane * g.outHeight() * g.outWidth();
    for (int p = fromPlane; p < toPlane; p++) {
      int plane = p * g.height() * width;
      for (int oy = 0; oy < g.outHeight(); oy++) {
        int top = oy * g.spec().strideHeight() - g.spec().padTop();
        int rowStart = plane + Math.max(0, top) * width;
        int rowEnd = plane + Math.min(g.height(), top + g.kernelHeight()) * width;
        for (int ox = 0; ox < g.outWidth(); ox++, target++) {
          int best = rowStart + first[ox];
          double max = x[best];
          for (int row = rowStart; row < rowEnd; row += width) {
            for (int i = row + first[ox]; i < row + end[ox]; i++) {
              double v = x[i];
              if (v > max || (v != v && max == max)) {
                max = v;
                best = i;
              }
            }
          }
          if (argmax != null) {
            argmax[target] = positionBase + best;
          }
          out[target] = max;
        }
      }
    }
  }

  /** The input columns [first, end) of each output column's window, clipped to the input. */
  private static void columnRanges(ConvGeometry g, int[] first, int[] end) {
    for (int ox = 0; ox < first.length; ox++) {
      int left = ox * g.spec().strideWidth() - g.spec().padLeft();
      first[ox] = Math.max(0, left);
      end[ox] = Math.min(g.width(), left + g.kernelWidth());
    }
  }

  public Tensor vjp(int input, Tensor gradient, Tensor[] in, Tensor out) {
    return Tensor.apply(new PoolScatterRule(argmax, in[0].shape()), gradient);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    return Tensor.apply(new PoolGatherRule(argmax, out.shape()), t[0]);
  }
}
