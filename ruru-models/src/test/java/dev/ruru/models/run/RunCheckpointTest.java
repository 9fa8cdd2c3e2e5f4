package dev.ruru.models.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.autodiff.Tensor;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.models.classify.ModelSpec;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.nn.Losses;
import dev.ruru.optim.Sgd;
import dev.ruru.optim.SgdConfig;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.objective.Supervised;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's checkpoint: which one a divergence keeps and why, and the epochs a resumed run trains to. */
class RunCheckpointTest {
  private static final ArrayDataset SAMPLE = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT).train();
  private static final ArrayDataset TRAIN = SAMPLE.subset(range(0, 200));
  private static final ArrayDataset VALIDATION = SAMPLE.subset(range(200, 300));

  @TempDir Path dir;

  private static int[] range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).toArray();
  }

  /** Cross-entropy, plus log(-1), a NaN, from the {@code from}-th call on. */
  private static Loss poisonedFrom(int from) {
    int[] calls = {0};
    return (logits, labels) -> {
      Tensor loss = Losses.crossEntropy(logits, labels);
      calls[0]++;
      return calls[0] >= from ? loss.add(logits.sum().mul(0).sub(1).log()) : loss;
    };
  }

  @Test void aDivergenceAfterAGoodEpochNamesTheCheckpointKeptItsEpochAndWhy() {
    ResumableRandom random = new ResumableRandom(3);
    Layer model = ModelSpec.mlp(List.of(28, 28), List.of(8), java.util.Collections.nCopies(10, "class")).build(random);
    RunCheckpoint checkpoints = new RunCheckpoint(dir, 3, Map.of(), new PrintWriter(new StringWriter()));
    // 4 training batches and 2 validation batches an epoch: the 8th call is epoch 2's second batch.
    Trainer trainer = Trainer.builder(new Supervised(model, new Sgd(model.parameters(), new SgdConfig(0.1)), poisonedFrom(8)))
        .batchSize(50).seed(3).random(random).quiet().callbacks(checkpoints.callback()).build();
    RunDivergedException e = assertThrows(RunDivergedException.class, () -> checkpoints.fit(trainer, 3, () -> trainer.fit(TRAIN, VALIDATION, 3)));
    double kept = trainer.history().get(0).validationLoss();
    assertTrue(e.getMessage().matches("training diverged: the loss is NaN at epoch 2, batch 2 of 4; anomaly: .*; the last good checkpoint, of"
        + " epoch 1 \\(validation loss " + String.format(java.util.Locale.ROOT, "%.4f", kept) + ", weights finite\\), is kept in \\Q"
        + dir.resolve("checkpoint.safetensors") + "\\E"), e.getMessage());
    assertEquals(2, e.getCause().epoch());
  }

  /** A checkpoint after {@code epoch} epochs, planning {@code planned} (null: written before plans were stored). */
  private static Checkpoint after(int epoch, String planned) {
    List<EpochMetrics> history = new ArrayList<>();
    for (int i = 1; i <= epoch; i++) {
      history.add(EpochMetrics.of(i, 1, 0.5, 1, 0.5, 1, 0.1));
    }
    Map<String, String> extra = planned == null ? Map.of() : Map.of(RunCheckpoint.EPOCHS_KEY, planned);
    return new Checkpoint(epoch, 0, Map.of(), Map.of(), Map.of(), history, Map.of(), extra);
  }

  @Test void aResumedRunTrainsToItsPlannedEpochsUnlessAskedAndKeepsThemForASchedule() {
    TrainingControls constant = TrainingControls.NONE;
    TrainingControls cosine = new TrainingControls("cosine", 0, 0);
    assertEquals(5, RunCheckpoint.epochsToReach(dir, after(2, "5"), OptionalInt.empty(), constant));
    assertEquals(8, RunCheckpoint.epochsToReach(dir, after(2, "5"), OptionalInt.of(8), constant));
    assertEquals(5, RunCheckpoint.epochsToReach(dir, after(5, "5"), OptionalInt.empty(), cosine), "a finished run only writes its outputs");
    assertEquals(5, RunCheckpoint.epochsToReach(dir, after(2, "5"), OptionalInt.of(5), cosine));
    assertEquals(2, RunCheckpoint.epochsToReach(dir, after(2, null), OptionalInt.empty(), cosine), "unknown plans: the run finishes");
    assertEquals("--resume: the run in " + dir + " follows --lr-schedule cosine over its 5 epochs; --epochs 8 would change the schedule midway;"
        + " leave --epochs out (or give 5), or start a new run", assertThrows(IllegalArgumentException.class,
            () -> RunCheckpoint.epochsToReach(dir, after(2, "5"), OptionalInt.of(8), cosine)).getMessage());
    assertEquals("--resume: the run in " + dir + " already has 4 epochs; --epochs 3 asks for fewer; leave --epochs out to finish it, or ask"
        + " for more", assertThrows(IllegalArgumentException.class,
            () -> RunCheckpoint.epochsToReach(dir, after(4, "5"), OptionalInt.of(3), constant)).getMessage());
  }

  @Test void schedulesLaidOutOverTheRunDependOnItsEpochs() {
    for (String schedule : List.of("cosine", "cosine:0.1", "onecycle", "step")) {
      assertTrue(new TrainingControls(schedule, 0, 0).dependsOnEpochs(), schedule);
    }
    for (String schedule : List.of("constant", "step:2", "step:2:0.5", "exponential", "plateau")) {
      assertTrue(!new TrainingControls(schedule, 0, 0).dependsOnEpochs(), schedule);
    }
  }
}
