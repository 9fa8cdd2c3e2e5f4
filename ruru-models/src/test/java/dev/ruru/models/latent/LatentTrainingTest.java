package dev.ruru.models.latent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.nn.Mode;
import dev.ruru.optim.Adam;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.callbacks.Checkpointing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Autoencoders and VAEs learn on the embedded Fashion-MNIST sample through the one Trainer: a dense
 * autoencoder reaches a stated reconstruction error, every variant takes a training step, and a VAE run
 * stopped after one epoch and resumed from its checkpoint ends bit for bit where an uninterrupted one does
 * (the reparameterisation's noise comes from the checkpointed generator).
 */
class LatentTrainingTest {
  private static final MnistData DATA = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);

  @TempDir Path dir;

  private static ArrayDataset train(int images) {
    return DATA.train().subset(IntStream.range(0, images).toArray());
  }

  @Test
  void aDenseAutoencoderReachesTheStatedReconstructionError() {
    ResumableRandom rng = new ResumableRandom(3);
    LatentModel model = LatentSpec.of(LatentSpec.AUTOENCODER, 32, 256, 0).build(rng);
    Reconstruction objective = new Reconstruction(model, new Adam(model.parameters(), 2e-3), ReconstructionLoss.BINARY_CROSS_ENTROPY,
        Corruption.NONE, 0, new ResumableRandom(4));
    History history = Trainer.builder(objective).batchSize(64).seed(3).random(rng).quiet().build().fit(train(2000), DATA.test(), 4);
    double mse = history.last().validation().get("mse");
    // This run measured 0.0276 on the sample's 1,000 test images after 4 epochs on 2,000 training images (seed 3).
    assertTrue(mse < MSE_BOUND, "test reconstruction MSE per pixel " + mse + " " + history.last().validation());
  }

  static final double MSE_BOUND = 0.032;

  @Test
  void everyVariantTakesAStepAndReportsItsTerms() {
    ArrayDataset few = train(16);
    for (LatentSpec spec : new LatentSpec[] {new LatentSpec(LatentSpec.CONV_AUTOENCODER, 8, 16, 0, Upsampling.TRANSPOSED, 28, 28),
        new LatentSpec(LatentSpec.CONV_AUTOENCODER, 8, 16, 10, Upsampling.NEAREST, 28, 28),
        new LatentSpec(LatentSpec.CONV_VAE, 4, 16, 10, Upsampling.BILINEAR, 28, 28), LatentSpec.of(LatentSpec.VAE, 2, 32, 10)}) {
      ResumableRandom rng = new ResumableRandom(5);
      LatentModel model = spec.build(rng);
      Adam adam = new Adam(model.parameters(), 1e-3);
      var objective = spec.isVariational() ? new Elbo(model, adam, DecoderDistribution.GAUSSIAN, 4, new ResumableRandom(6))
          : new Reconstruction(model, adam, ReconstructionLoss.MSE, Corruption.masking(0.3), 0.1, new ResumableRandom(6));
      Map<String, Double> metrics = Trainer.builder(objective).batchSize(16).quiet().build().trainOnBatch(few.batch(IntStream.range(0, 16).toArray()));
      assertTrue(metrics.keySet().containsAll(spec.isVariational() ? java.util.List.of("loss", "negative_elbo", "reconstruction", "kl")
          : java.util.List.of("loss", "reconstruction", "mse", "code_l1")), spec.describe() + ": " + metrics);
      NDArray logits = model.decode(Tensor.constant(NDArray.zeros(Shape.of(3, spec.latent()))), spec.isConditional()
          ? NDArray.of(new long[] {0, 1, 9}, 3) : null, Mode.EVAL).value();
      assertEquals(Shape.of(3, 784), logits.shape(), spec.describe());
    }
  }

  @Test
  void corruptionMasksTheSharedAskedForAndGaussianNoiseHasItsSpread() {
    NDArray ones = NDArray.ones(Shape.of(100, 100));
    double kept = Corruption.masking(0.25).apply(ones, new ResumableRandom(1)).mean().item();
    assertEquals(0.75, kept, 0.02);
    NDArray noisy = Corruption.gaussian(0.5).apply(ones, new ResumableRandom(1)).sub(1);
    assertEquals(0.25, noisy.mul(noisy).mean().item(), 0.02);
    assertTrue(Corruption.NONE.apply(ones, new ResumableRandom(1)) == ones);
  }

  /** Trains the VAE for {@code epochs} in all, resuming from {@code directory}'s checkpoint when there is one. */
  private History vaeRun(Path directory, int epochs) throws IOException {
    ResumableRandom rng = new ResumableRandom(7);
    LatentModel model = LatentSpec.of(LatentSpec.VAE, 4, 64, 0).build(rng);
    Elbo elbo = new Elbo(model, new Adam(model.parameters(), 1e-3), DecoderDistribution.BERNOULLI, 1, new ResumableRandom(8));
    Path file = directory.resolve("checkpoint.safetensors");
    Trainer trainer = Trainer.builder(elbo).batchSize(64).seed(7).random(rng).quiet().callbacks(new Checkpointing(file)).build();
    if (file.toFile().isFile()) {
      trainer.resume(Checkpoint.read(file));
    }
    return trainer.fit(train(512), DATA.test().subset(IntStream.range(0, 200).toArray()), epochs);
  }

  @Test
  void aVaeRunResumedFromItsCheckpointEqualsAnUninterruptedOne() throws IOException {
    History straight = vaeRun(dir.resolve("straight"), 2);
    vaeRun(dir.resolve("resumed"), 1);
    History resumed = vaeRun(dir.resolve("resumed"), 2);
    assertEquals(straight.last().train(), resumed.last().train());
    assertEquals(straight.last().validation(), resumed.last().validation());
    assertTrue(straight.last().train().get("negative_elbo") < straight.epochs().get(0).train().get("negative_elbo"), straight.toString());
    Checkpoint a = Checkpoint.read(dir.resolve("straight/checkpoint.safetensors"));
    Checkpoint b = Checkpoint.read(dir.resolve("resumed/checkpoint.safetensors"));
    a.models().get("model").forEach((name, value) -> assertTrue(value.equals(b.models().get("model").get(name)), name));
  }
}
