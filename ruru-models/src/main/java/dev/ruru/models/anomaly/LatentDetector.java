package dev.ruru.models.anomaly;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.ArrayDataset;
import dev.ruru.models.latent.Corruption;
import dev.ruru.models.latent.DecoderDistribution;
import dev.ruru.models.latent.Elbo;
import dev.ruru.models.latent.LatentModel;
import dev.ruru.models.latent.LatentSpec;
import dev.ruru.models.latent.Reconstruction;
import dev.ruru.models.latent.ReconstructionLoss;
import dev.ruru.models.latent.Upsampling;
import dev.ruru.nn.Mode;
import dev.ruru.optim.Adam;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.progress.ProgressBar;
import java.util.ArrayList;
import java.util.List;

/**
 * A dense autoencoder or VAE ({@link LatentModel}) as a one-class detector: trained on normal data only,
 * it reconstructs what resembles that data and fails on the rest.
 * <ul>
 *   <li>autoencoder: score = the mean squared error per feature of the reconstruction σ(decode(encode(x)));</li>
 *   <li>VAE: score = the negative ELBO in nats per input (the decoder's −log p(x | z) plus the KL term),
 *       averaged over {@value #SAMPLES} draws of the posterior noise from a fixed seed, so that one
 *       input always gets the same score, whatever batch it comes in.</li>
 * </ul>
 * Images in [0, 1] go in as they are (BCE training, Bernoulli decoder). Standardised tabular columns go
 * in as {@code 0.5 + z / 8} (a {@code scale} of 1/8 and {@code offset} of 0.5), which puts ±4 standard
 * deviations inside the decoder's (0, 1) range; MSE training and the Gaussian decoder stay defined
 * outside it, where an anomaly's larger error belongs.
 *
 * @param model the trained network
 * @param loss the autoencoder's training loss (mse, bce) or the VAE's decoder (bernoulli, gaussian)
 * @param offset added to each input after {@code scale}
 * @param scale each input's factor before the model sees it
 */
public record LatentDetector(LatentModel model, String loss, double offset, double scale) implements AnomalyDetector {
  /** The noise draws the VAE's score averages over. */
  static final int SAMPLES = 10;
  /** The scale and offset of standardised tabular columns. */
  static final double TABLE_SCALE = 0.125;
  static final double TABLE_OFFSET = 0.5;
  private static final long SCORE_SEED = 0x5C0EL;
  private static final int BATCH = 500;
  private static final int MAX_HIDDEN = 400;

  public LatentDetector {
    if (model.spec().isVariational()) {
      DecoderDistribution.fromId(loss);
    } else {
      ReconstructionLoss.fromId(loss);
    }
  }

  /**
   * Trains a dense {@code kind} ({@link AnomalyModelFiles#AUTOENCODER} or {@link AnomalyModelFiles#VAE})
   * on {@code normal} ([n, 28, 28] images in [0, 1], or [n, features] standardised columns when
   * {@code tabular}) with the one {@link Trainer}; the code has {@code settings.components()} numbers
   * and the hidden layer min(400, max(2·code, 2·features)). Quiet unless {@code progress} is given.
   */
  static LatentDetector train(ArrayDataset normal, AnomalyRun.Settings settings, boolean tabular, ProgressBar progress) {
    NDArray features = normal.features();
    int height = tabular ? 1 : features.dim(1);
    int width = (int) (features.size() / features.dim(0) / height);
    int latent = settings.components();
    boolean variational = settings.detector().equals(AnomalyModelFiles.VAE);
    LatentSpec spec = new LatentSpec(variational ? LatentSpec.VAE : LatentSpec.AUTOENCODER, latent,
        Math.min(MAX_HIDDEN, Math.max(2 * latent, 2 * width * height)), 0, Upsampling.TRANSPOSED, height, width);
    ResumableRandom random = new ResumableRandom(settings.seed());
    LatentModel model = spec.build(random);
    String loss = variational ? (tabular ? "gaussian" : "bernoulli") : (tabular ? "mse" : "bce");
    LatentDetector detector = new LatentDetector(model, loss, tabular ? TABLE_OFFSET : 0, tabular ? TABLE_SCALE : 1);
    Adam adam = new Adam(model.parameters(), settings.learningRate());
    ResumableRandom noise = new ResumableRandom(settings.seed() + 1);
    Objective objective = variational ? new Elbo(model, adam, DecoderDistribution.fromId(loss), 1, noise)
        : new Reconstruction(model, adam, ReconstructionLoss.fromId(loss), Corruption.NONE, 0, noise);
    var builder = Trainer.builder(objective).batchSize(settings.batchSize()).seed(settings.seed()).random(random);
    (progress == null ? builder.quiet() : builder.progress(progress)).build().fit(normal.mapFeatures(detector::modelInput), null, settings.epochs());
    return detector;
  }

  /** What the model sees of {@code inputs}: offset + scale·x, as float32 [n, features]. */
  NDArray modelInput(NDArray inputs) {
    NDArray flat = inputs.astype(DType.FLOAT32).reshape(inputs.dim(0), -1);
    return scale == 1 && offset == 0 ? flat : flat.mul(scale).add(offset).astype(DType.FLOAT32);
  }

  @Override
  public NDArray scores(NDArray inputs) {
    LatentSpec spec = model.spec();
    if (inputs.rank() < 2 || inputs.size() != (long) inputs.dim(0) * spec.pixels()) {
      throw new ShapeMismatchException("LatentDetector: expected inputs of " + spec.pixels() + " features each, got " + inputs.shape()
          + "; the detector was trained on inputs of that size");
    }
    return Autodiff.noGrad(() -> {
      ResumableRandom noise = new ResumableRandom(SCORE_SEED);
      List<NDArray> parts = new ArrayList<>();
      for (int start = 0; start < inputs.dim(0); start += BATCH) {
        parts.add(batchScores(modelInput(inputs.slice(0, start, Math.min(start + BATCH, inputs.dim(0)), 1)), noise));
      }
      return NDArray.concatenate(parts, 0);
    });
  }

  private NDArray batchScores(NDArray x, ResumableRandom noise) {
    Tensor input = Tensor.constant(x);
    if (!model.spec().isVariational()) {
      NDArray error = model.forward(input, Mode.EVAL).value().sub(x);
      return error.mul(error).astype(DType.FLOAT64).mean(1);
    }
    NDArray sum = NDArray.zeros(Shape.of(x.dim(0)), DType.FLOAT64);
    for (int s = 0; s < SAMPLES; s++) {
      NDArray epsilon = NDArray.randn(Shape.of(x.dim(0), model.spec().latent()), noise).astype(DType.FLOAT32);
      Elbo.Terms terms = Elbo.terms(model, DecoderDistribution.fromId(loss), input, null, epsilon, Mode.EVAL);
      sum = sum.add(terms.negativeElbo().value().astype(DType.FLOAT64));
    }
    return sum.div(SAMPLES);
  }

  @Override
  public String describe() {
    return (model.spec().isVariational() ? "VAE negative ELBO, " : "autoencoder reconstruction error, ") + model.spec().describe();
  }
}
