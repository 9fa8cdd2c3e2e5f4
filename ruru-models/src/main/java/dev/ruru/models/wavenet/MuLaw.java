package dev.ruru.models.wavenet;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * µ-law companding and 256-level quantisation, the sample coding of WaveNet (and of telephone audio,
 * ITU-T G.711): f(x) = sign(x)·ln(1 + µ|x|) / ln(1 + µ) with µ = 255 spends the levels where speech
 * spends its time, near zero, so 8 bits sound like 13 linear ones. Code q = round((f(x) + 1)/2 · 255);
 * decoding inverts f at the level's value. Silence, 0.0, is code 128.
 *
 * <pre>{@code
 * NDArray codes = MuLaw.encode(waveform);       // float samples in [-1, 1] -> int32 codes 0..255
 * NDArray back = MuLaw.decode(codes);           // float32 samples, within a level of the input
 * }</pre>
 */
public final class MuLaw {
  /** Quantisation levels, the softmax's classes. */
  public static final int LEVELS = 256;
  /** The code of silence (0.0). */
  public static final int SILENCE = 128;
  private static final double MU = LEVELS - 1;

  private MuLaw() {}

  /** Codes 0..255 (int32) of samples in [−1, 1] (values outside are clipped), any shape; the input is not modified. */
  public static NDArray encode(NDArray samples) {
    double[] x = samples.toDoubleArray();
    int[] codes = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      codes[i] = encode(x[i]);
    }
    return NDArray.wrap(codes, samples.shape().dims());
  }

  /** The code of one sample in [−1, 1] (clipped; NaN is refused). */
  public static int encode(double sample) {
    if (Double.isNaN(sample)) {
      throw new IllegalArgumentException("mu-law: cannot encode NaN; the waveform has undefined samples");
    }
    double x = Math.max(-1, Math.min(1, sample));
    double companded = Math.signum(x) * Math.log1p(MU * Math.abs(x)) / Math.log1p(MU);
    return (int) Math.round((companded + 1) / 2 * MU);
  }

  /** Samples in [−1, 1] (float32) of codes 0..255, any shape. */
  public static NDArray decode(NDArray codes) {
    long[] q = codes.toLongArray();
    float[] x = new float[q.length];
    for (int i = 0; i < q.length; i++) {
      x[i] = (float) decode((int) q[i]);
    }
    return NDArray.wrap(x, codes.shape().dims()).astype(DType.FLOAT32);
  }

  /** The sample of one code. */
  public static double decode(int code) {
    if (code < 0 || code >= LEVELS) {
      throw new IllegalArgumentException("mu-law: code " + code + " is outside 0.." + (LEVELS - 1));
    }
    double companded = 2.0 * code / MU - 1;
    return Math.signum(companded) * Math.expm1(Math.abs(companded) * Math.log1p(MU)) / MU;
  }
}
