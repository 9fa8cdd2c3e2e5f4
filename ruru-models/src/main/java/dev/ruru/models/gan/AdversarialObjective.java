package dev.ruru.models.gan;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Losses;
import dev.ruru.nn.Mode;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.List;
import java.util.Map;

/**
 * The non-saturating GAN loss (Goodfellow et al. 2014, §3) as an objective of two phases, each with
 * its own Adam (lr 2e-4, β₁ 0.5, as DCGAN), run in turn on every batch by the one {@code Trainer}:
 * <pre>
 *   discriminator  L_D = BCE(D(x), 1) + BCE(D(G(z)), 0)      (G(z) computed without gradients)
 *   generator      L_G = BCE(D(G(z)), 1) = −mean log σ(D(G(z)))
 * </pre>
 * BCE is the mean binary cross-entropy of logits. The generator maximises log D(G(z)) rather than
 * minimising log(1 − D(G(z))), whose gradient vanishes while D easily rejects early samples. z ~ N(0, I)
 * is drawn once per step, in the discriminator phase, from the objective's {@code "latent"} generator (so
 * checkpoints resume it), and reused by the generator phase; a conditional GAN also draws the fakes'
 * classes there, uniformly. Real images arrive as pixels in [0, 1] and are scaled to [−1, 1], Tanh's range.
 *
 * <p>Metrics: {@code d_real} and {@code d_fake}, the discriminator's mean probability that the real and the
 * fake images are real (both near 0.5 when the game is balanced).
 */
public final class AdversarialObjective implements Objective {
  private final GanSpec spec;
  private final Layer generator;
  private final Layer discriminator;
  private final ResumableRandom latent;
  private final List<Phase> phases;
  private Draw pending;

  /** z and the fakes' classes (null for an unconditional GAN) of one step. */
  record Draw(NDArray noise, NDArray labels) {}

  /** A GAN of {@code spec}, its weights drawn from {@code weights}, its noise from {@code noise}, Adam at {@code learningRate} (β 0.5, 0.999). */
  public AdversarialObjective(GanSpec spec, ResumableRandom weights, ResumableRandom noise, double learningRate) {
    this.spec = spec;
    this.generator = spec.generator(weights);
    this.discriminator = spec.discriminator(weights);
    this.latent = noise;
    AdamConfig adam = AdamConfig.adam(learningRate).withBetas(0.5, 0.999);
    this.phases = List.of(new Phase("discriminator_optimizer", new Adam(discriminator.parameters(), adam), "discriminator_loss"),
        new Phase("generator_optimizer", new Adam(generator.parameters(), adam), "generator_loss"));
  }

  public GanSpec spec() { return spec; }
  public Layer generator() { return generator; }
  public Layer discriminator() { return discriminator; }

  @Override public Map<String, Layer> models() { return Map.of("generator", generator, "discriminator", discriminator); }
  @Override public List<Phase> phases() { return phases; }
  @Override public Map<String, ResumableRandom> generators() { return Map.of("latent", latent); }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    if (phase == phases.get(0) || pending == null) {
      pending = draw(batch.size());
    }
    Draw draw = pending;
    if (phase == phases.get(1)) {
      pending = null;
      return generatorLoss(draw, mode);
    }
    return discriminatorLoss(realImages(batch.features()), spec.conditional() ? batch.labels() : null, draw, mode);
  }

  /** z ~ N(0, I) [n, L] and, for a conditional GAN, classes drawn uniformly. */
  Draw draw(int n) {
    NDArray noise = NDArray.randn(Shape.of(n, spec.latent()), latent);
    if (!spec.conditional()) {
      return new Draw(noise, null);
    }
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = latent.nextInt(spec.classes());
    }
    return new Draw(noise, NDArray.of(labels, n));
  }

  /** L_D on real images [n, 1, 28, 28] in [−1, 1] (with their labels when conditional) and the fakes of {@code draw}. */
  Result discriminatorLoss(NDArray real, NDArray realLabels, Draw draw, Mode mode) {
    NDArray fake = Autodiff.noGrad(() -> generator.forward(Tensor.constant(spec.generatorInput(draw.noise(), draw.labels())), mode).value());
    Tensor realLogits = discriminator.forward(spec.discriminatorInput(Tensor.constant(real), realLabels), mode);
    Tensor fakeLogits = discriminator.forward(spec.discriminatorInput(Tensor.constant(fake), draw.labels()), mode);
    Tensor loss = Losses.binaryCrossEntropyWithLogits(realLogits, ones(realLogits, 1))
        .add(Losses.binaryCrossEntropyWithLogits(fakeLogits, ones(fakeLogits, 0)));
    return Result.of(loss).with("d_real", realLogits.value().sigmoid().mean().item()).with("d_fake", fakeLogits.value().sigmoid().mean().item());
  }

  /** L_G for the fakes of {@code draw}. */
  Result generatorLoss(Draw draw, Mode mode) {
    Tensor fake = generator.forward(Tensor.constant(spec.generatorInput(draw.noise(), draw.labels())), mode);
    Tensor logits = discriminator.forward(spec.discriminatorInput(fake, draw.labels()), mode);
    return Result.of(Losses.binaryCrossEntropyWithLogits(logits, ones(logits, 1)));
  }

  /** Pixels [n, 28, 28] in [0, 1] as the generator's range: [n, 1, 28, 28] in [−1, 1]. */
  static NDArray realImages(NDArray pixels) {
    int n = pixels.dim(0);
    if (pixels.size() != n * GanSpec.SIDE * GanSpec.SIDE) {
      throw new IllegalArgumentException("gan: expected images [n, 28, 28], got " + pixels.shape());
    }
    return pixels.astype(DType.FLOAT32).reshape(n, 1, GanSpec.SIDE, GanSpec.SIDE).mul(2).sub(1);
  }

  private static Tensor ones(Tensor like, double value) {
    return Tensor.constant(NDArray.full(like.shape(), value, like.dtype()));
  }
}
