package dev.ruru.data.audio;

import dev.ruru.array.NDArray;

/**
 * The log-mel spectrogram, the usual picture of speech for a network: the STFT's power
 * ({@link Stft}, Hann window, centred frames), summed through Slaney-scale mel filters
 * ({@link MelFilterBank}), in decibels as {@code librosa.power_to_db(S, ref=1.0, amin=1e-10, top_db=80)}:
 * {@code 10·log10(max(S, 1e-10))}, then floored at 80 dB below the clip's loudest value (so digital
 * silence does not dominate the picture).
 *
 * <pre>{@code
 * LogMelSpectrogram features = new LogMelSpectrogram(16000, 512, 160, 40);
 * NDArray picture = features.decibels(clip);   // [40, 101] for one second
 * }</pre>
 */
public final class LogMelSpectrogram {
  /** The floor below the loudest value, in dB, as librosa's {@code top_db}. */
  public static final double TOP_DB = 80;
  private static final double AMIN = 1e-10;

  private final Stft stft;
  private final MelFilterBank filters;

  /** {@code mels} bands from 0 Hz to Nyquist over frames of {@code fftSize} samples, {@code hop} apart, at {@code sampleRate}. */
  public LogMelSpectrogram(int sampleRate, int fftSize, int hop, int mels) {
    this.stft = new Stft(fftSize, hop);
    this.filters = new MelFilterBank(sampleRate, fftSize, mels);
  }

  /** The STFT used. */
  public Stft stft() {
    return stft;
  }

  /** The mel filters used. */
  public MelFilterBank filters() {
    return filters;
  }

  /** The mel power spectrogram, float64 {@code [mels, frames]}. */
  public NDArray power(float[] signal) {
    return filters.apply(stft.forward(signal).power());
  }

  /** The log-mel spectrogram in dB, float64 {@code [mels, frames]}. */
  public NDArray decibels(float[] signal) {
    return powerToDecibels(power(signal), TOP_DB);
  }

  /** {@code 10·log10(max(power, 1e-10))}, floored at {@code topDb} below its maximum (no floor when topDb is infinite). */
  public static NDArray powerToDecibels(NDArray power, double topDb) {
    if (!(topDb > 0)) {
      throw new IllegalArgumentException("powerToDecibels: top_db must be > 0; got " + topDb);
    }
    NDArray decibels = power.maximum(AMIN).log().mul(10 / Math.log(10));
    if (Double.isInfinite(topDb)) {
      return decibels;
    }
    return decibels.maximum(decibels.max().item() - topDb);
  }
}
