package dev.ruru.cli;

import dev.ruru.models.latent.LatentSettings;
import dev.ruru.models.latent.LatentSpec;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.TrainingControls;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code ruru train}'s options for the latent-space models (autoencoder, conv-autoencoder, vae, conv-vae):
 * the code's size, β, the denoising noise, the L1 sparsity, the label condition, the loss and a
 * convolutional decoder's upsampling. Each is refused, by name, for a family it does not apply to.
 */
final class LatentOptions {
  /** Options that define a latent run: --resume takes them from the checkpoint. */
  static final List<String> RUN_OPTIONS = List.of("--latent", "--beta", "--noise", "--noise-type", "--sparsity", "--conditional", "--loss",
      "--upsampling");

  @Option(names = "--latent", paramLabel = "N", defaultValue = "2",
      description = "Latent models: the code's size (default: ${DEFAULT-VALUE}, which the latent-space and manifold pictures need);"
          + " gan: the noise vector's (default: 100).")
  int latent;

  @Option(names = "--beta", paramLabel = "B", defaultValue = "1",
      description = "vae, conv-vae: the KL term's weight, a beta-VAE for B != 1 (default: ${DEFAULT-VALUE}).")
  double beta;

  @Option(names = "--noise", paramLabel = "F", defaultValue = "0",
      description = "autoencoder, conv-autoencoder: denoising, with Gaussian noise of standard deviation F or (--noise-type masking)"
          + " a share F of the pixels set to 0 (default: 0, none).")
  double noise;

  @Option(names = "--noise-type", paramLabel = "NAME", defaultValue = "gaussian", description = "gaussian (default) or masking.")
  String noiseType;

  @Option(names = "--sparsity", paramLabel = "L", defaultValue = "0",
      description = "autoencoder, conv-autoencoder: weight of an L1 penalty on the code, a sparse autoencoder (default: 0, off).")
  double sparsity;

  @Option(names = "--conditional", description = "Latent models and gan: condition the networks on the label (one-hot), so that"
      + " ruru generate --class C draws images of class C.")
  boolean conditional;

  @Option(names = "--loss", paramLabel = "NAME",
      description = "Autoencoders: bce (default) or mse; VAEs: the decoder's distribution, bernoulli (default) or gaussian.")
  String loss;

  @Option(names = "--upsampling", paramLabel = "NAME", defaultValue = "transposed",
      description = "conv-autoencoder, conv-vae: how the decoder upsamples: transposed (default), nearest or bilinear (then a 3x3 convolution).")
  String upsampling;

  /** Refuses the options given that the latent model {@code model} does not take (--beta for an autoencoder, ...). */
  void checkApplicable(String model, ParseResult parsed) {
    boolean latentModel = LatentSpec.ARCHITECTURES.contains(model);
    if (!latentModel) {
      return;  // which families take --latent and --conditional at all is FamilyOptions' to say
    }
    boolean variational = model.equals(LatentSpec.VAE) || model.equals(LatentSpec.CONV_VAE);
    for (String option : RUN_OPTIONS) {
      if (!parsed.hasMatchedOption(option)) {
        continue;
      }
      boolean applies = switch (option) {
        case "--beta" -> variational;
        case "--noise", "--noise-type", "--sparsity" -> latentModel && !variational;
        case "--upsampling" -> model.startsWith("conv-");
        default -> latentModel || model.equals(GanOptions.MODEL);
      };
      if (!applies) {
        throw new IllegalArgumentException(option + " applies to " + appliesTo(option) + ", not " + model);
      }
    }
  }

  private static String appliesTo(String option) {
    return switch (option) {
      case "--beta" -> "vae and conv-vae";
      case "--noise", "--noise-type", "--sparsity" -> "autoencoder and conv-autoencoder";
      case "--upsampling" -> "conv-autoencoder and conv-vae";
      default -> String.join(", ", LatentSpec.ARCHITECTURES) + " and " + GanOptions.MODEL;
    };
  }

  /**
   * The run's settings; {@code hidden} is the --hidden width when given (else 400 for a VAE, PyTorch's
   * example, and 256 for an autoencoder), and the optimiser's numbers are null when not given.
   */
  LatentSettings settings(String model, String dataset, String dataName, Integer hidden, OptimizerChoice optimizer, Double learningRate,
      Double momentum, Double weightDecay, int batchSize, double validationSplit, long seed, TrainingControls controls) {
    boolean variational = model.equals(LatentSpec.VAE) || model.equals(LatentSpec.CONV_VAE);
    String chosenLoss = loss != null ? loss : variational ? "bernoulli" : "bce";
    String noiseKind = noise == 0 ? "none" : noiseType;
    return new LatentSettings(model, dataset, dataName, latent, hidden != null ? hidden : variational ? 400 : 256, conditional, upsampling,
        chosenLoss, beta, noiseKind, noise, sparsity, optimizer, learningRate != null ? learningRate : optimizer.defaultLearningRate(),
        momentum != null ? momentum : optimizer.defaultMomentum(), weightDecay != null ? weightDecay : optimizer.defaultWeightDecay(), batchSize,
        validationSplit, seed, controls);
  }
}
