package dev.ruru.data.audio;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * A short-time Fourier transform's result: the real and imaginary parts, each float64
 * {@code [bins, frames]} with {@code bins = fftSize / 2 + 1} (frequencies 0 to Nyquist), frames along
 * time, the layout of {@code torch.stft} and {@code librosa.stft}.
 */
public record ComplexSpectrogram(NDArray real, NDArray imaginary) {
  public ComplexSpectrogram {
    if (real.rank() != 2 || !real.shape().equals(imaginary.shape())) {
      throw new IllegalArgumentException("ComplexSpectrogram: real and imaginary parts must both be [bins, frames]; got "
          + real.shape() + " and " + imaginary.shape());
    }
    real = real.astype(DType.FLOAT64);
    imaginary = imaginary.astype(DType.FLOAT64);
  }

  /** The number of frequency bins. */
  public int bins() {
    return real.dim(0);
  }

  /** The number of frames. */
  public int frames() {
    return real.dim(1);
  }

  /** |X|, float64 {@code [bins, frames]}. */
  public NDArray magnitude() {
    return power().sqrt();
  }

  /** |X|², float64 {@code [bins, frames]}. */
  public NDArray power() {
    return real.mul(real).add(imaginary.mul(imaginary));
  }
}
