package dev.ruru.models.latent;

import dev.ruru.array.Dims;
import dev.ruru.autodiff.BinaryCrossEntropy;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Functional;
import dev.ruru.nn.LossReduction;
import dev.ruru.nn.Losses;
import java.util.Locale;

/**
 * A VAE decoder's distribution p(x | z) over the pixels given the logits it outputs, and its negative
 * log-likelihood in nats per image (summed over pixels), the ELBO's reconstruction term:
 * <ul>
 *   <li>Bernoulli with p = σ(logit): −Σ [x·log p + (1 − x)·log(1 − p)], the binary cross-entropy, as
 *       Kingma and Welling and PyTorch's example use for grey levels in [0, 1];</li>
 *   <li>Gaussian with mean σ(logit) and the fixed standard deviation {@link #GAUSSIAN_STD}:
 *       Σ [(x − μ)² / (2s²) + log s + ½·log 2π], a density, so its "nats" may be negative.</li>
 * </ul>
 */
public enum DecoderDistribution {
  BERNOULLI, GAUSSIAN;

  /** The Gaussian decoder's standard deviation: about the noise of 8-bit grey levels' quantisation, blurred. */
  public static final double GAUSSIAN_STD = 0.1;
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  /** −log p(x | z) per image, [n], for {@code logits} and {@code images} [n, pixels]. */
  public Tensor negativeLogLikelihood(Tensor logits, Tensor images) {
    return switch (this) {
      // The fused row sums (one logarithm per image) where the images are data; the general loss where they carry gradients.
      case BERNOULLI -> images.requiresGrad() || images.tangent() != null
          ? Losses.binaryCrossEntropyWithLogits(logits, images, null, LossReduction.NONE).sum(1, Dims.DROP)
          : BinaryCrossEntropy.withLogitsSummed(logits, images.value());
      case GAUSSIAN -> {
        Tensor error = Functional.sigmoid(logits).sub(images).div(GAUSSIAN_STD);
        yield error.mul(error).mul(0.5).add(Math.log(GAUSSIAN_STD) + HALF_LOG_TWO_PI).sum(1, Dims.DROP);
      }
    };
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DecoderDistribution fromId(String id) {
    return switch (id) {
      case "bernoulli" -> BERNOULLI;
      case "gaussian" -> GAUSSIAN;
      default -> throw new IllegalArgumentException("unknown decoder distribution '" + id + "'; expected bernoulli or gaussian");
    };
  }
}
