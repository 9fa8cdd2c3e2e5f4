package dev.ruru.models.latent;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
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

/**
 * The autoencoder's objective: reconstruct the clean image from its code,
 * loss = reconstruction(decode(encode(corrupt(x))), x) + λ·mean|code|. The corruption makes it a
 * denoising autoencoder, λ &gt; 0 a sparse one (an L1 penalty on the code, Ng's sparse autoencoder in its
 * simplest form). Reports {@code reconstruction} (the loss's first term), {@code mse} (per pixel, of
 * σ(logit), whatever the loss) and, when sparse, {@code code_l1}. Evaluation sees clean inputs.
 *
 * <pre>{@code
 * LatentModel model = LatentSpec.of("autoencoder", 32, 256, 0).build(rng);
 * Objective objective = new Reconstruction(model, new Adam(model.parameters(), 1e-3), ReconstructionLoss.BINARY_CROSS_ENTROPY,
 *     Corruption.masking(0.25), 0, new ResumableRandom(1));
 * History history = Trainer.builder(objective).batchSize(128).build().fit(train, test, 10);
 * }</pre>
 */
public final class Reconstruction implements Objective {
  private final LatentModel model;
  private final List<Phase> phases;
  private final ReconstructionLoss loss;
  private final Corruption corruption;
  private final double sparsity;
  private final ResumableRandom noise;

  /**
   * @param sparsity λ, the weight of the code's mean absolute value (0: not sparse)
   * @param noise the generator of the corruption, saved in checkpoints as {@code "noise"}
   */
  public Reconstruction(LatentModel model, Optimizer optimizer, ReconstructionLoss loss, Corruption corruption, double sparsity,
      ResumableRandom noise) {
    if (model.spec().isVariational()) {
      throw new IllegalArgumentException("Reconstruction trains autoencoders; " + model.spec().architecture() + " is trained by Elbo");
    }
    if (!(sparsity >= 0) || Double.isInfinite(sparsity)) {
      throw new IllegalArgumentException("Invalid sparsity weight: " + sparsity + " (must be >= 0)");
    }
    this.model = model;
    this.phases = List.of(Phase.of(optimizer));
    this.loss = loss;
    this.corruption = corruption;
    this.sparsity = sparsity;
    this.noise = noise;
  }

  @Override public Map<String, Layer> models() { return Map.of("model", model); }
  @Override public List<Phase> phases() { return phases; }
  @Override public Map<String, ResumableRandom> generators() { return Map.of("noise", noise); }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    NDArray clean = flatImages(batch, model.spec());
    NDArray input = mode == Mode.TRAIN ? corruption.apply(clean, noise) : clean;
    NDArray labels = model.spec().isConditional() ? batch.labels() : null;
    Tensor code = model.encode(Tensor.constant(input), labels, mode).mean();
    Tensor logits = model.decode(code, labels, mode);
    Tensor target = Tensor.constant(clean);
    Tensor reconstruction = loss.mean(logits, target);
    NDArray error = logits.value().sigmoid().sub(clean);
    Result result = Result.of(sparsity > 0 ? reconstruction.add(code.abs().mean().mul(sparsity)) : reconstruction)
        .with("reconstruction", reconstruction).with("mse", error.mul(error).mean().item());
    return sparsity > 0 ? result.with("code_l1", code.value().abs().mean().item()) : result;
  }

  /** A batch's images as [n, pixels] in the model's dtype (float32), values as stored (in [0, 1]). */
  static NDArray flatImages(Batch batch, LatentSpec spec) {
    NDArray features = batch.features();
    if (features.size() != (long) batch.size() * spec.pixels()) {
      throw new IllegalArgumentException(spec.architecture() + ": expected images of " + spec.height() + "x" + spec.width() + ", got a batch "
          + features.shape());
    }
    return features.astype(features.dtype().isFloating() ? features.dtype() : DType.FLOAT32).reshape(batch.size(), spec.pixels());
  }
}
