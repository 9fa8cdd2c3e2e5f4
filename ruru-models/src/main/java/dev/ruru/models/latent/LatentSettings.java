package dev.ruru.models.latent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.TrainingControls;

/**
 * The settings of one latent-model run ({@link LatentRun}), kept in its checkpoint so that
 * {@code --resume} continues with exactly these.
 *
 * @param model autoencoder, conv-autoencoder, vae or conv-vae
 * @param dataset {@code fashion-mnist} or {@code mnist}
 * @param dataName the data actually used: the dataset's id, with {@code -sample} for the embedded sample
 * @param latent the code's size
 * @param hidden the dense layers' width
 * @param conditional whether the model takes the label (a one-hot vector beside the features and the code)
 * @param upsampling a convolutional decoder's: transposed, nearest or bilinear
 * @param loss an autoencoder's reconstruction loss (mse or bce), or a VAE's decoder (bernoulli or gaussian)
 * @param beta the KL term's weight (VAE; 1 for an autoencoder, unused)
 * @param noise the denoising autoencoder's noise: none, gaussian or masking
 * @param noiseLevel its standard deviation or masked share
 * @param sparsity the weight of the L1 penalty on an autoencoder's code (0: none)
 */
public record LatentSettings(String model, String dataset, String dataName, int latent, int hidden, boolean conditional, String upsampling,
    String loss, double beta, String noise, double noiseLevel, double sparsity, OptimizerChoice optimizer, double learningRate, double momentum,
    double weightDecay, int batchSize, double validationSplit, long seed, TrainingControls controls) {
  /** The checkpoint metadata key the settings are stored under. */
  public static final String KEY = "ruru.train.latent_settings";
  private static final ObjectMapper JSON = new ObjectMapper();

  public LatentSettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("Invalid --batch-size: " + batchSize + " (must be >= 1)");
    }
    if (!(validationSplit >= 0 && validationSplit < 1)) {
      throw new IllegalArgumentException("Invalid --validation-split: " + validationSplit + " (must be in [0, 1))");
    }
    controls = controls == null ? TrainingControls.NONE : controls;
    // Build what the strings name, so that a mistake is reported before any data is read.
    new LatentSpec(model, latent, hidden, 0, Upsampling.fromId(upsampling), 28, 28);
    Elbo.checkBeta(beta);
    corruption(noise, noiseLevel);
    if (!(sparsity >= 0) || Double.isInfinite(sparsity)) {
      throw new IllegalArgumentException("Invalid --sparsity: " + sparsity + " (the L1 weight on the code must be >= 0)");
    }
    boolean variational = model.equals(LatentSpec.VAE) || model.equals(LatentSpec.CONV_VAE);
    if (variational) {
      DecoderDistribution.fromId(loss);
    } else {
      ReconstructionLoss.fromId(loss);
    }
  }

  /** The denoising noise these settings name. */
  public Corruption corruption() {
    return corruption(noise, noiseLevel);
  }

  // The compact constructor checks the parameters before the fields hold them: a static method sees the values.
  private static Corruption corruption(String noise, double noiseLevel) {
    return switch (noise) {
      case "none" -> Corruption.NONE;
      case "gaussian" -> Corruption.gaussian(noiseLevel);
      case "masking" -> Corruption.masking(noiseLevel);
      default -> throw new IllegalArgumentException("unknown --noise-type '" + noise + "'; expected gaussian or masking");
    };
  }

  /** The model these settings describe, for images of {@code height}x{@code width} and {@code classes} classes. */
  public LatentSpec spec(int classes, int height, int width) {
    return new LatentSpec(model, latent, hidden, conditional ? classes : 0, Upsampling.fromId(upsampling), height, width);
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("LatentSettings: cannot write JSON", e);
    }
  }

  public static LatentSettings fromJson(String json, String source) {
    try {
      return JSON.readValue(json, LatentSettings.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": the saved latent-model settings are not readable: " + e.getOriginalMessage(), e);
    }
  }
}
