package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npy;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ruru train --model cnn end to end on the embedded sample, with small convolutions to keep it to seconds. */
class TrainCnnCommandTest {
  @TempDir Path directory;

  CommandRun run(String... args) {
    return CommandRun.withEmbeddedSample(directory.resolve("home"), args);
  }

  @Test void trainsACnnAndWritesModelMetricsFiltersAndFeatureMaps() throws Exception {
    Path out = directory.resolve("cnn");
    CommandRun run = run("train", "--model", "cnn", "--channels", "4,8", "--hidden", "32", "--epochs", "1", "--out", out.toString());
    assertEquals(0, run.exitCode(), run::err);
    // 4·9 + 4, 8·4·9 + 8, then 8·7·7 = 392 → 32 → 10.
    int parameters = (4 * 9 + 4) + (8 * 4 * 9 + 8) + (392 * 32 + 32) + (32 * 10 + 10);
    assertTrue(run.out().contains(String.format(java.util.Locale.ROOT, "model: cnn 28x28 conv 4,8 392-32-10 relu float32 (%,d parameters)",
        parameters)), run::out);
    assertTrue(run.out().contains("wrote model.safetensors, model.json, metrics.json, learning_curves.png, confusion_matrix.png,"
        + " misclassified.png, filters.png, feature_maps.png, checkpoint.safetensors to " + out), run::out);

    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertEquals("cnn", metrics.get("task").asText());
    assertEquals("cnn 28x28 conv 4,8 392-32-10 relu float32", metrics.get("model").asText());
    assertEquals(1, metrics.get("epochs").size());
    // One epoch of Adam on 4,500 images: far better than chance (10%).
    assertTrue(metrics.get("test_accuracy").asDouble() > 0.6, metrics::toString);

    JsonNode description = new ObjectMapper().readTree(out.resolve("model.json").toFile());
    assertEquals("cnn", description.get("architecture").asText());
    assertEquals("[4,8]", description.get("channels").toString());

    // Filters: 4 tiles of 3×3 taps in one row under a title band (as wide as its text needs); feature maps: the input and 4
    // channels of 28×28.
    BufferedImage filters = ImageIO.read(out.resolve("filters.png").toFile());
    assertNotNull(filters, "filters.png decodes");
    assertTrue(filters.getWidth() >= 6 + 4 * (3 * 16 + 6), () -> "width " + filters.getWidth());
    assertEquals(dev.ruru.train.plot.TitledPicture.BAND + 6 + (3 * 16 + 6), filters.getHeight());
    BufferedImage maps = ImageIO.read(out.resolve("feature_maps.png").toFile());
    assertNotNull(maps, "feature_maps.png decodes");
    assertEquals(6 + 5 * (28 * 3 + 6), maps.getWidth());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("checkpoint.safetensors", "confusion_matrix.png", "feature_maps.png", "filters.png", "learning_curves.png",
          "metrics.json", "misclassified.png", "model.json", "model.safetensors"),
          files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files are left");
    }
    evalAndPredictRebuildTheCnn(out, metrics.get("test_accuracy").asDouble());
  }

  private void evalAndPredictRebuildTheCnn(Path out, double accuracy) throws Exception {
    CommandRun eval = run("eval", "--model-dir", out.toString());
    assertEquals(0, eval.exitCode(), eval::err);
    assertTrue(eval.out().contains("model: cnn 28x28 conv 4,8 392-32-10 relu float32"), eval::out);
    assertTrue(eval.out().contains(String.format(java.util.Locale.ROOT, "accuracy %.2f%%", 100 * accuracy)), eval::out);
    NDArray images = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT).test().features().slice(0, 0, 2, 1);
    Path npy = directory.resolve("two.npy");
    Npy.write(npy, images);
    CommandRun predict = run("predict", "--model-dir", out.toString(), "--input", npy.toString());
    assertEquals(0, predict.exitCode(), predict::err);
    List<String> lines = predict.out().lines().toList();
    assertEquals(2, lines.size(), predict::out);
    assertTrue(lines.get(1).matches(".*two\\.npy\\[1\\]: [^,]+ \\d+\\.\\d\\d%, [^,]+ \\d+\\.\\d\\d%, [^,]+ \\d+\\.\\d\\d%"), lines.get(1));
  }

  @Test void resumingACnnGivesTheSameModelAsTwoEpochsStraight() throws Exception {
    Path straight = directory.resolve("straight");
    Path interrupted = directory.resolve("interrupted");
    assertEquals(0, run(cnnRun(straight, 2)).exitCode());
    assertEquals(0, run(cnnRun(interrupted, 1)).exitCode());
    CommandRun resumed = run("train", "--epochs", "2", "--resume", "--out", interrupted.toString());
    assertEquals(0, resumed.exitCode(), resumed::err);
    assertTrue(resumed.out().contains("model: cnn 28x28 conv 2,4 196-16-10"), resumed::out);
    assertArrayEquals(Files.readAllBytes(straight.resolve("model.safetensors")),
        Files.readAllBytes(interrupted.resolve("model.safetensors")), "bit-identical weights");
  }

  /** The arguments of a small CNN run with sgd into {@code out} for {@code epochs} epochs. */
  private static String[] cnnRun(Path out, int epochs) {
    return new String[] {"train", "--model", "cnn", "--channels", "2,4", "--hidden", "16", "--optimizer", "sgd", "--epochs", "" + epochs,
        "--out", out.toString()};
  }

  @Test void modelMistakesNameTheValidChoices() {
    CommandRun unknown = run("train", "--model", "resnet", "--out", directory.resolve("x").toString());
    assertEquals(2, unknown.exitCode());
    assertEquals("ruru train: unknown model 'resnet'; expected one of mlp, cnn, autoencoder, conv-autoencoder, vae, conv-vae, gan,"
        + " char-lstm, char-gru, char-transformer, gcn, gat, sage, gin, table, convlstm, convgru (table: your own CSV with --csv)\n", unknown.err());
    assertEquals("ruru train: --channels does not apply to --model mlp (it is for --model cnn); leave it out\n",
        run("train", "--channels", "4", "--out", directory.resolve("x").toString()).err());
    assertEquals("ruru train: Invalid --channels: [4, 0] (widths must be >= 1)\n",
        run("train", "--model", "cnn", "--channels", "4,0", "--out", directory.resolve("x").toString()).err());
    assertEquals("ruru train: model: 5 poolings by 2 leave nothing of images [28, 28]; use at most 4 convolution layers\n",
        run("train", "--model", "cnn", "--channels", "1,1,1,1,1", "--epochs", "1", "--out", directory.resolve("x").toString()).err());
  }
}
