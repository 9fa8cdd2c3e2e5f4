package dev.ruru.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.Batch;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Losses;
import dev.ruru.nn.Mode;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.callbacks.EarlyStopping;
import dev.ruru.train.callbacks.Monitor;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import dev.ruru.train.objective.Supervised;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one loop with objectives other than a classifier's: a toy adversarial pair (two models, two
 * optimisers stepped in turn, a noise generator of its own) trains, and resumes from a checkpoint to the
 * same bits; early stopping watches a metric only a custom objective reports.
 */
class ObjectiveTrainingTest {
  /** Real points around (2, -1); the labels are unused. */
  private static final ArrayDataset POINTS = points(256);

  @TempDir Path dir;

  private static ArrayDataset points(int n) {
    NDArray noise = NDArray.randn(Shape.of(n, 2), new ResumableRandom(11)).mul(NDArray.scalar(0.5, DType.FLOAT32));
    return new ArrayDataset(noise.add(NDArray.of(new float[] {2, -1}, 2)), NDArray.zeros(Shape.of(n), DType.INT64));
  }

  /**
   * A GAN in two lines of linear algebra: the generator maps noise z ~ N(0, I) to points, the
   * discriminator scores points by a logistic regression; non-saturating losses.
   */
  static final class ToyAdversarial implements Objective {
    final Linear generator;
    final Linear discriminator;
    final ResumableRandom noise;
    private final List<Phase> phases;

    ToyAdversarial(long seed) {
      ResumableRandom init = new ResumableRandom(seed);
      generator = new Linear(2, 2, init);
      discriminator = new Linear(2, 1, init);
      noise = new ResumableRandom(seed + 1);
      phases = List.of(new Phase("discriminator_optimizer", new Adam(discriminator.parameters(), AdamConfig.adam(2e-2)), "d_loss"),
          new Phase("generator_optimizer", new Adam(generator.parameters(), AdamConfig.adam(2e-2)), "g_loss"));
    }

    @Override public Map<String, Layer> models() { return Map.of("generator", generator, "discriminator", discriminator); }
    @Override public List<Phase> phases() { return phases; }
    @Override public Map<String, ResumableRandom> generators() { return Map.of("noise", noise); }

    @Override
    public Result compute(Batch batch, Phase phase, Mode mode) {
      int n = batch.size();
      Tensor fake = generator.forward(Tensor.constant(NDArray.randn(Shape.of(n, 2), noise)), mode);
      Tensor ones = Tensor.constant(NDArray.ones(Shape.of(n, 1)));
      Tensor zeros = Tensor.constant(NDArray.zeros(Shape.of(n, 1)));
      if (phase == phases.get(0)) {
        Tensor real = Losses.binaryCrossEntropyWithLogits(discriminator.forward(Tensor.constant(batch.features()), mode), ones);
        Tensor faked = Losses.binaryCrossEntropyWithLogits(discriminator.forward(fake.detach(), mode), zeros);
        return Result.of(real.add(faked)).with("d_real", real);
      }
      return Result.of(Losses.binaryCrossEntropyWithLogits(discriminator.forward(fake, mode), ones));
    }

    /** How far the generated points' mean is from the real one. */
    double meanError() {
      NDArray mean = generator.forward(Tensor.constant(NDArray.randn(Shape.of(2000, 2), new ResumableRandom(5))), Mode.EVAL).value()
          .mean(0);
      return Math.hypot(mean.getDouble(0) - 2, mean.getDouble(1) + 1);
    }
  }

  private static Trainer trainer(ToyAdversarial objective) {
    return Trainer.builder(objective).batchSize(32).seed(4).quiet().build();
  }

  /**
   * A linear pair does not settle (the generator's mean circles the data's, as in the "Dirac GAN" of
   * Mescheder et al. 2018), so the check is that it gets close at some epoch: both phases' gradients flow.
   */
  @Test void anAdversarialPairTrainsBothPhasesAndItsGeneratorReachesTheData() {
    ToyAdversarial objective = new ToyAdversarial(1);
    double before = objective.meanError();
    double[] closest = {before};
    Callback watch = new Callback() {
      @Override public void onEpochEnd(Trainer trainer, dev.ruru.train.metrics.EpochMetrics metrics) {
        closest[0] = Math.min(closest[0], objective.meanError());
      }
    };
    History history = Trainer.builder(objective).batchSize(32).seed(4).callbacks(watch).quiet().build().fit(POINTS, POINTS, 30);
    assertEquals(List.of("d_loss", "d_real", "g_loss"), List.copyOf(history.last().train().keySet()));
    assertEquals(List.of("d_loss", "d_real", "g_loss"), List.copyOf(history.last().validation().keySet()));
    assertTrue(closest[0] < 0.35 * before, "generated mean's distance from the data's: " + before + " at the start, " + closest[0] + " at best");
  }

  @Test void aTwoOptimiserObjectiveResumesBitForBit() throws IOException {
    ToyAdversarial straight = new ToyAdversarial(1);
    trainer(straight).fit(POINTS, POINTS, 3);
    ToyAdversarial interrupted = new ToyAdversarial(1);
    Trainer first = trainer(interrupted);
    first.fit(POINTS, POINTS, 2);
    Path file = dir.resolve("gan.safetensors");
    first.checkpoint().write(file);
    ToyAdversarial fresh = new ToyAdversarial(99);
    Trainer resumed = trainer(fresh);
    Checkpoint checkpoint = Checkpoint.read(file);
    assertEquals(Map.of("generator", 2, "discriminator", 2), Map.of("generator", checkpoint.models().get("generator").size(),
        "discriminator", checkpoint.models().get("discriminator").size()));
    resumed.resume(checkpoint);
    resumed.fit(POINTS, POINTS, 3);
    for (String model : List.of("generator", "discriminator")) {
      Map<String, NDArray> expected = straight.models().get(model).stateDict();
      expected.forEach((name, value) -> assertTrue(value.equals(fresh.models().get(model).stateDict().get(name)), model + "." + name));
    }
    for (int phase = 0; phase < 2; phase++) {
      Map<String, NDArray> expected = straight.phases().get(phase).optimizer().stateDict();
      Map<String, NDArray> actual = fresh.phases().get(phase).optimizer().stateDict();
      expected.forEach((name, value) -> assertTrue(value.equals(actual.get(name)), "optimiser state " + name));
    }
    assertEquals(straight.noise.state(), fresh.noise.state(), "the noise generator continues where it was");
  }

  @Test void resumeRefusesACheckpointOfOtherModels() throws IOException {
    ResumableRandom random = new ResumableRandom(0);
    Linear model = new Linear(2, 2, random);
    Trainer classifier = Trainer.builder(model, new Adam(model.parameters(), AdamConfig.adam(1e-3))).seed(4).quiet().build();
    Checkpoint gan = trainer(new ToyAdversarial(1)).checkpoint();
    String message = assertThrows(IllegalArgumentException.class, () -> classifier.resume(gan)).getMessage();
    assertTrue(message.startsWith("resume: the checkpoint holds models [") && message.endsWith("but this trainer has [model]"), message);
  }

  /** A classifier that also reports a metric of its own, constant, so the epoch it stops at is known. */
  private static Objective withConstant(Supervised classifier) {
    return new Objective() {
      @Override public Map<String, Layer> models() { return classifier.models(); }
      @Override public List<Phase> phases() { return classifier.phases(); }
      @Override public Result compute(Batch batch, Phase phase, Mode mode) {
        return classifier.compute(batch, phase, mode).with("constant", 1.0);
      }
    };
  }

  @Test void earlyStoppingWatchesAnyMetricAnObjectiveReports() {
    Linear model = new Linear(2, 2, new ResumableRandom(0));
    Objective objective = withConstant(new Supervised(model, new Adam(model.parameters(), AdamConfig.adam(1e-3)),
        dev.ruru.nn.Loss.crossEntropy()));
    // Best at epoch 1, never better: patience 2 stops after epoch 3 of 10.
    History history = Trainer.builder(objective).callbacks(new EarlyStopping(Monitor.minimizing("validation_constant"), 2, 0)).quiet().build()
        .fit(POINTS, POINTS, 10);
    assertEquals(3, history.epochs().size());
    assertEquals(History.StopReason.STOPPED_BY_CALLBACK, history.stopReason());
    assertTrue(history.detail().startsWith("early stopping: validation constant did not improve for 2 epochs"), history.detail());
    EarlyStopping missing = new EarlyStopping(Monitor.minimizing("validation_nothing"), 2, 0);
    String message = assertThrows(IllegalStateException.class, () -> Trainer.builder(objective).callbacks(missing).quiet().build()
        .fit(POINTS, POINTS, 2)).getMessage();
    assertTrue(message.startsWith("EarlyStopping: validation nothing was not measured at epoch 1"), message);
  }
}
