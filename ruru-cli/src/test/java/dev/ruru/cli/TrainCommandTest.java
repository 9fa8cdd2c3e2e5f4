package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ruru train, eval and predict end to end, in-process, on the embedded sample (the dataset search sees an empty home). */
class TrainCommandTest {
  @TempDir Path directory;

  CommandRun run(String... args) {
    return CommandRun.withEmbeddedSample(directory.resolve("home"), args);
  }

  @Test void trainsOneEpochOnTheSampleAndWritesModelMetricsAndPictures() throws Exception {
    Path out = directory.resolve("run");
    CommandRun run = run("train", "--epochs", "1", "--out", out.toString());
    assertEquals(0, run.exitCode(), run::err);
    assertTrue(run.out().contains("data: embedded sample: 5,000 training and 1,000 test images of Fashion-MNIST (no full dataset found"), run::out);
    assertTrue(run.out().contains("model: mlp 784-128-10 relu float32 (101,770 parameters)"), run::out);
    assertTrue(run.out().contains("training 4500, validation 500, test 1000 examples; 1 epoch, batch 64, adam lr 0.001, weight decay 0.0"), run::out);
    assertTrue(run.out().matches("(?s).*epoch 1/1 loss \\d\\.\\d{4} acc \\d+\\.\\d\\d% \\| val_loss \\d\\.\\d{4} val_acc \\d+\\.\\d\\d% \\|.*"), run::out);
    assertTrue(run.out().matches("(?s).*test: loss \\d\\.\\d{4}, accuracy \\d+\\.\\d\\d% \\(top-2 \\d+\\.\\d\\d%\\) on 1000 images.*"), run::out);
    assertTrue(run.out().contains("diagnosis: "), run::out);

    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertMetricsOfOneEpochOnTheSample(metrics);

    for (String picture : List.of("learning_curves.png", "confusion_matrix.png", "misclassified.png")) {
      BufferedImage image = ImageIO.read(out.resolve(picture).toFile());
      assertNotNull(image, picture + " decodes");
    }
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("checkpoint.safetensors", "confusion_matrix.png", "learning_curves.png", "metrics.json", "misclassified.png",
          "model.json", "model.safetensors"), files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files are left");
    }
    evalReportsTheAccuracyOfTheSavedModel(out, metrics.get("test_accuracy").asDouble());
    predictClassifiesNpyAndPngInputs(out);
  }

  /** The schema of ruru perceptron first, then what a model with a loss adds; sane values for one epoch on the sample. */
  private static void assertMetricsOfOneEpochOnTheSample(JsonNode metrics) {
    List<String> keys = new ArrayList<>();
    metrics.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("task", "dataset", "train_size", "validation_size", "test_size", "epochs", "test_accuracy", "samples_per_second",
        "test_loss", "test_top2_accuracy", "model", "optimizer", "diagnosis", "per_class"), keys);
    assertEquals("mlp", metrics.get("task").asText());
    assertEquals("fashion-mnist-sample", metrics.get("dataset").asText());
    assertEquals(4500, metrics.get("train_size").asInt());
    assertEquals(500, metrics.get("validation_size").asInt());
    assertEquals(1000, metrics.get("test_size").asInt());
    JsonNode epoch = metrics.get("epochs").get(0);
    assertEquals(1, epoch.get("epoch").asInt());
    for (String key : List.of("train_loss", "train_accuracy", "validation_loss", "validation_accuracy", "seconds")) {
      assertTrue(epoch.get(key).isNumber() && epoch.get(key).asDouble() > 0, key + " in " + epoch);
    }
    // One epoch of Adam on 4,500 images already does far better than chance (10%).
    assertTrue(metrics.get("test_accuracy").asDouble() > 0.6, metrics::toString);
    assertEquals(10, metrics.get("per_class").size());
  }

  private void evalReportsTheAccuracyOfTheSavedModel(Path out, double accuracy) {
    CommandRun eval = run("eval", "--model-dir", out.toString());
    assertEquals(0, eval.exitCode(), eval::err);
    assertTrue(eval.out().contains(String.format(java.util.Locale.ROOT, "accuracy %.2f%%", 100 * accuracy)), eval::out);
    assertTrue(eval.out().contains("Ankle boot"), eval::out);
  }

  private void predictClassifiesNpyAndPngInputs(Path out) throws Exception {
    dev.ruru.data.mnist.MnistData sample = dev.ruru.data.mnist.EmbeddedSample.fashionMnist(dev.ruru.data.idx.IdxValues.SCALED_TO_UNIT);
    dev.ruru.array.NDArray images = sample.test().features().slice(0, 0, 3, 1);
    Path npy = directory.resolve("three.npy");
    dev.ruru.array.io.Npy.write(npy, images);
    Path png = directory.resolve("first.png");
    BufferedImage picture = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 28; y++) {
      for (int x = 0; x < 28; x++) {
        picture.getRaster().setSample(x, y, 0, (int) Math.round(255 * images.getDouble(0, y, x)));
      }
    }
    ImageIO.write(picture, "png", png.toFile());
    CommandRun predict = run("predict", "--model-dir", out.toString(), "--input", npy.toString(), png.toString());
    assertEquals(0, predict.exitCode(), predict::err);
    List<String> lines = predict.out().lines().toList();
    assertEquals(4, lines.size(), predict::out);
    assertTrue(lines.get(0).matches(".*three\\.npy\\[0\\]: [^,]+ \\d+\\.\\d\\d%, [^,]+ \\d+\\.\\d\\d%, [^,]+ \\d+\\.\\d\\d%"), lines.get(0));
    // The PNG is the first .npy image rounded to 8 bits: the same best class.
    assertEquals(lines.get(0).replaceAll(".*: ([^0-9]+) .*", "$1"), lines.get(3).replaceAll(".*: ([^0-9]+) .*", "$1"), predict::out);
  }

  @Test void resumingAfterOneEpochGivesTheSameModelAsTwoEpochsStraight() throws Exception {
    Path straight = directory.resolve("straight");
    Path interrupted = directory.resolve("interrupted");
    assertEquals(0, run("train", "--hidden", "16", "--epochs", "2", "--optimizer", "sgd", "--out", straight.toString()).exitCode());
    assertEquals(0, run("train", "--hidden", "16", "--epochs", "1", "--optimizer", "sgd", "--out", interrupted.toString()).exitCode());
    CommandRun resumed = run("train", "--epochs", "2", "--resume", "--out", interrupted.toString());
    assertEquals(0, resumed.exitCode(), resumed::err);
    assertTrue(resumed.out().contains("resuming " + interrupted.resolve("checkpoint.safetensors") + " after epoch 1 of 2"), resumed::out);
    assertArrayEquals(Files.readAllBytes(straight.resolve("model.safetensors")), Files.readAllBytes(interrupted.resolve("model.safetensors")),
        "bit-identical weights");
    JsonNode metrics = new ObjectMapper().readTree(interrupted.resolve("metrics.json").toFile());
    assertEquals(2, metrics.get("epochs").size());
  }

  @Test void aScheduleAndClippingAreKeptAcrossAResume() throws Exception {
    Path out = directory.resolve("scheduled");
    CommandRun first = run("train", "--hidden", "16", "--epochs", "1", "--optimizer", "sgd", "--lr", "0.2", "--momentum", "0",
        "--lr-schedule", "step:1:0.5", "--clip-norm", "1", "--early-stopping", "3", "--out", out.toString());
    assertEquals(0, first.exitCode(), first::err);
    assertTrue(first.out().contains("sgd lr 0.2, momentum 0.0, weight decay 0.0, lr schedule step:1:0.5, early stopping after 3, gradient norm"
        + " clipped at 1.0"), first::out);
    CommandRun resumed = run("train", "--epochs", "3", "--resume", "--out", out.toString());
    assertEquals(0, resumed.exitCode(), resumed::err);
    JsonNode epochs = new ObjectMapper().readTree(out.resolve("metrics.json").toFile()).get("epochs");
    assertEquals(0.2, epochs.get(0).get("learning_rate").asDouble(), 1e-12);
    assertEquals(0.1, epochs.get(1).get("learning_rate").asDouble(), 1e-12, "halved after epoch 1, also after the resume");
    assertEquals(0.05, epochs.get(2).get("learning_rate").asDouble(), 1e-12);
    assertEquals("ruru train: Invalid --lr-schedule: 'cosine:x': 'x' is not a positive number\n",
        run("train", "--lr-schedule", "cosine:x", "--out", directory.resolve("y").toString()).err());
    assertEquals("ruru train: --early-stopping watches the validation loss; give a --validation-split above 0\n",
        run("train", "--early-stopping", "2", "--validation-split", "0", "--out", directory.resolve("z").toString()).err());
    assertTrue(run("train", "--lr-schedule", "linear", "--out", directory.resolve("w").toString()).err()
        .startsWith("ruru train: Invalid --lr-schedule: 'linear'; expected constant, step[:EPOCHS[:GAMMA]]"));
  }

  @Test void aDivergingRunStopsAndNamesTheOperation() {
    CommandRun run = run("train", "--optimizer", "sgd", "--lr", "1e30", "--momentum", "0", "--hidden", "16", "--epochs", "1", "--out",
        directory.resolve("nan").toString());
    assertEquals(2, run.exitCode(), run::out);
    assertTrue(run.err().matches("ruru train: training diverged: the loss is (NaN|Infinity) at epoch 1, batch \\d+ of 71; anomaly: \\w+"
        + " produced (NaN|Inf) from finite inputs .*; try a lower learning rate or gradient clipping; no epoch completed, so there is no"
        + " checkpoint\n"), run::err);
  }

  @Test void anEpochThatEndsWithBlownUpWeightsIsNotKeptAsTheLastGoodCheckpoint() {
    Path out = directory.resolve("blown-up");
    // One batch of all 4,500 images an epoch: its loss is finite (the initial weights), but the step leaves weights
    // of about 1e29, on which the validation loss is not finite. Epoch 2 would start from them and diverge.
    CommandRun run = run("train", "--optimizer", "sgd", "--lr", "1e30", "--momentum", "0", "--hidden", "16", "--batch-size", "5000",
        "--epochs", "2", "--out", out.toString());
    assertEquals(2, run.exitCode(), run::out);
    assertTrue(run.err().matches("ruru train: training diverged: the validation loss is (NaN|Infinity) after epoch 1, so its checkpoint is"
        + " not written; try a lower learning rate or gradient clipping; no epoch ended with a finite loss and finite weights, so there is"
        + " no checkpoint\n"), run::err);
    assertTrue(!Files.exists(out.resolve("checkpoint.safetensors")), "no checkpoint to resume from");
  }

  @Test void trainingAndTestImagesOfDifferentShapesAreRefusedBeforeTraining() throws Exception {
    // 28x28 training images, 14x56 test images: the same 784 pixels, so a flattening model would report an accuracy.
    Path data = SampleDataDirectory.write(directory.resolve("torn"), 0, 200, 50, 14, 56);
    String expected = "fashion-mnist from " + data + ": the training images are [28, 28] but the test images are [14, 56]; a model trained"
        + " on the one cannot be tested on the other: the four IDX files must come from one dataset\n";
    for (String model : List.of("mlp", "cnn")) {
      CommandRun train = run("train", "--model", model, "--data-dir", data.toString(), "--epochs", "1", "--out", directory.resolve(model)
          .toString());
      assertEquals(2, train.exitCode(), train::out);
      assertEquals("ruru train: " + expected, train.err());
      assertTrue(!train.out().contains("epoch 1/1"), "refused before training: " + train.out());
    }
    CommandRun perceptron = run("perceptron", "--data-dir", data.toString(), "--epochs", "1", "--out", directory.resolve("p").toString());
    assertEquals(2, perceptron.exitCode(), perceptron::out);
    assertEquals("ruru perceptron: " + expected, perceptron.err());
  }

  @Test void mistakesAreOneLineMessages() {
    CommandRun resumeWithOptions = run("train", "--resume", "--lr", "0.5", "--out", directory.resolve("none").toString());
    assertEquals(2, resumeWithOptions.exitCode());
    assertEquals("ruru train: --resume continues the run in " + directory.resolve("none") + " with the settings it started with; leave out"
        + " --lr (or start a new run without --resume)\n", resumeWithOptions.err());
    CommandRun nothingToResume = run("train", "--resume", "--out", directory.resolve("none").toString());
    assertTrue(nothingToResume.err().startsWith("ruru train: --resume: no checkpoint "), nothingToResume::err);
    assertEquals("ruru train: --momentum applies to sgd and rmsprop, not adam\n",
        run("train", "--momentum", "0.9", "--out", directory.resolve("x").toString()).err());
    assertEquals("ruru train: Invalid learning rate: -0.1 (must be > 0)\n",
        run("train", "--optimizer", "sgd", "--lr", "-0.1", "--out", directory.resolve("x").toString()).err());
    assertEquals("ruru train: unknown optimizer 'lbfgs'; expected sgd, adam, adamw, rmsprop or adagrad\n",
        run("train", "--optimizer", "lbfgs", "--out", directory.resolve("x").toString()).err());
    CommandRun noModel = run("eval", "--model-dir", directory.resolve("nothing").toString());
    assertEquals(2, noModel.exitCode());
    assertTrue(noModel.err().startsWith("ruru eval: model directory " + directory.resolve("nothing") + ": missing model.json"), noModel::err);
  }
}
