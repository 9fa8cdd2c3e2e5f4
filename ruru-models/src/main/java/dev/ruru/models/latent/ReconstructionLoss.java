package dev.ruru.models.latent;

import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Losses;

/**
 * How an autoencoder's reconstruction is scored against the clean image, both as a mean over pixels:
 * the squared error of σ(logit), or the binary cross-entropy of the logits (which treats each pixel's
 * value in [0, 1] as a probability, and whose gradient does not vanish where σ saturates).
 */
public enum ReconstructionLoss {
  MSE, BINARY_CROSS_ENTROPY;

  /** The mean loss of {@code logits} [n, pixels] against {@code images} [n, pixels]. */
  public Tensor mean(Tensor logits, Tensor images) {
    return switch (this) {
      case MSE -> Losses.mse(logits.sigmoid(), images);
      case BINARY_CROSS_ENTROPY -> Losses.binaryCrossEntropyWithLogits(logits, images);
    };
  }

  /** "mse" or "bce", as on the command line. */
  public String id() {
    return this == MSE ? "mse" : "bce";
  }

  public static ReconstructionLoss fromId(String id) {
    return switch (id) {
      case "mse" -> MSE;
      case "bce" -> BINARY_CROSS_ENTROPY;
      default -> throw new IllegalArgumentException("unknown reconstruction loss '" + id + "'; expected mse or bce");
    };
  }
}
