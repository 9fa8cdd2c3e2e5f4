package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PerceptronCommandTest {
  @TempDir Path directory;

  /**
   * Runs {@code ruru args...} in-process as {@link CommandRun#of} does, with the dataset search limited
   * to an empty home directory: no MNIST or Fashion-MNIST on disk, whatever this machine has installed.
   */
  private CommandRun runWithoutDatasets(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Ruru.commandLine();
    PerceptronCommand command = commandLine.getSubcommands().get("perceptron").getCommand();
    command.loaderSetup = loader -> loader.searching(Map.of(), directory.resolve("home"), List.of());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new CommandRun(exitCode, out.toString(), err.toString());
  }

  @Test
  void trainsOneEpochOnTheEmbeddedSampleAndWritesMetricsAndWeightPicture() throws Exception {
    Path runDirectory = directory.resolve("run");

    CommandRun run = runWithoutDatasets("perceptron", "--epochs", "1", "--out", runDirectory.toString());

    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().contains("data: embedded sample"), run::out);
    assertTrue(run.out().contains("training 4500, validation 500, test 1000 examples"), run::out);
    assertTrue(run.out().matches("(?s).*epoch 1/1  train accuracy 0\\.\\d{4}  validation accuracy 0\\.\\d{4}  \\d+\\.\\d\\d s\n.*"), run::out);
    assertTrue(run.out().matches("(?s).*test accuracy 0\\.\\d{4}\n.*"), run::out);

    assertMetricsOfOneEpochOnTheSample(new ObjectMapper().readTree(runDirectory.resolve("metrics.json").toFile()));

    BufferedImage picture = ImageIO.read(runDirectory.resolve("weights.png").toFile());
    assertNotNull(picture, "weights.png decodes");
    // Ten 28×28 tiles at 4 pixels per weight, 5 per row, with 8-pixel gaps, under a title band.
    assertEquals(8 + 5 * (112 + 8), picture.getWidth());
    assertEquals(dev.ruru.train.plot.TitledPicture.BAND + 8 + 2 * (112 + 8), picture.getHeight());
    int dark = 0;
    for (int y = 0; y < dev.ruru.train.plot.TitledPicture.BAND; y++) {
      for (int x = 0; x < picture.getWidth(); x++) {
        dark += (picture.getRGB(x, y) & 0xff) < 100 ? 1 : 0;
      }
    }
    assertTrue(dark > 100, "the picture has a title");
    try (Stream<Path> files = Files.list(runDirectory)) {
      assertEquals(List.of("metrics.json", "weights.png"), files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary files are left behind");
    }
  }

  /** The schema every training command writes, with sane values for one epoch on the embedded sample. */
  private static void assertMetricsOfOneEpochOnTheSample(JsonNode metrics) {
    List<String> keys = new ArrayList<>();
    metrics.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("task", "dataset", "train_size", "validation_size", "test_size", "epochs", "test_accuracy",
        "samples_per_second"), keys);
    assertEquals("perceptron", metrics.get("task").asText());
    assertEquals("fashion-mnist-sample", metrics.get("dataset").asText());
    assertEquals(4500, metrics.get("train_size").asInt());
    assertEquals(500, metrics.get("validation_size").asInt());
    assertEquals(1000, metrics.get("test_size").asInt());
    assertEquals(1, metrics.get("epochs").size());
    JsonNode epoch = metrics.get("epochs").get(0);
    List<String> epochKeys = new ArrayList<>();
    epoch.fieldNames().forEachRemaining(epochKeys::add);
    assertEquals(List.of("epoch", "train_accuracy", "validation_accuracy", "seconds"), epochKeys);
    assertEquals(1, epoch.get("epoch").asInt());
    // One epoch of the rule on 4,500 images is far above chance (0.1) on every split.
    assertTrue(epoch.get("train_accuracy").asDouble() > 0.4, epoch::toString);
    assertTrue(epoch.get("validation_accuracy").asDouble() > 0.4, epoch::toString);
    assertTrue(epoch.get("seconds").asDouble() > 0, epoch::toString);
    assertTrue(metrics.get("test_accuracy").asDouble() > 0.4 && metrics.get("test_accuracy").asDouble() <= 1, metrics::toString);
    double expectedRate = 4500 / epoch.get("seconds").asDouble();
    assertEquals(expectedRate, metrics.get("samples_per_second").asDouble(), expectedRate * 1e-9);
  }

  @Test
  void badHyperParametersExitWithCode2AndAMessage() {
    Path runDirectory = directory.resolve("never");
    Map<List<String>, String> cases = Map.of(
        List.of("--lr", "-1"), "ruru perceptron: Invalid learning rate: -1.0 (must be a positive number)",
        List.of("--epochs", "0"), "ruru perceptron: Invalid epochs: 0 (must be at least 1)",
        List.of("--batch-size", "0"), "ruru perceptron: Invalid batch size: 0 (must be at least 1)",
        List.of("--validation-split", "1"), "ruru perceptron: Invalid validation split: 1.0 (must be in [0, 1))",
        List.of("--dataset", "cifar"), "ruru perceptron: unknown dataset 'cifar'; expected mnist or fashion-mnist");
    for (Map.Entry<List<String>, String> entry : cases.entrySet()) {
      List<String> args = new ArrayList<>(List.of("perceptron", "--out", runDirectory.toString()));
      args.addAll(entry.getKey());

      CommandRun run = runWithoutDatasets(args.toArray(String[]::new));

      assertEquals(2, run.exitCode(), entry.getKey() + ": " + run.err());
      assertEquals(entry.getValue(), run.err().strip(), entry.getKey().toString());
    }
    assertFalse(Files.exists(runDirectory), "nothing is written after a usage error");
  }

  @Test
  void missingMnistListsWhereItLookedAndExitsWithCode2() {
    CommandRun run = runWithoutDatasets("perceptron", "--dataset", "mnist", "--out", directory.resolve("run").toString());

    assertEquals(2, run.exitCode(), run::err);
    assertTrue(run.err().startsWith("ruru perceptron: mnist: no dataset found; looked in:"), run::err);
    assertTrue(run.err().contains(directory.resolve("home").toString()), run::err);
  }
}
