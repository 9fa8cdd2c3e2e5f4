package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ruru train --spark, in-process on local Spark threads, on the embedded sample. */
class TrainSparkCommandTest {
  @TempDir Path directory;

  CommandRun run(String... args) {
    return CommandRun.withEmbeddedSample(directory.resolve("home"), args);
  }

  @Test
  void trainsAnMlpOnLocalSparkAndWritesWhatAnyRunWrites() throws Exception {
    Path out = directory.resolve("run");
    CommandRun run = run("train", "--hidden", "32", "--epochs", "1", "--spark", "local[2]", "--workers", "2", "--sync-every", "5",
        "--out", out.toString());
    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().contains("steps on spark local[2], 2 workers, 5 steps per round"), run::out);
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    // One epoch of a 32-unit MLP on the 4,500-image training part: far above chance (10 %).
    assertTrue(metrics.get("test_accuracy").asDouble() > 0.6, metrics.toString());
    assertTrue(Files.isRegularFile(out.resolve("model.safetensors")));
    assertTrue(Files.isRegularFile(out.resolve("checkpoint.safetensors")));

    // A restarted driver resumes from the checkpoint, on the cluster again.
    CommandRun resumed = run("train", "--resume", "--epochs", "2", "--spark", "local[2]", "--workers", "2", "--sync-every", "5",
        "--out", out.toString());
    assertEquals(0, resumed.exitCode(), resumed::err);
    JsonNode after = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertEquals(2, after.get("epochs").size(), after.toString());
    assertEquals(metrics.get("epochs").get(0), after.get("epochs").get(0), "the first epoch is the checkpoint's");

    // Every round in rounds.csv: 4,500 training images in 2 shards of 32 per step, 5 steps a round, 14 rounds an epoch.
    java.util.List<String> rounds = Files.readAllLines(out.resolve("rounds.csv"));
    assertTrue(rounds.get(0).startsWith("epoch,round,"), rounds.get(0));
    assertTrue(rounds.get(0).contains(",round_seconds,communication_seconds,exchanged_megabytes"), rounds.get(0));
    assertEquals(14, rounds.stream().filter(line -> line.startsWith("1,")).count(), String.join("\n", rounds));
    assertEquals(14, rounds.stream().filter(line -> line.startsWith("2,")).count(), "the resumed run appends its rounds");
    assertEquals(1 + 28, rounds.size());
  }

  @Test
  void trainsAGanOnLocalSparkAveragingBothModelsAfterLocalSteps() throws Exception {
    Path out = directory.resolve("gan");
    Path data = SampleDataDirectory.write(directory.resolve("data"), 0, 512, 16);
    // 2 shards of 256 images (read from --data-dir by the workers), 32 a step: 8 steps, 2 rounds of 4 (each both phases).
    CommandRun run = run("train", "--model", "gan", "--gan-width", "4", "--latent", "4", "--epochs", "1", "--batch-size", "64",
        "--data-dir", data.toString(), "--spark", "local[2]", "--workers", "2", "--sync-every", "4", "--out", out.toString());
    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().contains("steps on spark local[2], 2 workers, 4 steps per round"), run::out);
    assertTrue(Files.isRegularFile(out.resolve("model.safetensors")));
    assertEquals(1 + 2, Files.readAllLines(out.resolve("rounds.csv")).size());
  }

  @Test
  void trainsACharacterTransformerOnLocalSparkAndResumesThere() throws Exception {
    Path out = directory.resolve("transformer");
    // 20 steps of 16 random windows: 2 shards of 160, 8 a step, 5 steps a round: 4 rounds.
    CommandRun run = run("train", "--model", "char-transformer", "--hidden", "32", "--embedding", "16", "--seq-len", "16", "--steps", "20",
        "--batch-size", "16", "--spark", "local[2]", "--workers", "2", "--sync-every", "5", "--out", out.toString());
    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().contains("steps on spark local[2], 2 workers, 5 steps per round"), run::out);
    assertTrue(Files.isRegularFile(out.resolve("model.safetensors")));
    assertEquals(1 + 4, Files.readAllLines(out.resolve("rounds.csv")).size());
    CommandRun resumed = run("train", "--resume", "--spark", "local[2]", "--workers", "2", "--sync-every", "5", "--out", out.toString());
    assertEquals(0, resumed.exitCode(), resumed::err);
  }

  @Test
  void refusesSparkOptionsWithoutSparkAGraphAndTruncatedBpttOnSpark() {
    CommandRun workers = run("train", "--workers", "3", "--out", directory.resolve("a").toString());
    assertEquals(2, workers.exitCode());
    assertTrue(workers.err().contains("--workers applies to training on Spark; add --spark local[2]"), workers::err);
    CommandRun graph = run("train", "--model", "gcn", "--spark", "local[2]", "--out", directory.resolve("b").toString());
    assertEquals(2, graph.exitCode());
    assertTrue(graph.err().contains("--spark does not train a graph network: one step is the whole graph"), graph::err);
    CommandRun streams = run("train", "--model", "char-gru", "--bptt", "--spark", "local[2]", "--out", directory.resolve("c").toString());
    assertEquals(2, streams.exitCode());
    assertTrue(streams.err().contains("--bptt with --spark: truncated BPTT carries each stream's state"), streams::err);
  }

  @Test
  void trainsAnAutoencoderAndATableOnLocalSpark() throws Exception {
    Path latent = directory.resolve("autoencoder");
    CommandRun run = run("train", "--model", "autoencoder", "--latent", "2", "--hidden", "32", "--epochs", "1", "--batch-size", "256",
        "--spark", "local[2]", "--out", latent.toString());
    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().contains("steps on spark local[2], 2 workers, 1 step per round"), run::out);
    JsonNode metrics = new ObjectMapper().readTree(latent.resolve("metrics.json").toFile());
    assertTrue(metrics.get("epochs").get(0).has("train_exchanged_megabytes"), metrics.toString());
    assertTrue(Files.isRegularFile(latent.resolve("model.safetensors")));

    Path csv = directory.resolve("lines.csv");
    StringBuilder rows = new StringBuilder("x,y\n");
    for (int i = 0; i < 200; i++) {
      rows.append(i % 20).append(',').append(3 * (i % 20) + 1).append('\n');
    }
    Files.writeString(csv, rows);
    Path table = directory.resolve("table");
    CommandRun fitted = run("train", "--csv", csv.toString(), "--target", "y", "--task", "regression", "--epochs", "10", "--batch-size", "32", "--lr", "0.05", "--spark", "local[2]",
        "--out", table.toString());
    assertEquals(0, fitted.exitCode(), fitted::err);
    JsonNode scores = new ObjectMapper().readTree(table.resolve("metrics.json").toFile());
    assertTrue(scores.get("test_r2").asDouble() > 0.8, scores.toString());
  }
}
