package dev.ruru.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.ArrayDataset;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.nn.Losses;
import dev.ruru.optim.Sgd;
import dev.ruru.optim.SgdConfig;
import dev.ruru.train.callbacks.Checkpointing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A NaN loss stops training before the bad update, names epoch, batch and operation, and keeps the last good checkpoint. */
class DivergenceTest {
  private static final ArrayDataset TRAIN = SampleData.train(200);

  @TempDir Path dir;

  /** Cross-entropy, plus log(−1) (NaN) from the {@code from}-th call on: the 3rd batch of epoch 2 with 100 examples per epoch. */
  private static Loss poisonedFrom(int from) {
    int[] calls = {0};
    return (logits, labels) -> {
      Tensor loss = Losses.crossEntropy(logits, labels);
      calls[0]++;
      return calls[0] >= from ? loss.add(logits.sum().mul(0).sub(1).log()) : loss;
    };
  }

  private Trainer trainer(Loss loss, TrainerBuilder.AnomalyCheck check, Checkpointing checkpointing) {
    ResumableRandom random = new ResumableRandom(9);
    Layer model = TestNetworks.mlp(random, 0, 784, 16, 10);
    return Trainer.builder(model, new Sgd(model.parameters(), new SgdConfig(0.1))).batchSize(50).seed(9).random(random).loss(loss)
        .anomalyCheck(check).callbacks(checkpointing).quiet().build();
  }

  @Test void nanLossStopsWithEpochBatchAndOperationNamedAndKeepsTheLastGoodCheckpoint() throws IOException {
    Path file = dir.resolve("checkpoint.safetensors");
    Checkpointing checkpointing = new Checkpointing(file);
    // 4 batches per epoch: the 7th call is epoch 2, batch 3.
    Trainer trainer = trainer(poisonedFrom(7), TrainerBuilder.AnomalyCheck.ON_DIVERGENCE, checkpointing);
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.fit(TRAIN, null, 5));
    assertEquals(2, e.epoch());
    assertEquals(3, e.batch());
    assertEquals("training diverged: the loss is NaN at epoch 2, batch 3 of 4; anomaly: log produced NaN from finite inputs of shapes []"
        + " in the forward pass; try a lower learning rate or gradient clipping", e.getMessage());
    assertEquals(1, e.completedEpochs().size());
    assertEquals(1, checkpointing.lastSavedEpoch());
    Checkpoint kept = Checkpoint.read(file);
    assertEquals(1, kept.epoch());
    // The bad batch changed nothing: every weight is finite.
    for (NDArray value : trainer.model().stateDict().values()) {
      assertTrue(value.abs().lt(Double.POSITIVE_INFINITY).astype(dev.ruru.array.DType.INT64).sum().item() == value.size(), "finite weights");
    }
  }

  /** One step per epoch (a batch of all 200 examples) of SGD at {@code rate}, checkpointed into {@code file}. */
  private Trainer oneStepPerEpoch(double rate, Path file) {
    ResumableRandom random = new ResumableRandom(9);
    Layer model = TestNetworks.mlp(random, 0, 784, 16, 10);
    return Trainer.builder(model, new Sgd(model.parameters(), new SgdConfig(rate))).batchSize(200).seed(9).random(random)
        .callbacks(new Checkpointing(file)).quiet().build();
  }

  @Test void anEpochWhoseValidationLossIsNotFiniteIsNotCheckpointedAndStopsTraining() {
    Path file = dir.resolve("checkpoint.safetensors");
    // The one step's loss is finite (the initial weights), but it leaves weights of about 1e29: the validation loss overflows.
    Trainer trainer = oneStepPerEpoch(1e30, file);
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.fit(TRAIN, SampleData.validation(200, 100), 3));
    assertTrue(e.getMessage().matches("training diverged: the validation loss is (NaN|Infinity) after epoch 1, so its checkpoint is not"
        + " written; try a lower learning rate or gradient clipping"), e.getMessage());
    assertEquals(1, e.epoch());
    assertEquals(0, e.batch());
    assertTrue(Double.isFinite(trainer.history().get(0).trainLoss()), "every batch's loss was finite");
    assertTrue(!java.nio.file.Files.exists(file), "no checkpoint of blown-up weights");
  }

  @Test void withoutValidationAnEpochThatLeavesWeightsNotFiniteIsNotCheckpointed() {
    Path file = dir.resolve("checkpoint.safetensors");
    // 1e300 times a gradient is beyond float32: the step writes infinities into the weights after a finite loss.
    Trainer trainer = oneStepPerEpoch(1e300, file);
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.fit(TRAIN, null, 3));
    assertTrue(e.getMessage().matches("training diverged: after epoch 1 the weights are not finite \\(model tensor '\\d\\.(weight|bias)'"
        + " \\[\\d+(, \\d+)?\\] holds \\d+ NaN or infinite values?\\), so its checkpoint is not written; try a lower learning rate or gradient"
        + " clipping"), e.getMessage());
    assertTrue(!java.nio.file.Files.exists(file), "no checkpoint of infinite weights");
  }

  @Test void withoutAnomalyDetectionTheMessageSaysSo() {
    Trainer trainer = trainer(poisonedFrom(1), TrainerBuilder.AnomalyCheck.OFF, new Checkpointing(dir.resolve("unused.safetensors")));
    TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.fit(TRAIN, null, 1));
    assertEquals("training diverged: the loss is NaN at epoch 1, batch 1 of 4; anomaly detection was off; try a lower learning rate"
        + " or gradient clipping", e.getMessage());
  }
}
