package dev.ruru.onnx;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;

/**
 * Max and average pooling over any number of spatial axes with any pads, dilations and ceil_mode, composed
 * of pads and strided slices: the window's element at offset o along an axis is the slice starting at
 * o·dilation with the stride. Slower than the fused 2-D kernels, which take the common case.
 *
 * <p>Output length per axis: ⌊(n + pads − span) / s⌋ + 1 with span = (k − 1)·d + 1, rounded up instead with
 * ceil_mode (and then one less when the last window would start in the end padding), as ONNX and PyTorch
 * define it. The ceil_mode windows reach past the padding: max pooling ignores that part, average pooling
 * does not count it.
 */
final class Pooling {
  private Pooling() {}

  /** The geometry of one pooling: per spatial axis kernel, stride, pads before and after, dilation. */
  record Geometry(int[] kernel, int[] strides, int[] padsBefore, int[] padsAfter, int[] dilations, boolean ceil) {}

  static Tensor pool(Tensor x, Geometry g, boolean max, boolean countPads) {
    int spatial = g.kernel.length;
    int[] out = new int[spatial];
    int[][] widths = new int[x.rank()][2];
    int[][] explicit = new int[x.rank()][2];
    for (int i = 0; i < spatial; i++) {
      int in = x.shape().dim(2 + i);
      int span = (g.kernel[i] - 1) * g.dilations[i] + 1;
      int room = in + g.padsBefore[i] + g.padsAfter[i] - span;
      out[i] = (g.ceil ? Math.ceilDiv(room, g.strides[i]) : Math.floorDiv(room, g.strides[i])) + 1;
      if (g.ceil && (out[i] - 1) * g.strides[i] >= in + g.padsBefore[i]) {
        out[i]--;
      }
      int extra = Math.max(0, (out[i] - 1) * g.strides[i] + span - (in + g.padsBefore[i] + g.padsAfter[i]));
      widths[2 + i] = new int[] {g.padsBefore[i], g.padsAfter[i] + extra};
      explicit[2 + i] = new int[] {g.padsBefore[i], g.padsAfter[i]};
    }
    NDArray zeros = NDArray.zeros(x.shape(), x.dtype());
    if (max) {
      // Padding that can never win: the lowest finite value (not −∞, whose gradient would be NaN).
      Tensor padded = x.pad(widths).add(Tensor.constant(zeros.pad(widths, -Float.MAX_VALUE)));
      return windows(padded, g, out, true);
    }
    Tensor sums = windows(x.pad(widths), g, out, false);
    NDArray counted = zeros.add(1).pad(explicit, countPads ? 1 : 0);
    int[][] rest = new int[x.rank()][2];
    for (int i = 2; i < x.rank(); i++) {
      rest[i] = new int[] {0, widths[i][1] - explicit[i][1]};
    }
    Tensor counts = windows(Tensor.constant(counted.pad(rest, 0)), g, out, false);
    return sums.div(counts);
  }

  /** The maximum or sum over every kernel offset of the strided slices of {@code padded}. */
  private static Tensor windows(Tensor padded, Geometry g, int[] out, boolean max) {
    int spatial = g.kernel.length;
    int offsets = 1;
    for (int k : g.kernel) {
      offsets *= k;
    }
    Tensor result = null;
    for (int flat = 0; flat < offsets; flat++) {
      Tensor window = padded;
      int rest = flat;
      for (int i = spatial - 1; i >= 0; i--) {
        int offset = rest % g.kernel[i] * g.dilations[i];
        rest /= g.kernel[i];
        window = window.slice(2 + i, offset, offset + (out[i] - 1) * g.strides[i] + 1, g.strides[i]);
      }
      result = result == null ? window : max ? result.maximum(window) : result.add(window);
    }
    return result;
  }
}
