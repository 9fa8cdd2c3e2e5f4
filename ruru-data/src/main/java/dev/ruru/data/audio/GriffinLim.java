package dev.ruru.data.audio;

import dev.ruru.array.NDArray;

/**
 * Hears a magnitude spectrogram: Griffin and Lim's (1984) phase reconstruction, with the momentum of
 * Perraudin et al. (2013, "fast Griffin-Lim"), as {@code librosa.griffinlim(S, n_iter, momentum=0.99,
 * init=None)}. Starting from zero phase, each iteration inverts the spectrogram with the current phases,
 * transforms the signal again and keeps only the new phases (the magnitudes stay the given ones):
 * <pre>
 *   rebuilt ← STFT(ISTFT(S·e^(iφ)));   a ← rebuilt − (μ / (1 + μ))·previous;   e^(iφ) ← a / (|a| + 1e-16)
 * </pre>
 * Zero phase, not librosa's default random phase, so that the result is deterministic without a seed.
 */
public final class GriffinLim {
  /** librosa's default momentum. */
  public static final double MOMENTUM = 0.99;

  private GriffinLim() {}

  /** A signal of {@code length} samples whose STFT's magnitude approaches {@code magnitude} {@code [bins, frames]}. */
  public static float[] reconstruct(NDArray magnitude, Stft stft, int length, int iterations, double momentum) {
    if (iterations < 0 || momentum < 0) {
      throw new IllegalArgumentException("GriffinLim: iterations and momentum must be >= 0; got " + iterations + ", " + momentum);
    }
    if (magnitude.rank() != 2 || magnitude.dim(0) != stft.bins() || magnitude.dim(1) != stft.frames(length)) {
      throw new IllegalArgumentException("GriffinLim: expected a magnitude [" + stft.bins() + ", " + stft.frames(length) + "] for "
          + length + " samples (frame size " + stft.fftSize() + ", hop " + stft.hop() + "); got " + magnitude.shape());
    }
    int bins = magnitude.dim(0);
    int frames = magnitude.dim(1);
    double[] s = magnitude.astype(dev.ruru.array.DType.FLOAT64).contiguous().toDoubleArray();
    double[] cos = new double[s.length];
    double[] sin = new double[s.length];
    java.util.Arrays.fill(cos, 1);
    double[] previousRe = new double[s.length];
    double[] previousIm = new double[s.length];
    double carry = momentum / (1 + momentum);
    for (int iteration = 0; iteration < iterations; iteration++) {
      float[] signal = stft.inverse(withPhase(s, cos, sin, bins, frames), length);
      ComplexSpectrogram rebuilt = stft.forward(signal);
      double[] re = rebuilt.real().toDoubleArray();
      double[] im = rebuilt.imaginary().toDoubleArray();
      for (int i = 0; i < s.length; i++) {
        double aRe = re[i] - carry * previousRe[i];
        double aIm = im[i] - carry * previousIm[i];
        double norm = Math.hypot(aRe, aIm) + 1e-16;
        cos[i] = aRe / norm;
        sin[i] = aIm / norm;
      }
      previousRe = re;
      previousIm = im;
    }
    return stft.inverse(withPhase(s, cos, sin, bins, frames), length);
  }

  private static ComplexSpectrogram withPhase(double[] s, double[] cos, double[] sin, int bins, int frames) {
    double[] re = new double[s.length];
    double[] im = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      re[i] = s[i] * cos[i];
      im[i] = s[i] * sin[i];
    }
    return new ComplexSpectrogram(NDArray.wrap(re, bins, frames), NDArray.wrap(im, bins, frames));
  }
}
