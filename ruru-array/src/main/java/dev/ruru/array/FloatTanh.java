package dev.ruru.array;

/**
 * tanh in float32 at vector speed: the one float32 tanh of Ruru (the array function {@link NDArray#tanh()}
 * on float32, hence the autodiff primitive and the sigmoid composed from it, and the fused recurrent
 * kernels). Profiled ConvLSTM and WaveNet training spent a quarter to a third of their time in
 * {@code Math.tanh} on doubles.
 *
 * <pre>
 *   tanh(x) = E / (E + 2),   E = expm1(2x),   x clamped to [−9.1, 9.1]
 *   expm1(y) = 2ⁿ·p(r) + (2ⁿ − 1),   y = n·ln 2 + r, |r| ≤ ln2 / 2,   p = Taylor series of expm1, degree 7
 * </pre>
 * The quotient has no cancellation anywhere: for small x, E = 2x to within an ulp, so the relative error
 * stays small down to the subnormals (tanh(x) = x there), where a rational fit with an absolute error
 * bound would not (one such fit turned a GRU's −1.1e-7 into 0 in an ONNX node test). Beyond 9.01 the
 * float tanh is ±1 and the quotient rounds to exactly ±1, hence the clamp; the sign is copied from x,
 * so tanh(−0) = −0 and NaN stays NaN. Measured against {@code Math.tanh} rounded to float over the whole
 * float range: at most 3 ulps, relative error below 2.5e-7 (FloatTanhTest checks a sweep of it).
 *
 * <p>The array loop runs in chunks through two loops, the reduction and polynomial, then the scaling
 * and quotient: HotSpot vectorizes each of them but not the two fused into one (measured about 2 ns
 * an element against 25 fused, and 50 for {@code Math.tanh}, on a loaded machine). The chunks are
 * copied to scratch arrays indexed from 0, so that the JIT can rule out overlap.
 */
public final class FloatTanh {
  private static final int CHUNK = 256;
  private static final float LIMIT = 9.1f;
  private static final float INV_LN2 = 1.44269504088896341f;
  /** ln 2 in two parts (Cody and Waite): n·LN2_HI is exact for the n that occur here. */
  private static final float LN2_HI = 0.693359375f, LN2_LO = -2.12194440e-4f;
  /** 1.5·2²³: adding it rounds a float of magnitude below 2²² to an integer, which its low bits hold. */
  private static final float ROUNDER = 12582912f;
  private static final int ROUNDER_BITS = 0x4B400000;

  private FloatTanh() {}

  /** tanh(x) in float32, the same value as the array loop gives. */
  public static float tanh(float x) {
    float y = 2f * Math.max(-LIMIT, Math.min(LIMIT, x));
    float shifted = y * INV_LN2 + ROUNDER;
    float p = expm1Reduced(y, shifted - ROUNDER);
    return quotient(x, p, shifted);
  }

  /** out[outOffset + i] = tanh(in[inOffset + i]) for i in [0, n); in and out may be the same array at the same offset. */
  public static void tanh(float[] in, int inOffset, float[] out, int outOffset, int n) {
    float[] p = new float[Math.min(n, CHUNK)];
    float[] shifted = new float[p.length];
    for (int start = 0; start < n; start += CHUNK) {
      int length = Math.min(CHUNK, n - start);
      // The chunk's input is read in place by both loops; out is written only after them, so in may be out.
      reduce(in, inOffset + start, p, shifted, length);
      scale(in, inOffset + start, p, shifted, length);
      System.arraycopy(p, 0, out, outOffset + start, length);
    }
  }

  /** p[i] = the polynomial of the reduced argument of 2·x[from + i], shifted[i] its exponent n plus {@link #ROUNDER}. */
  private static void reduce(float[] x, int from, float[] p, float[] shifted, int n) {
    for (int i = 0; i < n; i++) {
      float y = 2f * Math.max(-LIMIT, Math.min(LIMIT, x[from + i]));
      float s = y * INV_LN2 + ROUNDER;
      shifted[i] = s;
      p[i] = expm1Reduced(y, s - ROUNDER);
    }
  }

  /** p[i] ← tanh(x[from + i]) from its reduced polynomial and exponent. */
  private static void scale(float[] x, int from, float[] p, float[] shifted, int n) {
    for (int i = 0; i < n; i++) {
      p[i] = quotient(x[from + i], p[i], shifted[i]);
    }
  }

  /** expm1(r) for r = y − n·ln 2, |r| ≤ ln2 / 2. */
  private static float expm1Reduced(float y, float n) {
    float r = (y - n * LN2_HI) - n * LN2_LO;
    return r + r * r * (0.5f + r * (1f / 6 + r * (1f / 24 + r * (1f / 120 + r * (1f / 720 + r * (1f / 5040))))));
  }

  /** E / (E + 2) with E = 2ⁿ·p + (2ⁿ − 1) = expm1(2x), n read from the low bits of {@code shifted}; the sign of x. */
  private static float quotient(float x, float p, float shifted) {
    float scale = Float.intBitsToFloat((Float.floatToRawIntBits(shifted) - ROUNDER_BITS + 127) << 23);
    float e = scale * p + (scale - 1f);
    return Math.copySign(e / (e + 2f), x);
  }
}
