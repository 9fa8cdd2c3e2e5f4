package dev.ruru.data.audio;

import dev.ruru.array.NDArray;

/**
 * Mel-frequency cepstral coefficients: the orthonormal DCT-II of a log-mel spectrogram along the mel
 * axis, keeping the first coefficients (the spectral envelope's coarse shape), as
 * {@code scipy.fft.dct(log_mel, type=2, norm='ortho', axis=0)[:n]} and {@code librosa.feature.mfcc}:
 * <pre>
 *   c[k] = s_k · Σ_m x[m]·cos(π·k·(2m + 1) / (2M)),   s_0 = √(1/M), s_k = √(2/M)
 * </pre>
 * The DCT is a matrix {@code [coefficients, mels]} applied with one product.
 */
public final class Mfcc {
  private final NDArray dct;

  /** The first {@code coefficients} of the DCT-II over {@code mels} values. */
  public Mfcc(int mels, int coefficients) {
    if (mels < 1 || coefficients < 1 || coefficients > mels) {
      throw new IllegalArgumentException("Mfcc: need 1 <= coefficients <= mels; got " + coefficients + " coefficients of " + mels + " mels");
    }
    this.dct = dctMatrix(mels, coefficients);
  }

  /** The coefficients {@code [coefficients, frames]} of a log-mel spectrogram {@code [mels, frames]}. */
  public NDArray apply(NDArray logMel) {
    if (logMel.rank() != 2 || logMel.dim(0) != dct.dim(1)) {
      throw new IllegalArgumentException("Mfcc: expected a log-mel spectrogram [" + dct.dim(1) + ", frames]; got " + logMel.shape());
    }
    return dct.matmul(logMel.astype(dct.dtype()));
  }

  /** The orthonormal DCT-II matrix's first {@code rows} rows, float64 {@code [rows, n]}. */
  public static NDArray dctMatrix(int n, int rows) {
    double[] values = new double[rows * n];
    for (int k = 0; k < rows; k++) {
      double scale = Math.sqrt((k == 0 ? 1.0 : 2.0) / n);
      for (int m = 0; m < n; m++) {
        values[k * n + m] = scale * Math.cos(Math.PI * k * (2 * m + 1) / (2.0 * n));
      }
    }
    return NDArray.wrap(values, rows, n);
  }
}
