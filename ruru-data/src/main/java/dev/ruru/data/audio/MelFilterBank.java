package dev.ruru.data.audio;

import dev.ruru.array.NDArray;
import dev.ruru.array.linalg.SymmetricEigen;

/**
 * Triangular filters evenly spaced on the mel scale, to turn a power spectrogram {@code [bins, frames]}
 * into a mel spectrogram {@code [mels, frames]}: {@code M = W · S} with W {@code [mels, bins]}. This is
 * {@code librosa.filters.mel(sr, n_fft, n_mels, fmin, fmax)} with its defaults: the <b>Slaney</b> mel scale
 * (linear below 1 kHz, {@code m = f / (200/3)}; logarithmic above, {@code m = 15 + ln(f / 1000) / (ln 6.4 / 27)}),
 * not HTK's {@code 2595·log10(1 + f/700)}, and Slaney's area normalisation (each triangle scaled by
 * {@code 2 / (f[i+2] − f[i])}, so every filter has the same area).
 */
public final class MelFilterBank {
  private static final double LINEAR_STEP = 200.0 / 3;
  private static final double BREAK_HZ = 1000;
  private static final double BREAK_MEL = BREAK_HZ / LINEAR_STEP;
  private static final double LOG_STEP = Math.log(6.4) / 27;

  private final int sampleRate;
  private final int fftSize;
  private final int mels;
  private final NDArray weights;
  private NDArray pseudoInverse;

  /** {@code mels} filters from {@code minHz} to {@code maxHz} over the bins of a {@code fftSize}-sample STFT at {@code sampleRate}. */
  public MelFilterBank(int sampleRate, int fftSize, int mels, double minHz, double maxHz) {
    if (sampleRate <= 0 || fftSize < 2 || mels < 1 || minHz < 0 || maxHz <= minHz || maxHz > sampleRate / 2.0) {
      throw new IllegalArgumentException("MelFilterBank: need sample rate > 0, frame size >= 2, mels >= 1 and 0 <= min < max <= "
          + "sample rate / 2; got " + sampleRate + " Hz, frame " + fftSize + ", " + mels + " mels, " + minHz + " to " + maxHz + " Hz");
    }
    this.sampleRate = sampleRate;
    this.fftSize = fftSize;
    this.mels = mels;
    this.weights = weights(sampleRate, fftSize, mels, minHz, maxHz);
  }

  /** Filters covering 0 Hz to Nyquist. */
  public MelFilterBank(int sampleRate, int fftSize, int mels) {
    this(sampleRate, fftSize, mels, 0, sampleRate / 2.0);
  }

  /** The filters, float64 {@code [mels, fftSize / 2 + 1]}. */
  public NDArray weights() {
    return weights;
  }

  /** The number of filters. */
  public int mels() {
    return mels;
  }

  /** {@code W · power}: the mel spectrogram {@code [mels, frames]} of a power spectrogram {@code [bins, frames]}. */
  public NDArray apply(NDArray power) {
    int bins = fftSize / 2 + 1;
    if (power.rank() != 2 || power.dim(0) != bins) {
      throw new IllegalArgumentException("MelFilterBank: expected a power spectrogram [" + bins + ", frames] (frame size " + fftSize
          + " at " + sampleRate + " Hz); got " + power.shape());
    }
    return weights.matmul(power.astype(weights.dtype()));
  }

  /**
   * The Moore-Penrose pseudo-inverse W⁺ = Wᵀ·(W·Wᵀ)⁻¹, float64 {@code [bins, mels]}: W⁺·M is the least-squares
   * power spectrogram of smallest norm whose mel spectrogram is M. (W·Wᵀ)⁻¹ comes from its eigendecomposition,
   * eigenvalues below 1e-10 of the largest counting as zero (numpy's {@code pinv} cuts off the same way), so that
   * filters too narrow to hold a bin of their own do not blow the inverse up.
   */
  public synchronized NDArray pseudoInverse() {
    if (pseudoInverse == null) {
      SymmetricEigen gram = SymmetricEigen.of(weights.matmul(weights.transpose()));
      double largest = Math.abs(gram.eigenvalues().max().item());
      pseudoInverse = weights.transpose().matmul(gram.map(value -> value > 1e-10 * largest ? 1 / value : 0));
    }
    return pseudoInverse;
  }

  /**
   * A power spectrogram {@code [bins, frames]} that these filters turn (nearly) into {@code melPower}
   * {@code [mels, frames]}: W⁺·M with its negative values set to 0, since power is never negative (the
   * cheap alternative to librosa's non-negative least squares in {@code mel_to_stft}). The mel bands
   * cannot say how power is spread inside a band, so the result is smooth where the filters are wide.
   */
  public NDArray invert(NDArray melPower) {
    if (melPower.rank() != 2 || melPower.dim(0) != mels) {
      throw new IllegalArgumentException("MelFilterBank.invert: expected a mel spectrogram [" + mels + ", frames]; got " + melPower.shape());
    }
    return pseudoInverse().matmul(melPower.astype(weights.dtype())).maximum(0);
  }

  /** Hertz to mels on the Slaney scale. */
  public static double hzToMel(double hz) {
    return hz < BREAK_HZ ? hz / LINEAR_STEP : BREAK_MEL + Math.log(hz / BREAK_HZ) / LOG_STEP;
  }

  /** Mels to hertz on the Slaney scale. */
  public static double melToHz(double mel) {
    return mel < BREAK_MEL ? mel * LINEAR_STEP : BREAK_HZ * Math.exp(LOG_STEP * (mel - BREAK_MEL));
  }

  private static NDArray weights(int sampleRate, int fftSize, int mels, double minHz, double maxHz) {
    int bins = fftSize / 2 + 1;
    double[] edges = new double[mels + 2];
    double low = hzToMel(minHz);
    double high = hzToMel(maxHz);
    for (int i = 0; i < edges.length; i++) {
      edges[i] = melToHz(low + (high - low) * i / (mels + 1));
    }
    double[] w = new double[mels * bins];
    for (int m = 0; m < mels; m++) {
      double area = 2 / (edges[m + 2] - edges[m]);
      for (int k = 0; k < bins; k++) {
        double hz = (double) k * sampleRate / fftSize;
        double rising = (hz - edges[m]) / (edges[m + 1] - edges[m]);
        double falling = (edges[m + 2] - hz) / (edges[m + 2] - edges[m + 1]);
        w[m * bins + k] = Math.max(0, Math.min(rising, falling)) * area;
      }
    }
    return NDArray.wrap(w, mels, bins);
  }
}
