package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ruru train --model convlstm|convgru and ruru generate for video models, on the embedded sample with tiny networks. */
class TrainVideoCommandTest {
  @TempDir Path directory;

  CommandRun run(String... args) {
    return CommandRun.withEmbeddedSample(directory.resolve("home"), args);
  }

  @Test void trainsAConvLstmOnMovingFashionMnistAndGeneratesItsGif() throws Exception {
    Path out = directory.resolve("convlstm");
    CommandRun train = run("train", "--model", "convlstm", "--dataset", "moving-fashion-mnist", "--hidden", "4", "--clips", "4",
        "--test-clips", "2", "--batch-size", "2", "--epochs", "1", "--out", out.toString());
    assertEquals(0, train.exitCode(), train::err);
    assertTrue(train.out().contains("model: convlstm hidden [4] kernel 3 patch 4, 64x64, 10 -> 10 frames"), train::out);
    assertTrue(train.out().contains("(copy last frame ") && train.out().contains(", all black "), train::out);
    for (String file : new String[] {"model.json", "model.safetensors", "metrics.json", "learning_curves.png", "prediction.gif"}) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file + " written");
    }
    Path gif = directory.resolve("two.gif");
    CommandRun generate = run("generate", "--model-dir", out.toString(), "--samples", "2", "--out", gif.toString());
    assertEquals(0, generate.exitCode(), generate::err);
    assertTrue(generate.out().contains("wrote 2 clips (input, truth, prediction)"), generate::out);
    assertTrue(Files.size(gif) > 0);
    CommandRun text = run("generate", "--model-dir", out.toString(), "--prompt", "x");
    assertEquals(Ruru.USAGE_ERROR, text.exitCode());
    assertTrue(text.err().contains("--prompt does not apply to the video model in " + out), text::err);
    assertTrue(Files.isRegularFile(out.resolve("checkpoint.safetensors")), "checkpoint written");
    CommandRun more = run("train", "--resume", "--epochs", "2", "--out", out.toString());
    assertEquals(0, more.exitCode(), more::err);
    assertTrue(more.out().contains("resuming " + out.resolve("checkpoint.safetensors") + " after epoch 1 of 2"), more::out);
    assertTrue(more.out().contains("model: convlstm hidden [4] kernel 3 patch 4, 64x64, 10 -> 10 frames"), more::out);
    CommandRun changed = run("train", "--model", "convlstm", "--resume", "--clips", "8", "--out", out.toString());
    assertEquals(Ruru.USAGE_ERROR, changed.exitCode());
    assertTrue(changed.err().contains("--resume continues the run in " + out + " with the settings it started with; leave out --clips"),
        changed::err);
  }

  @Test void refusesOptionsAndDatasetsItDoesNotUse() {
    CommandRun split = run("train", "--model", "convgru", "--validation-split", "0.2");
    assertEquals(Ruru.USAGE_ERROR, split.exitCode());
    assertTrue(split.err().contains("--validation-split does not apply to --model convgru"), split::err);
    CommandRun dataset = run("train", "--model", "convgru", "--dataset", "cifar10", "--out", directory.resolve("x").toString());
    assertEquals(Ruru.USAGE_ERROR, dataset.exitCode());
    assertTrue(dataset.err().contains("--dataset cifar10: video models train on moving-fashion-mnist (the default) or moving-mnist"), dataset::err);
  }
}
