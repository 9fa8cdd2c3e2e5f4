package dev.ruru.models.specvae;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.models.audio.AudioFeatures;
import dev.ruru.models.latent.Elbo;
import dev.ruru.models.latent.LatentSpec;
import dev.ruru.models.latent.Upsampling;

/**
 * What a spectrogram-VAE run trains, kept in its checkpoint so that {@code --resume} continues with exactly
 * these: the VAE's code size and hidden width, the log-mel picture's bands, β, the batch, Adam's learning
 * rate, the seed, and the corpus (its directory and the SHA-256 of its manifest).
 *
 * @param latent the code's size
 * @param hidden the encoder's hidden layer and the decoder's first
 * @param mels the pictures' mel bands (the frames follow from the clip: 63 for one second)
 * @param beta the KL term's weight (1: the plain VAE)
 */
public record SpectrogramVaeSettings(int latent, int hidden, int mels, double beta, int batchSize, double learningRate, long seed,
    String dataDirectory, String manifestSha256) {
  /** The checkpoint metadata key the settings are stored under. */
  public static final String KEY = "ruru.specvae.settings";
  private static final ObjectMapper JSON = new ObjectMapper();

  public SpectrogramVaeSettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("spec-vae: --batch-size must be positive, got " + batchSize);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("spec-vae: --lr must be positive, got " + learningRate);
    }
    if (mels < 8 || mels > 256) {
      throw new IllegalArgumentException("spec-vae: --mels must be in [8, 256], got " + mels);
    }
    Elbo.checkBeta(beta);
    // Builds what the numbers name, so that a mistake is reported before the corpus is read (the fields are not
    // assigned yet in a compact constructor: the parameters are).
    new LatentSpec(LatentSpec.VAE, latent, hidden, SpokenDigits.WORDS.size(), Upsampling.TRANSPOSED, mels, 1);
  }

  /** {@code ruru train --model spec-vae}'s defaults: code 16, hidden 512, 64 mel bands, β 1, batch 32, Adam 1e-3. */
  public static SpectrogramVaeSettings defaults(long seed, String dataDirectory, String manifestSha256) {
    return new SpectrogramVaeSettings(16, 512, 64, 1, 32, 1e-3, seed, dataDirectory, manifestSha256);
  }

  /** The pictures the VAE models: 32 ms Hann frames every 16 ms at 16 kHz, {@link #mels} bands, in [0, 1]. */
  public AudioFeatures features() {
    AudioFeatures defaults = AudioFeatures.defaults(SpokenDigits.SAMPLE_RATE);
    return new AudioFeatures(defaults.sampleRate(), defaults.fftSize(), defaults.hop(), mels);
  }

  /** The dense conditional VAE over pictures of {@code frames} frames, conditioned on the ten digits. */
  public LatentSpec spec(int frames) {
    return new LatentSpec(LatentSpec.VAE, latent, hidden, SpokenDigits.WORDS.size(), Upsampling.TRANSPOSED, mels, frames);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("SpectrogramVaeSettings: cannot write JSON", e);
    }
  }

  /** The settings {@link #toJson} wrote; {@code source} names the file in a message. */
  public static SpectrogramVaeSettings fromJson(String json, String source) {
    try {
      return JSON.readValue(json, SpectrogramVaeSettings.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": the saved spec-vae settings are not readable: " + e.getOriginalMessage(), e);
    }
  }
}
