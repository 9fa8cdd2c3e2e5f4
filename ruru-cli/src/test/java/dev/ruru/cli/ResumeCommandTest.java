package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.train.Checkpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ruru train --resume} continues a run only as the run it was: a run killed after its last
 * checkpoint still gets its outputs, a resumed run keeps the epochs its schedule is laid out over, and it
 * trains on the data it started with, for the image models and the language models alike.
 */
class ResumeCommandTest {
  private static final List<String> OUTPUTS = List.of("model.safetensors", "model.json", "metrics.json", "learning_curves.png");

  @TempDir Path directory;

  CommandRun run(String... args) {
    return CommandRun.withEmbeddedSample(directory.resolve("home"), args);
  }

  /** What a kill after the last checkpoint leaves: the checkpoint, and none of the outputs. */
  private static byte[] killBeforeTheOutputs(Path out) throws IOException {
    byte[] weights = Files.readAllBytes(out.resolve("model.safetensors"));
    for (String file : OUTPUTS) {
      Files.delete(out.resolve(file));
    }
    return weights;
  }

  @Test void resumingAFinishedImageRunWritesItsOutputsFromTheCheckpoint() throws IOException {
    Path out = directory.resolve("mlp");
    assertEquals(0, run("train", "--hidden", "16", "--epochs", "1", "--out", out.toString()).exitCode());
    byte[] weights = killBeforeTheOutputs(out);
    CommandRun resumed = run("train", "--resume", "--out", out.toString());
    assertEquals(0, resumed.exitCode(), resumed::err);
    assertTrue(resumed.out().contains("finishing " + out.resolve("checkpoint.safetensors") + ": its 1 epoch is trained; writing the model and"
        + " reports from it"), resumed::out);
    assertTrue(!resumed.out().contains("epoch 1/1 loss"), "nothing is trained again: " + resumed.out());
    for (String file : OUTPUTS) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
    assertArrayEquals(weights, Files.readAllBytes(out.resolve("model.safetensors")), "the checkpoint's weights");
    assertEquals(0, run("eval", "--model-dir", out.toString()).exitCode());
  }

  @Test void resumingAFinishedLanguageModelRunWritesItsOutputsFromTheCheckpoint() throws IOException {
    Path out = directory.resolve("gru");
    assertEquals(0, run("train", "--model", "char-gru", "--steps", "5", "--seq-len", "16", "--hidden", "16", "--embedding", "8", "--out",
        out.toString()).exitCode());
    byte[] weights = killBeforeTheOutputs(out);
    CommandRun resumed = run("train", "--resume", "--out", out.toString());
    assertEquals(0, resumed.exitCode(), resumed::err);
    assertTrue(resumed.out().contains("finishing " + out.resolve("checkpoint.safetensors")), resumed::out);
    assertArrayEquals(weights, Files.readAllBytes(out.resolve("model.safetensors")), "the checkpoint's weights");
    assertEquals(0, run("generate", "--model-dir", out.toString(), "--prompt", "Light", "--length", "5").exitCode());
  }

  @Test void aResumeWithoutEpochsTrainsUpToTheEpochsTheRunPlanned() throws IOException {
    Path straight = directory.resolve("straight");
    Path killed = directory.resolve("killed");
    assertEquals(0, run("train", "--hidden", "16", "--optimizer", "sgd", "--epochs", "2", "--out", straight.toString()).exitCode());
    assertEquals(0, run("train", "--hidden", "16", "--optimizer", "sgd", "--epochs", "1", "--out", killed.toString()).exitCode());
    // As if killed after epoch 1 of 2: the same checkpoint, planning 2 epochs.
    Path file = killed.resolve("checkpoint.safetensors");
    Checkpoint.read(file).withExtra("ruru.train.epochs", "2").write(file);
    CommandRun resumed = run("train", "--resume", "--out", killed.toString());
    assertEquals(0, resumed.exitCode(), resumed::err);
    assertTrue(resumed.out().contains("resuming " + file + " after epoch 1 of 2"), resumed::out);
    assertArrayEquals(Files.readAllBytes(straight.resolve("model.safetensors")), Files.readAllBytes(killed.resolve("model.safetensors")));
  }

  @Test void aScheduleLaidOutOverTheRunsEpochsKeepsThem() throws IOException {
    Path out = directory.resolve("cosine");
    assertEquals(0, run("train", "--hidden", "16", "--lr-schedule", "cosine", "--epochs", "2", "--out", out.toString()).exitCode());
    CommandRun longer = run("train", "--resume", "--epochs", "3", "--out", out.toString());
    assertEquals(2, longer.exitCode(), longer::out);
    assertEquals("ruru train: --resume: the run in " + out + " follows --lr-schedule cosine over its 2 epochs; --epochs 3 would change the"
        + " schedule midway; leave --epochs out (or give 2), or start a new run\n", longer.err());
    CommandRun fewer = run("train", "--resume", "--epochs", "1", "--out", directory.resolve("cosine").toString());
    assertTrue(fewer.err().contains("--epochs 1 would change the schedule midway"), fewer::err);
    assertEquals(2, new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("epochs").size(), "nothing changed");
  }

  @Test void aResumeOnOtherDataOfTheSameNameIsRefusedNamingBoth() throws IOException {
    Path first = SampleDataDirectory.write(directory.resolve("first"), 0, 300, 100);
    Path other = SampleDataDirectory.write(directory.resolve("other"), 300, 300, 100);
    Path out = directory.resolve("run");
    assertEquals(0, run("train", "--data-dir", first.toString(), "--hidden", "8", "--epochs", "1", "--out", out.toString()).exitCode());
    CommandRun resumed = run("train", "--resume", "--data-dir", other.toString(), "--epochs", "2", "--out", out.toString());
    assertEquals(2, resumed.exitCode(), resumed::out);
    assertTrue(resumed.err().matches("ruru train: --resume: the run in \\Q" + out + "\\E trained on fashion-mnist from \\Q" + first + "\\E \\(300"
        + " training and 100 test images of 28x28, SHA-256 [0-9a-f]{12}\\.\\.\\.\\) but now fashion-mnist from \\Q" + other + "\\E \\(300 training"
        + " and 100 test images of 28x28, SHA-256 [0-9a-f]{12}\\.\\.\\.\\) was found; point --data-dir at the data it used\n"), resumed::err);
    // The same files elsewhere are the same data.
    Path moved = SampleDataDirectory.write(directory.resolve("moved"), 0, 300, 100);
    CommandRun same = run("train", "--resume", "--data-dir", moved.toString(), "--epochs", "2", "--out", out.toString());
    assertEquals(0, same.exitCode(), same::err);
  }
}
