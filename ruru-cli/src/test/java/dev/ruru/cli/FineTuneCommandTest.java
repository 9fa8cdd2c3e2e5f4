package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.io.Npy;
import dev.ruru.onnx.proto.OnnxDecoder;
import dev.ruru.onnx.proto.OnnxTensor;
import dev.ruru.train.io.Safetensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ruru finetune end to end on the embedded sample: a small CNN trained, then given a new head for classes 5-9 with few labels. */
class FineTuneCommandTest {
  @TempDir Path directory;

  private CommandRun run(String... args) {
    return CommandRun.withEmbeddedSample(directory.resolve("home"), args);
  }

  @Test
  void newHeadOnFrozenFeaturesWithFewLabelsThenAgainFromItsOwnOutput() throws Exception {
    Path pretrained = directory.resolve("cnn");
    CommandRun train = run("train", "--model", "cnn", "--channels", "4,8", "--hidden", "16", "--epochs", "1", "--out", pretrained.toString());
    assertEquals(0, train.exitCode(), train::err);
    Path tuned = directory.resolve("tuned");
    CommandRun finetune = run("finetune", "--from", pretrained.toString(), "--head", "5-9", "--freeze", "*", "--labels-per-class", "10",
        "--epochs", "2", "--lr", "0.01", "--out", tuned.toString());
    assertEquals(0, finetune.exitCode(), finetune::err);
    assertTrue(finetune.out().contains("frozen *, a new head for classes [5, 6, 7, 8, 9], 10 labels per class"), finetune::out);
    assertTrue(finetune.out().contains("training 50, validation"), finetune::out);
    assertTrue(finetune.out().contains("total 6,709 parameters, 85 trainable, 6,624 frozen"), finetune::out);
    Map<String, NDArray> before = Safetensors.read(pretrained.resolve("model.safetensors")).tensors();
    Map<String, NDArray> after = Safetensors.read(tuned.resolve("model.safetensors")).tensors();
    assertEquals(before.get("1.weight"), after.get("1.weight"), "frozen: the first convolution is as it was");
    assertEquals(before.get("8.weight"), after.get("8.weight"), "frozen: the hidden dense layer is as it was");
    assertEquals(5, after.get("10.bias").size(), "the new head has 5 outputs");
    JsonNode metrics = new ObjectMapper().readTree(tuned.resolve("metrics.json").toFile());
    assertEquals("finetune", metrics.get("task").asText());
    assertTrue(Files.readString(tuned.resolve("model.json")).contains("\"format\" : \"ruru-layers\""));

    // The layer tree it wrote loads with no code: fine-tune all of it, the head kept, for one more epoch.
    Path again = directory.resolve("again");
    CommandRun second = run("finetune", "--from", tuned.toString(), "--head", "5-9", "--epochs", "1", "--body-lr", "1e-4",
        "--out", again.toString());
    assertEquals(0, second.exitCode(), second::err);
    assertTrue(second.out().contains("nothing frozen"), second::out);
    assertNotEquals(after.get("1.weight"), Safetensors.read(again.resolve("model.safetensors")).tensors().get("1.weight"));
    assertTheLayerTreeEvaluatesPredictsAndExports(tuned);
  }

  /** The layer tree evaluates on the test images of its five classes, predicts with their names, and exports. */
  private void assertTheLayerTreeEvaluatesPredictsAndExports(Path tuned) throws Exception {
    CommandRun eval = run("eval", "--model-dir", tuned.toString());
    assertEquals(0, eval.exitCode(), eval::err);
    assertTrue(eval.out().startsWith("model: layer tree from " + tuned), eval::out);
    assertTrue(eval.out().contains("Sandal") && !eval.out().contains("Trouser"), eval::out);
    Path images = directory.resolve("images.npy");
    Npy.write(images, NDArray.rand(Shape.of(2, 28, 28), new SplittableRandom(6)).astype(DType.FLOAT32));
    CommandRun predict = run("predict", "--model-dir", tuned.toString(), "--input", images.toString());
    assertEquals(0, predict.exitCode(), predict::err);
    assertTrue(predict.out().startsWith(images + "[0]: ") && predict.out().contains(images + "[1]: "), predict::out);
    assertTrue(predict.out().lines().allMatch(line -> line.matches(".*: (Sandal|Shirt|Sneaker|Bag|Ankle boot) .*")), predict::out);
    CommandRun export = run("export", "--model-dir", tuned.toString(), "--out", directory.resolve("tuned.onnx").toString());
    assertEquals(0, export.exitCode(), export::err);
  }

  @Test
  void anOnnxModelGetsANewHeadAndIsWrittenBackAsOnnx() throws Exception {
    Path pretrained = directory.resolve("cnn");
    assertEquals(0, run("train", "--model", "cnn", "--channels", "4,8", "--hidden", "16", "--epochs", "1", "--out", pretrained.toString())
        .exitCode());
    Path onnx = directory.resolve("cnn.onnx");
    assertEquals(0, run("export", "--model-dir", pretrained.toString(), "--out", onnx.toString()).exitCode());
    Path tuned = directory.resolve("tuned");
    CommandRun finetune = run("finetune", "--from", onnx.toString(), "--head", "5-9", "--freeze", "0", "--labels-per-class", "10",
        "--epochs", "1", "--out", tuned.toString());
    assertEquals(0, finetune.exitCode(), finetune::err);
    assertTrue(finetune.out().contains("total 6,709 parameters, 85 trainable, 6,624 frozen"), finetune::out);
    assertTrue(finetune.out().contains("ruru finetune --from " + tuned.resolve("model.onnx")), finetune::out);
    Map<String, NDArray> before = Safetensors.read(pretrained.resolve("model.safetensors")).tensors();
    Map<String, NDArray> after = OnnxDecoder.read(tuned.resolve("model.onnx")).graph().initializers().stream()
        .collect(java.util.stream.Collectors.toMap(OnnxTensor::name, OnnxTensor::value));
    assertEquals(before.get("1.weight"), after.get("0.1.weight"), "frozen: the imported convolution is as it was");
    assertEquals(java.util.List.of(5, 16), java.util.Arrays.stream(after.get("1.weight").shape().dims()).boxed().toList(), "the new head");

    Path images = directory.resolve("images.npy");
    Npy.write(images, NDArray.rand(Shape.of(28, 28), new SplittableRandom(7)).astype(DType.FLOAT32));
    CommandRun predict = run("predict", "--model", tuned.resolve("model.onnx").toString(), "--input", images.toString());
    assertEquals(0, predict.exitCode(), predict::err);
    assertTrue(predict.out().matches(java.util.regex.Pattern.quote(images.toString()) + ": class [0-4] .*\n"), predict::out);
    CommandRun again = run("finetune", "--from", tuned.resolve("model.onnx").toString(), "--epochs", "1", "--labels-per-class", "10",
        "--head", "5-9", "--out", directory.resolve("again").toString());
    assertEquals(0, again.exitCode(), again::err);
  }

  @Test
  void badOptionsSayWhatIsExpected() {
    CommandRun head = run("finetune", "--from", directory.toString(), "--head", "5-x");
    assertTrue(head.err().contains("Invalid --head: '5-x'"), head::err);
  }
}
