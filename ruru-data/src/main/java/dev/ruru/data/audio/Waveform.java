package dev.ruru.data.audio;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * Sound as numbers: {@code samples} is float32 {@code [channels, frames]} with values in [-1, 1] (16-bit PCM
 * divided by 32768), played at {@code sampleRate} frames per second. Immutable, as NDArray is.
 *
 * <pre>{@code
 * Waveform tone = Waveform.mono(16000, samples);   // one channel
 * WavFile.write(Path.of("tone.wav"), tone);
 * }</pre>
 */
public record Waveform(int sampleRate, NDArray samples) {
  public Waveform {
    if (sampleRate <= 0) {
      throw new IllegalArgumentException("Waveform: sample rate must be > 0; got " + sampleRate);
    }
    if (samples.rank() != 2 || samples.dim(0) < 1) {
      throw new IllegalArgumentException("Waveform: samples must be [channels, frames] with at least one channel; got " + samples.shape());
    }
    if (samples.dtype() != DType.FLOAT32) {
      samples = samples.astype(DType.FLOAT32);
    }
  }

  /** One channel of {@code samples} (copied). */
  public static Waveform mono(int sampleRate, float[] samples) {
    return new Waveform(sampleRate, NDArray.of(samples, 1, samples.length));
  }

  /** The number of channels: 1 mono, 2 stereo. */
  public int channels() {
    return samples.dim(0);
  }

  /** The number of frames (samples per channel). */
  public int frames() {
    return samples.dim(1);
  }

  /** The duration in seconds. */
  public double seconds() {
    return frames() / (double) sampleRate;
  }

  /** Channel {@code index}'s samples, a fresh array. */
  public float[] channel(int index) {
    if (index < 0 || index >= channels()) {
      throw new IndexOutOfBoundsException("Waveform.channel: index " + index + " out of range for " + channels() + " channels");
    }
    return samples.slice(0, index, index + 1, 1).reshape(frames()).toFloatArray();
  }

  /** The channels averaged into one, as a fresh array (mono sound is returned as a copy). */
  public float[] mixdown() {
    return samples.mean(0).toFloatArray();
  }
}
