package dev.ruru.models.audio;

import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.data.audio.DigitClips;
import dev.ruru.data.audio.LogMelSpectrogram;
import java.util.Arrays;

/**
 * What the spoken-digit CNN sees: each clip's log-mel spectrogram as a greyscale picture
 * {@code [mels, frames]} with values in [0, 1]. The STFT has {@code fftSize}-sample periodic Hann frames,
 * {@code hop} apart and centred; the power goes through Slaney mel filters; decibels are floored 80 dB
 * below the clip's peak ({@link LogMelSpectrogram}) and scaled as {@code (dB − peak + 80) / 80}, so the
 * loudest cell is 1 and anything 80 dB quieter is 0, whatever the voice's loudness. Rows run from the
 * highest band (row 0) to the lowest, as a spectrogram is drawn, so every picture of the run reads the
 * usual way up. One second at 16 kHz with the defaults (512, 256, 32 mels) is {@code [32, 63]}.
 *
 * @param sampleRate the clips' sample rate in Hz
 * @param fftSize samples per STFT frame
 * @param hop samples between frames
 * @param mels mel bands
 */
public record AudioFeatures(int sampleRate, int fftSize, int hop, int mels) {
  private static final int CLIPS_PER_CHUNK = 16;

  /** The defaults: 32 ms frames every 16 ms at 16 kHz, 32 mel bands. */
  public static AudioFeatures defaults(int sampleRate) {
    return new AudioFeatures(sampleRate, 512, 256, 32);
  }

  public AudioFeatures {
    // Validates the combination once, with the data package's own messages.
    new LogMelSpectrogram(sampleRate, fftSize, hop, mels);
  }

  /** The picture of one clip of {@code length} samples: {@code [mels, 1 + length / hop]}. */
  public int frames(int length) {
    return 1 + length / hop;
  }

  /** Every clip's picture, float32 {@code [n, mels, frames]}; the clips are shared out among the array threads. */
  public NDArray of(DigitClips clips) {
    int n = clips.size();
    int length = clips.waveforms().dim(1);
    int size = mels * frames(length);
    float[] pictures = new float[n * size];
    float[] waveforms = clips.waveforms().contiguous().toFloatArray();
    Parallel.forEachRun(n, CLIPS_PER_CHUNK, (from, to) -> {
      // One spectrogram per run: its Fourier transform's buffers are not shared between threads.
      LogMelSpectrogram spectrogram = new LogMelSpectrogram(sampleRate, fftSize, hop, mels);
      for (int i = from; i < to; i++) {
        picture(spectrogram, Arrays.copyOfRange(waveforms, i * length, (i + 1) * length), pictures, i * size);
      }
    });
    return NDArray.wrap(pictures, n, mels, frames(length));
  }

  /** The picture of one clip, written into {@code pictures} from {@code base}. */
  private void picture(LogMelSpectrogram spectrogram, float[] clip, float[] pictures, int base) {
    double[] decibels = spectrogram.decibels(clip).toDoubleArray();
    int frames = frames(clip.length);
    double peak = Double.NEGATIVE_INFINITY;
    for (double value : decibels) {
      peak = Math.max(peak, value);
    }
    for (int band = 0; band < mels; band++) {
      int row = mels - 1 - band;
      for (int t = 0; t < frames; t++) {
        pictures[base + row * frames + t] = (float) ((decibels[band * frames + t] - peak + LogMelSpectrogram.TOP_DB) / LogMelSpectrogram.TOP_DB);
      }
    }
  }

  /**
   * The way back from a picture {@code [mels, frames]} (values in [0, 1], highest band first) to its mel power
   * spectrogram {@code [mels, frames]}, lowest band first, relative to the clip's peak (which becomes 1):
   * {@code 10^((v − 1)·80 / 10)}. The peak's true loudness is not in the picture, so neither is it here.
   */
  public NDArray melPower(NDArray picture) {
    if (picture.rank() != 2 || picture.dim(0) != mels) {
      throw new IllegalArgumentException("AudioFeatures.melPower: expected a picture [" + mels + ", frames]; got " + picture.shape());
    }
    int frames = picture.dim(1);
    double[] values = picture.contiguous().toDoubleArray();
    double[] power = new double[values.length];
    for (int row = 0; row < mels; row++) {
      int band = mels - 1 - row;
      for (int t = 0; t < frames; t++) {
        double decibels = (Math.clamp(values[row * frames + t], 0, 1) - 1) * LogMelSpectrogram.TOP_DB;
        power[band * frames + t] = Math.pow(10, decibels / 10);
      }
    }
    return NDArray.wrap(power, mels, frames);
  }

  /** In words, for model.json and the run's description. */
  public String describe() {
    return "log-mel spectrogram: " + sampleRate + " Hz, " + fftSize + "-sample Hann frames every " + hop + ", " + mels
        + " Slaney mel bands (highest first), dB floored 80 below the clip's peak, scaled to [0, 1]";
  }
}
