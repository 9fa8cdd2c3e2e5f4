package dev.ruru.data.audio;

import dev.ruru.array.NDArray;

/**
 * The short-time Fourier transform and its inverse, with the conventions of {@code torch.stft(x, n_fft,
 * hop_length, window=torch.hann_window(n_fft), center=True, pad_mode='reflect', return_complex=True)}:
 * a periodic Hann window as long as the transform ({@code w[j] = 0.5 − 0.5·cos(2πj/n)}), and centred
 * frames: the signal is padded by reflection with {@code n/2} samples at each end, so frame t is centred
 * on sample {@code t·hop}, and a signal of length L has {@code 1 + L / hop} frames (integer division).
 * Frame t's bin k is {@code Σ_j w[j]·x[t·hop − n/2 + j]·e^(−2πi·jk/n)}, unscaled.
 *
 * <p>The inverse overlaps and adds the windowed inverse transforms of the frames and divides by the summed
 * squared windows (Griffin and Lim's least-squares estimate, {@code torch.istft}); with a hop of at most
 * n/2 it recovers the signal to rounding.
 *
 * <pre>{@code
 * Stft stft = new Stft(512, 160);
 * ComplexSpectrogram spectrum = stft.forward(samples);  // [257, 1 + L/160]
 * float[] back = stft.inverse(spectrum, samples.length);
 * }</pre>
 */
public final class Stft {
  private final int fftSize;
  private final int hop;
  private final double[] window;
  private final FourierTransform fourier;

  /** A transform of {@code fftSize} samples per frame (at least 2, even), frames {@code hop} samples apart. */
  public Stft(int fftSize, int hop) {
    if (fftSize < 2 || fftSize % 2 != 0 || hop < 1 || hop > fftSize) {
      throw new IllegalArgumentException("stft: the frame size must be even and >= 2 and the hop in [1, frame size]; got frame size "
          + fftSize + ", hop " + hop);
    }
    this.fftSize = fftSize;
    this.hop = hop;
    this.window = new double[fftSize];
    for (int j = 0; j < fftSize; j++) {
      window[j] = 0.5 - 0.5 * Math.cos(2 * Math.PI * j / fftSize);
    }
    this.fourier = new FourierTransform(fftSize);
  }

  /** Samples per frame (the window's length). */
  public int fftSize() {
    return fftSize;
  }

  /** Samples between frames. */
  public int hop() {
    return hop;
  }

  /** The number of frequency bins, {@code fftSize / 2 + 1}. */
  public int bins() {
    return fftSize / 2 + 1;
  }

  /** The number of frames for a signal of {@code length} samples: {@code 1 + length / hop}. */
  public int frames(int length) {
    return 1 + length / hop;
  }

  /** The transform of {@code signal} (not modified), {@code [bins, frames]}. */
  public ComplexSpectrogram forward(float[] signal) {
    int length = signal.length;
    if (fftSize > length) {
      throw new IllegalArgumentException("stft: the window (" + fftSize + " samples) is longer than the signal (" + length
          + " samples); use a shorter frame size or pad the signal");
    }
    int frames = frames(length);
    int bins = bins();
    double[] real = new double[bins * frames];
    double[] imaginary = new double[bins * frames];
    double[] re = new double[fftSize];
    double[] im = new double[fftSize];
    // Two real frames per complex transform: z = a + i·b gives A[k] = (Z[k] + conj Z[n−k]) / 2 and
    // B[k] = (Z[k] − conj Z[n−k]) / 2i, so the STFT costs half the transforms.
    for (int t = 0; t < frames; t += 2) {
      boolean pair = t + 1 < frames;
      for (int j = 0; j < fftSize; j++) {
        re[j] = window[j] * signal[reflect(t * hop - fftSize / 2 + j, length)];
        im[j] = pair ? window[j] * signal[reflect((t + 1) * hop - fftSize / 2 + j, length)] : 0;
      }
      fourier.forward(re, im);
      for (int k = 0; k < bins; k++) {
        int mirror = (fftSize - k) % fftSize;
        real[k * frames + t] = 0.5 * (re[k] + re[mirror]);
        imaginary[k * frames + t] = 0.5 * (im[k] - im[mirror]);
        if (pair) {
          real[k * frames + t + 1] = 0.5 * (im[k] + im[mirror]);
          imaginary[k * frames + t + 1] = -0.5 * (re[k] - re[mirror]);
        }
      }
    }
    return new ComplexSpectrogram(NDArray.wrap(real, bins, frames), NDArray.wrap(imaginary, bins, frames));
  }

  /** The signal of {@code length} samples whose transform is (closest to) {@code spectrum}. */
  public float[] inverse(ComplexSpectrogram spectrum, int length) {
    if (spectrum.bins() != bins()) {
      throw new IllegalArgumentException("istft: the spectrum has " + spectrum.bins() + " bins, but a frame size of " + fftSize
          + " makes " + bins() + "; use the Stft that made it");
    }
    int frames = spectrum.frames();
    double[] real = spectrum.real().contiguous().toDoubleArray();
    double[] imaginary = spectrum.imaginary().contiguous().toDoubleArray();
    int padded = fftSize + hop * (frames - 1);
    double[] sum = new double[padded];
    double[] envelope = new double[padded];
    double[] re = new double[fftSize];
    double[] im = new double[fftSize];
    for (int t = 0; t < frames; t++) {
      hermitian(real, imaginary, t, frames, re, im);
      fourier.inverse(re, im);
      for (int j = 0; j < fftSize; j++) {
        sum[t * hop + j] += re[j] * window[j];
        envelope[t * hop + j] += window[j] * window[j];
      }
    }
    float[] signal = new float[length];
    int half = fftSize / 2;
    for (int i = 0; i < length && i + half < padded; i++) {
      double e = envelope[i + half];
      // Where no window reaches (a hop longer than the frame's support) there is nothing to recover.
      signal[i] = e > 1e-11 ? (float) (sum[i + half] / e) : 0f;
    }
    return signal;
  }

  /** Frame t's full spectrum from its half: X[n − k] = conj(X[k]); the imaginary parts at 0 and n/2 are dropped, as irfft does. */
  private void hermitian(double[] real, double[] imaginary, int t, int frames, double[] re, double[] im) {
    int bins = bins();
    for (int k = 0; k < bins; k++) {
      re[k] = real[k * frames + t];
      im[k] = imaginary[k * frames + t];
    }
    im[0] = 0;
    im[bins - 1] = 0;
    for (int k = 1; k < bins - 1; k++) {
      re[fftSize - k] = re[k];
      im[fftSize - k] = -im[k];
    }
  }

  /** Index {@code i} mirrored into [0, length) without repeating the edge sample (numpy's 'reflect'). */
  static int reflect(int i, int length) {
    if (length == 1) {
      return 0;
    }
    int period = 2 * (length - 1);
    int folded = Math.floorMod(i, period);
    return folded < length ? folded : period - folded;
  }
}
