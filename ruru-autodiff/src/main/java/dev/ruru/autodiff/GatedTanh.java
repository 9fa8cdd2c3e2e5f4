package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.FloatTanh;
import dev.ruru.array.NDArray;
import dev.ruru.array.ShapeMismatchException;
import java.util.List;

/**
 * The gated activation unit of WaveNet and PixelCNN (van den Oord et al. 2016): h [N, 2C, …] split
 * along the channels into a filter half a and a gate half b, z = tanh(a) ⊙ σ(b) [N, C, …]. One
 * primitive ({@link GatedTanhRule}) because composed it was two slices, a tanh, a sigmoid and a
 * product forward, and back two slice gradients padded to h's size and summed; here each direction is
 * one pass over h with the bits of the composite, {@code h.slice(1, 0, C, 1).tanh().mul(h.slice(1, C,
 * 2C, 1).sigmoid())}, which stays as its test oracle.
 *
 * <pre>{@code
 * Tensor z = GatedTanh.apply(h);   // h [8, 64, 1024] -> z [8, 32, 1024]
 * }</pre>
 */
public final class GatedTanh {
  private GatedTanh() {}

  /** tanh of the first half of axis 1 times σ of the second half. Inputs are not modified. */
  public static Tensor apply(Tensor h) {
    if (!h.dtype().isFloating() || h.rank() < 2 || h.shape().dim(1) % 2 != 0) {
      throw new ShapeMismatchException("gatedTanh: expected a float32 or float64 input [batch, 2·channels, ...] with an even channel "
          + "count, got " + h.dtype() + " " + h.shape() + "; the first half of axis 1 is the filter, the second the gate");
    }
    return Tensor.apply(new GatedTanhRule(), h);
  }

  /** The float32 kernel: z (when {@code g} is null) or the gradient [g·σ(b)·(1 − t²), g·t·σ(b)·(1 − σ(b))] laid out like h. */
  static NDArray float32(NDArray h, NDArray g) {
    int batch = h.shape().dim(0), half = h.shape().dim(1) / 2;
    for (int axis = 2; axis < h.rank(); axis++) {
      half *= h.shape().dim(axis);
    }
    float[] in = h.floatsToRead(), upstream = g == null ? null : g.floatsToRead();
    float[] out = new float[g == null ? batch * half : 2 * batch * half];
    float[] t = new float[half], s = new float[half];
    for (int n = 0; n < batch; n++) {
      int a = 2 * n * half;
      FloatTanh.tanh(in, a, t, 0, half);
      for (int i = 0; i < half; i++) {
        s[i] = 0.5f * in[a + half + i];
      }
      FloatTanh.tanh(s, 0, s, 0, half);
      for (int i = 0; i < half; i++) {
        s[i] = 0.5f + 0.5f * s[i];
      }
      if (upstream == null) {
        product(t, s, out, n * half, half);
      } else {
        slopes(upstream, n * half, t, s, out, a, half);
      }
    }
    return NDArray.wrap(out, g == null ? halfShape(h) : h.shape().dims());
  }

  private static void product(float[] t, float[] s, float[] out, int at, int n) {
    for (int i = 0; i < n; i++) {
      out[at + i] = t[i] * s[i];
    }
  }

  /** The products in the composite's order: (g·s)·(1 − t²) and (g·t)·(s·(1 − s)). */
  private static void slopes(float[] g, int at, float[] t, float[] s, float[] out, int to, int n) {
    for (int i = 0; i < n; i++) {
      out[to + i] = (g[at + i] * s[i]) * (1f - t[i] * t[i]);
      out[to + n + i] = (g[at + i] * t[i]) * (s[i] * (1f - s[i]));
    }
  }

  /** The same in any floating dtype, by array operations (float64 and the rest). */
  static NDArray composite(NDArray h, NDArray g) {
    int half = h.shape().dim(1) / 2;
    NDArray t = h.slice(1, 0, half, 1).tanh();
    NDArray s = h.slice(1, half, 2 * half, 1).mul(0.5).tanh().mul(0.5).add(0.5);
    if (g == null) {
      return t.mul(s);
    }
    NDArray filter = g.mul(s).mul(t.mul(t).neg().add(1));
    NDArray gate = g.mul(t).mul(s.mul(s.neg().add(1)));
    return NDArray.concatenate(List.of(filter, gate), 1);
  }

  static int[] halfShape(NDArray h) {
    int[] dims = h.shape().dims();
    dims[1] /= 2;
    return dims;
  }

  static boolean isFloat32(NDArray h, NDArray g) {
    return h.dtype() == DType.FLOAT32 && (g == null || g.dtype() == DType.FLOAT32);
  }
}
