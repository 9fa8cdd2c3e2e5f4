package dev.ruru.train.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.ArrayDataset;
import dev.ruru.nn.Layer;
import dev.ruru.optim.ReduceOnPlateau;
import dev.ruru.optim.Sgd;
import dev.ruru.optim.SgdConfig;
import dev.ruru.optim.StepDecay;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.TestNetworks;
import dev.ruru.train.Trainer;
import dev.ruru.train.metrics.EpochMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each callback on a tiny problem: 40 random 2×2 "images" with random labels, which the model cannot generalise from. */
class CallbacksTest {
  private static final ArrayDataset NOISE = noise(40, 1);
  private static final ArrayDataset OTHER_NOISE = noise(40, 2);

  @TempDir Path dir;

  private static ArrayDataset noise(int n, long seed) {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
    long[] labels = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = rng.nextInt(2);
    }
    return new ArrayDataset(NDArray.rand(Shape.of(n, 2, 2), rng), NDArray.of(labels, n));
  }

  private static Trainer trainer(double learningRate, dev.ruru.train.Callback... callbacks) {
    ResumableRandom random = new ResumableRandom(1);
    Layer model = TestNetworks.mlp(random, 0, 4, 32, 2);
    return Trainer.builder(model, new Sgd(model.parameters(), new SgdConfig(learningRate, 0.9))).batchSize(8).seed(1).random(random)
        .callbacks(callbacks).quiet().build();
  }

  @Test void earlyStoppingStopsAfterPatienceEpochsWithoutImprovement() {
    EarlyStopping stopping = new EarlyStopping(Monitor.VALIDATION_LOSS, 2, 0);
    History history = trainer(0.5, stopping).fit(NOISE, OTHER_NOISE, 50);
    // Memorising noise: validation loss stops improving, and training ends two epochs after its best.
    assertEquals(History.StopReason.STOPPED_BY_CALLBACK, history.stopReason());
    assertEquals(stopping.bestEpoch() + 2, history.epochs().size());
    double best = history.epochs().get(stopping.bestEpoch() - 1).validationLoss();
    for (EpochMetrics metrics : history.epochs()) {
      assertTrue(metrics.validationLoss() >= best, "epoch " + metrics.epoch() + " beat the best");
    }
    assertTrue(history.detail().startsWith("early stopping: validation loss did not improve for 2 epochs (best "), history.detail());
  }

  @Test void stepDecayHalvesTheLearningRateEveryTwoEpochs() {
    History history = trainer(0.1, LearningRateScheduling.perEpoch(new StepDecay(0.1, 2, 0.5))).fit(NOISE, null, 5);
    double[] expected = {0.1, 0.1, 0.05, 0.05, 0.025};
    for (int i = 0; i < 5; i++) {
      assertEquals(expected[i], history.epochs().get(i).learningRate(), 1e-15, "epoch " + (i + 1));
    }
  }

  @Test void plateauPolicyLowersTheRateWhenTheMonitoredLossStalls() {
    ReduceOnPlateau policy = new ReduceOnPlateau(0.5, ReduceOnPlateau.Objective.MINIMIZE, 0.1, 0, 0, 0, 0);
    Trainer trainer = trainer(0.5, LearningRateScheduling.onPlateau(policy, Monitor.VALIDATION_LOSS));
    History history = trainer.fit(NOISE, OTHER_NOISE, 8);
    // With patience 0 every epoch that does not set a new best multiplies the rate by 0.1 for the next.
    double rate = 0.5;
    double best = Double.POSITIVE_INFINITY;
    for (EpochMetrics metrics : history.epochs()) {
      assertEquals(rate, metrics.learningRate(), 1e-12, "epoch " + metrics.epoch());
      if (metrics.validationLoss() < best) {
        best = metrics.validationLoss();
      } else {
        rate *= 0.1;
      }
    }
  }

  @Test void csvLoggerWritesAHeaderAndOneRowPerEpoch() throws IOException {
    Path file = dir.resolve("log.csv");
    History history = trainer(0.1, new CsvLogger(file)).fit(NOISE, OTHER_NOISE, 3);
    List<String> lines = Files.readAllLines(file);
    assertEquals("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,seconds,learning_rate", lines.get(0));
    assertEquals(4, lines.size());
    assertEquals(CsvLogger.row(history.epochs().get(2), List.of("train_loss", "train_accuracy", "validation_loss", "validation_accuracy",
        "seconds", "learning_rate")), lines.get(3));
    assertTrue(lines.get(1).startsWith("1,"), lines.get(1));
  }

  @Test void checkpointingKeepsTheBestEpochSeparately() throws IOException {
    Path last = dir.resolve("last.safetensors");
    Path best = dir.resolve("best.safetensors");
    History history = trainer(0.5, new Checkpointing(last).keepBest(best, Monitor.VALIDATION_LOSS)).fit(NOISE, OTHER_NOISE, 6);
    int bestEpoch = 1;
    for (EpochMetrics metrics : history.epochs()) {
      bestEpoch = metrics.validationLoss() < history.epochs().get(bestEpoch - 1).validationLoss() ? metrics.epoch() : bestEpoch;
    }
    assertEquals(6, dev.ruru.train.Checkpoint.read(last).epoch());
    assertEquals(bestEpoch, dev.ruru.train.Checkpoint.read(best).epoch());
  }
}
