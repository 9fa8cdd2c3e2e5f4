package dev.ruru.models.specvae;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.audio.GriffinLim;
import dev.ruru.data.audio.MelFilterBank;
import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.data.audio.Stft;
import dev.ruru.data.audio.Waveform;
import dev.ruru.models.audio.AudioFeatures;
import dev.ruru.models.latent.LatentModel;
import dev.ruru.nn.Mode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A spectrogram VAE speaks: codes drawn from the prior N(0, T²·I) (T the temperature; 1 is the prior
 * itself, lower stays nearer its centre, where the decoder saw most codes) go through the decoder with
 * the digit, and each decoded picture σ(logits) [mels, frames] goes back to sound:
 * <ol>
 *   <li>the picture's values to mel power relative to its peak ({@link AudioFeatures#melPower});</li>
 *   <li>mel power to a linear power spectrogram by the filters' pseudo-inverse, negative values set to 0
 *       ({@link MelFilterBank#invert}); its square root is the magnitude;</li>
 *   <li>Griffin-Lim finds a phase that fits the magnitude, and the inverse STFT gives the samples
 *       ({@link GriffinLim}, zero initial phase);</li>
 *   <li>the clip is scaled to a peak of {@link #PEAK}: the picture holds loudness relative to its peak only.</li>
 * </ol>
 *
 * <pre>{@code
 * List<Waveform> sevens = SpectrogramSpeech.speak(SpectrogramVaeFiles.load(dir), 7, 10, 1.0, 0, 32);
 * }</pre>
 */
public final class SpectrogramSpeech {
  /** The generated clips' peak amplitude, about the corpus's. */
  public static final double PEAK = 0.5;
  /** Griffin-Lim's iterations unless asked otherwise: librosa's default. */
  public static final int ITERATIONS = 32;
  static final int MAX_CLIPS = 10_000;

  private SpectrogramSpeech() {}

  /** {@code count} clips of {@code digit}, drawn with {@code seed}; {@code iterations} of Griffin-Lim each. */
  public static List<Waveform> speak(SpectrogramVaeFiles.Loaded saved, int digit, int count, double temperature, long seed, int iterations) {
    LatentModel vae = saved.model();
    int classes = vae.spec().classes();
    if (digit < 0 || digit >= classes) {
      throw new IllegalArgumentException("--digit " + digit + ": outside 0.." + (classes - 1) + "; the model speaks the digits 0 to 9");
    }
    if (count < 1 || count > MAX_CLIPS) {
      throw new IllegalArgumentException("--samples " + count + ": must be in [1, " + MAX_CLIPS + "]");
    }
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("--temperature " + temperature + ": the prior's scale must be a finite number >= 0 (1: the prior)");
    }
    NDArray pictures = pictures(vae, digit, count, temperature, seed);
    AudioFeatures features = saved.features();
    MelFilterBank filters = new MelFilterBank(features.sampleRate(), features.fftSize(), features.mels());
    Stft stft = new Stft(features.fftSize(), features.hop());
    // The corpus's one second when the pictures are its size, else the shortest signal of that many frames.
    int length = features.frames(SpokenDigits.LENGTH) == pictures.dim(2) ? SpokenDigits.LENGTH : (pictures.dim(2) - 1) * features.hop();
    List<Waveform> clips = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      NDArray picture = pictures.slice(0, i, i + 1, 1).reshape(pictures.dim(1), pictures.dim(2));
      clips.add(Waveform.mono(features.sampleRate(), sound(picture, features, filters, stft, length, iterations)));
    }
    return clips;
  }

  /** The decoded pictures σ(decode(z, digit)), [count, mels, frames], z ~ N(0, T²·I). */
  static NDArray pictures(LatentModel vae, int digit, int count, double temperature, long seed) {
    NDArray codes = NDArray.randn(Shape.of(count, vae.spec().latent()), new SplittableRandom(seed)).mul(temperature).astype(DType.FLOAT32);
    long[] digits = new long[count];
    Arrays.fill(digits, digit);
    NDArray logits = Autodiff.noGrad(() -> vae.decode(Tensor.constant(codes), NDArray.wrap(digits, count), Mode.EVAL).sigmoid().value());
    return logits.reshape(count, vae.spec().height(), vae.spec().width());
  }

  /** One picture [mels, frames] heard: mel power, linear magnitude, Griffin-Lim, scaled to {@link #PEAK}. */
  public static float[] sound(NDArray picture, AudioFeatures features, MelFilterBank filters, Stft stft, int length, int iterations) {
    NDArray magnitude = filters.invert(features.melPower(picture)).sqrt();
    float[] samples = GriffinLim.reconstruct(magnitude, stft, length, iterations, GriffinLim.MOMENTUM);
    double peak = 0;
    for (float sample : samples) {
      peak = Math.max(peak, Math.abs(sample));
    }
    if (peak > 0) {
      for (int i = 0; i < samples.length; i++) {
        samples[i] = (float) (samples[i] * PEAK / peak);
      }
    }
    return samples;
  }
}
