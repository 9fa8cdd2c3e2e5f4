package dev.ruru.models.latent;

import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The VAE's objective (Kingma and Welling, 2014), minimised as the negative evidence lower bound per
 * image, in nats: −ELBO = E_q[−log p(x | z)] + KL(q(z | x) ‖ N(0, I)), with the Gaussian posterior
 * q = N(μ(x), diag σ²(x)). One sample z = μ + σ·ε, ε ~ N(0, I), estimates the expectation, and because
 * ε is drawn apart from the parameters (the reparameterisation trick) the gradient flows through μ and
 * σ. The KL term is analytic: ½·Σ (μ² + σ² − 1 − log σ²). A β-VAE (Higgins et al., 2017) weighs it by β.
 *
 * <p>Reports per batch, and so per epoch, {@code negative_elbo} (nats per image, β = 1) and its two terms
 * {@code reconstruction} and {@code kl}; the loss is reconstruction + β·kl. Training draws ε from the
 * generator {@code "noise"} (saved in checkpoints, so a resumed run draws the same ε); each evaluation
 * pass restarts its own generator, so validating does not disturb training and repeats exactly.
 *
 * <pre>{@code
 * LatentModel vae = LatentSpec.of("vae", 20, 400, 0).build(rng);
 * Elbo elbo = new Elbo(vae, new Adam(vae.parameters(), 1e-3), DecoderDistribution.BERNOULLI, 1.0, new ResumableRandom(1));
 * History history = Trainer.builder(elbo).batchSize(128).build().fit(train, test, 10);
 * }</pre>
 */
public final class Elbo implements Objective {
  private static final long EVALUATION_SEED = 0x5EEDL;
  private final LatentModel model;
  private final List<Phase> phases;
  private final DecoderDistribution decoder;
  private final double beta;
  private final ResumableRandom noise;
  private ResumableRandom evaluationNoise = new ResumableRandom(EVALUATION_SEED);

  public Elbo(LatentModel model, Optimizer optimizer, DecoderDistribution decoder, double beta, ResumableRandom noise) {
    if (!model.spec().isVariational()) {
      throw new IllegalArgumentException("Elbo trains VAEs; " + model.spec().architecture() + " is trained by Reconstruction");
    }
    checkBeta(beta);
    this.model = model;
    this.phases = List.of(Phase.of(optimizer));
    this.decoder = decoder;
    this.beta = beta;
    this.noise = noise;
  }

  /** β must be a finite number >= 0 (0 turns the VAE into an autoencoder with a noisy code). */
  public static void checkBeta(double beta) {
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("Invalid --beta: " + beta + " (the KL term's weight must be >= 0; 1 is the plain VAE)");
    }
  }

  @Override public Map<String, Layer> models() { return Map.of("model", model); }
  @Override public List<Phase> phases() { return phases; }
  @Override public Map<String, ResumableRandom> generators() { return Map.of("noise", noise); }

  @Override
  public void startPass(Mode mode) {
    if (mode == Mode.EVAL) {
      evaluationNoise = new ResumableRandom(EVALUATION_SEED);
    }
  }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    NDArray images = Reconstruction.flatImages(batch, model.spec());
    NDArray labels = model.spec().isConditional() ? batch.labels() : null;
    RandomGenerator rng = mode == Mode.TRAIN ? noise : evaluationNoise;
    Terms terms = terms(model, decoder, Tensor.constant(images), labels, NDArray.randn(latentShape(images), rng).astype(images.dtype()), mode);
    Tensor reconstruction = terms.reconstruction().mean();
    Tensor kl = terms.kl().mean();
    double negativeElbo = reconstruction.item() + kl.item();
    return Result.of(beta == 1 ? reconstruction.add(kl) : reconstruction.add(kl.mul(beta)))
        .with("negative_elbo", negativeElbo).with("reconstruction", reconstruction).with("kl", kl);
  }

  private Shape latentShape(NDArray images) {
    return Shape.of(images.dim(0), model.spec().latent());
  }

  /** The ELBO's two terms per image, [n] each: −log p(x | z) at z = μ + σ·ε, and KL(q(z | x) ‖ N(0, I)). */
  public record Terms(Tensor reconstruction, Tensor kl) {
    /** −ELBO per image, [n]. */
    public Tensor negativeElbo() {
      return reconstruction.add(kl);
    }
  }

  /** The two terms for {@code images} [n, pixels] with the noise {@code epsilon} [n, latent] given (for tests: fixed noise). */
  public static Terms terms(LatentModel model, DecoderDistribution decoder, Tensor images, NDArray labels, NDArray epsilon, Mode mode) {
    LatentModel.Encoding q = model.encode(images, labels, mode);
    Tensor z = reparameterise(q.mean(), q.logVariance(), epsilon);
    Tensor logits = model.decode(z, labels, mode);
    return new Terms(decoder.negativeLogLikelihood(logits, images.reshape(images.shape().dim(0), model.spec().pixels())),
        klToStandardNormal(q.mean(), q.logVariance()));
  }

  /** z = μ + exp(½·log σ²)·ε: a sample of N(μ, σ²) that is differentiable in μ and log σ². */
  public static Tensor reparameterise(Tensor mean, Tensor logVariance, NDArray epsilon) {
    if (!epsilon.shape().equals(mean.shape())) {
      throw new IllegalArgumentException("reparameterise: noise " + epsilon.shape() + " does not match the mean " + mean.shape());
    }
    return mean.add(logVariance.mul(0.5).exp().mul(Tensor.constant(epsilon.astype(mean.dtype()))));
  }

  /** KL(N(μ, σ²) ‖ N(0, 1)) summed over the code, per row: ½·Σ (μ² + σ² − 1 − log σ²), [n]. */
  public static Tensor klToStandardNormal(Tensor mean, Tensor logVariance) {
    return mean.mul(mean).add(logVariance.exp()).sub(1).sub(logVariance).sum(1, Dims.DROP).mul(0.5);
  }

  /**
   * The importance-weighted estimate of log p(x) per image with {@code k} samples (Burda et al., 2016):
   * log (1/k)·Σ_j p(x | z_j)·p(z_j) / q(z_j | x), z_j ~ q(z | x). It is a lower bound that tightens as k
   * grows (k = 1 is the ELBO) and approaches log p(x). Returns [n], in nats; no gradients.
   */
  public static NDArray importanceWeightedLogLikelihood(LatentModel model, DecoderDistribution decoder, NDArray images, NDArray labels, int k,
      RandomGenerator rng) {
    if (k < 1) {
      throw new IllegalArgumentException("importance-weighted estimate: k must be >= 1, got " + k);
    }
    Tensor x = Tensor.constant(images.reshape(images.dim(0), model.spec().pixels()));
    LatentModel.Encoding q = model.encode(x, labels, Mode.EVAL);
    NDArray[] logWeights = new NDArray[k];
    for (int j = 0; j < k; j++) {
      NDArray epsilon = NDArray.randn(q.mean().shape(), rng).astype(q.mean().dtype());
      logWeights[j] = logWeight(model, decoder, x, labels, q, epsilon).reshape(1, images.dim(0));
    }
    return NDArray.concatenate(List.of(logWeights), 0).logsumexp(0).sub(Math.log(k));
  }

  /**
   * log p(x | z) + log p(z) − log q(z | x) at z = μ + σ·ε; the Gaussians' ½·log 2π cancel, and
   * (z − μ)/σ = ε, so log p(z) − log q(z | x) = ½·Σ (ε² − z² + log σ²).
   */
  static NDArray logWeight(LatentModel model, DecoderDistribution decoder, Tensor x, NDArray labels, LatentModel.Encoding q, NDArray epsilon) {
    Tensor z = reparameterise(q.mean(), q.logVariance(), epsilon);
    NDArray logLikelihood = decoder.negativeLogLikelihood(model.decode(z, labels, Mode.EVAL), x).value().neg();
    NDArray zValue = z.value();
    NDArray prior = epsilon.mul(epsilon).sub(zValue.mul(zValue)).add(q.logVariance().value()).sum(1).mul(0.5);
    return logLikelihood.add(prior);
  }
}
