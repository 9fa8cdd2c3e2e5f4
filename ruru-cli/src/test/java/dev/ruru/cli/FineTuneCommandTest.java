package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.array.NDArray;
import dev.ruru.train.io.Safetensors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
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
  }

  @Test
  void badOptionsSayWhatIsExpected() {
    CommandRun onnx = run("finetune", "--from", directory.resolve("model.onnx").toString());
    assertEquals(2, onnx.exitCode());
    assertTrue(onnx.err().contains("ruru finetune takes a model directory; an .onnx graph is fine-tuned through the library"), onnx::err);
    CommandRun head = run("finetune", "--from", directory.toString(), "--head", "5-x");
    assertTrue(head.err().contains("Invalid --head: '5-x'"), head::err);
  }
}
