package dev.ruru.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.nn.Linear;
import dev.ruru.optim.Sgd;
import dev.ruru.optim.SgdConfig;
import dev.ruru.train.io.Safetensors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint file: version 1 (one model, one optimiser, before objectives) still loads, and metadata
 * that cannot be trusted (an unknown version, an epoch count that disagrees with the history) is refused
 * with a message naming the file and what is wrong.
 */
class CheckpointTest {
  @TempDir Path dir;

  private static Trainer classifier() {
    Linear model = new Linear(3, 2, new ResumableRandom(0));
    return Trainer.builder(model, new Sgd(model.parameters(), new SgdConfig(0.1, 0.9))).seed(7).random(new ResumableRandom(1)).quiet().build();
  }

  /** What the single-model trainer wrote: model.* and optimizer.* tensors, one random_state, no version. */
  private Path versionOne(String json) throws IOException {
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    tensors.put("model.weight", NDArray.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3));
    tensors.put("model.bias", NDArray.of(new float[] {-1, 1}, 2));
    tensors.put("optimizer.learning_rate", NDArray.of(new double[] {0.05}));
    tensors.put("optimizer.weight.momentum_buffer", NDArray.of(new float[] {0.5f, 0, 0, 0, 0, 0}, 2, 3));
    tensors.put("optimizer.bias.momentum_buffer", NDArray.of(new float[] {0, 0.25f}, 2));
    Path file = dir.resolve("v1.safetensors");
    Safetensors.write(file, tensors, Map.of(Checkpoint.KEY, json, "ruru.train.settings", "{}"));
    return file;
  }

  private static final String V1 = "{\"epoch\":1,\"seed\":7,\"random_state\":\"-6\",\"history\":[{\"epoch\":1,\"train_loss\":0.5,"
      + "\"train_accuracy\":0.75,\"validation_loss\":null,\"validation_accuracy\":null,\"seconds\":1.5,\"learning_rate\":0.1}]}";

  @Test void aVersionOneCheckpointLoadsAndResumes() throws IOException {
    Checkpoint checkpoint = Checkpoint.read(versionOne(V1));
    assertEquals(Map.of("random", -6L), checkpoint.randomStates());
    assertEquals(0.75, checkpoint.history().get(0).trainAccuracy());
    assertEquals("{}", checkpoint.extra().get("ruru.train.settings"));
    Trainer trainer = classifier();
    trainer.resume(checkpoint);
    assertTrue(NDArray.of(new float[] {-1, 1}, 2).equals(trainer.model().stateDict().get("bias")));
    assertEquals(0.05, trainer.optimizer().learningRate());
    assertEquals(1, trainer.history().size());
  }

  @Test void aCheckpointRoundTripsEveryPart() throws IOException {
    Trainer trainer = classifier();
    Path file = dir.resolve("c.safetensors");
    trainer.checkpoint().withExtra("note", "x").write(file);
    Checkpoint read = Checkpoint.read(file);
    assertEquals(trainer.checkpoint().randomStates(), read.randomStates());
    assertEquals(trainer.checkpoint().models().get("model").keySet(), read.models().get("model").keySet());
    assertEquals("x", read.extra().get("note"));
  }

  @Test void untrustworthyMetadataIsRefusedNamingTheFileAndTheProblem() throws IOException {
    String newer = V1.replace("{\"epoch\":1,", "{\"version\":99,\"epoch\":1,");
    assertRefused(newer, "checkpoint format version 99 is not one this Ruru reads (1 to 2)");
    assertRefused(V1.replace("\"epoch\":1,\"seed\"", "\"epoch\":2147483648,\"seed\""), "\"epoch\" must be an integer in [0, 2147483647], got 2147483648");
    assertRefused(V1.replace("\"epoch\":1,\"seed\"", "\"epoch\":2,\"seed\""), "Checkpoint: epoch 2 needs the metrics of 2 epochs, got 1");
    assertRefused(V1.replace("\"history\":[{", "\"history\":[{\"x\":1,"), "unknown key \"x\"");
    assertRefused(V1.replace("\"train_loss\":0.5", "\"train_loss\":\"low\""), "\"train_loss\" must be a number or null");
    assertRefused(V1.replace("\"random_state\":\"-6\"", "\"random_state\":\"many\""), "a random state must be a 64-bit integer");
  }

  private void assertRefused(String json, String expected) throws IOException {
    Path file = versionOne(json);
    String message = assertThrows(IllegalArgumentException.class, () -> Checkpoint.read(file)).getMessage();
    assertTrue(message.startsWith("checkpoint: " + file + ": ") && message.contains(expected), message);
  }
}
