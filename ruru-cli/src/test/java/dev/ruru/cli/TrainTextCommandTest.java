package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ruru train --model char-*} and {@code ruru generate} end to end on the embedded Opticks text:
 * a small LSTM learns (validation loss well below a uniform guess's and a unigram model's), the files
 * come back, generation repeats with a seed, and bad text, prompts and options get clear messages.
 */
class TrainTextCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aSmallLstmLearnsTheEmbeddedTextAndGeneratesReproducibly(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("lstm");
    CommandRun run = CommandRun.of("train", "--model", "char-lstm", "--steps", "150", "--hidden", "128", "--embedding", "32",
        "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
    assertEquals("language-model", metrics.get("task").asText());
    assertEquals(80, metrics.get("vocabulary_size").asInt());
    // ln 80 = 4.38 for a uniform guess; the text's unigram entropy is about 3.1 nats.
    double loss = metrics.get("validation_loss").asDouble();
    assertTrue(loss < 2.45, "validation loss " + loss + "\n" + run.out());
    assertEquals(Math.exp(loss), metrics.get("validation_perplexity").asDouble(), 1e-9);
    assertTrue(metrics.get("tokens_per_second").asDouble() > 0);
    assertTrue(metrics.get("epochs").get(0).has("train_perplexity"));
    for (String file : new String[] {"model.json", "model.safetensors", "learning_curves.png", "sample.txt", "checkpoint.safetensors"}) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
    CommandRun first = CommandRun.of("generate", "--model-dir", out.toString(), "--prompt", "Light ", "--length", "80", "--seed", "5",
        "--temperature", "0.8", "--top-k", "5");
    CommandRun again = CommandRun.of("generate", "--model-dir", out.toString(), "--prompt", "Light ", "--length", "80", "--seed", "5",
        "--temperature", "0.8", "--top-k", "5");
    CommandRun other = CommandRun.of("generate", "--model-dir", out.toString(), "--prompt", "Light ", "--length", "80", "--seed", "6",
        "--temperature", "0.8", "--top-k", "5");
    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().startsWith("Light "), first.out());
    String generated = first.out().substring(0, first.out().length() - System.lineSeparator().length());
    assertEquals(6 + 80, generated.codePointCount(0, generated.length()), generated);
    assertEquals(first.out(), again.out());
    assertNotEquals(first.out(), other.out());
    CommandRun unknown = CommandRun.of("generate", "--model-dir", out.toString(), "--prompt", "Lumière");
    assertEquals(Ruru.USAGE_ERROR, unknown.exitCode());
    assertTrue(unknown.err().contains("prompt has characters outside the vocabulary: 'è' (U+00E8) at 4"), unknown.err());
  }

  @Test
  void gruAndTransformerTrainAndResumeContinuesTheRun(@TempDir Path dir) throws IOException {
    Path text = dir.resolve("text.txt");
    Files.writeString(text, "the quick brown fox jumps over the lazy dog. ".repeat(60));
    Path gru = dir.resolve("gru");
    CommandRun first = CommandRun.of("train", "--model", "char-gru", "--text", text.toString(), "--epochs", "1", "--seq-len", "16",
        "--hidden", "32", "--embedding", "8", "--batch-size", "8", "--out", gru.toString());
    assertEquals(0, first.exitCode(), first.err());
    CommandRun resumed = CommandRun.of("train", "--resume", "--text", text.toString(), "--epochs", "2", "--out", gru.toString());
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertTrue(resumed.out().contains("resuming") && resumed.out().contains("epoch 2/2"), resumed.out());
    assertEquals(2, JSON.readTree(gru.resolve("metrics.json").toFile()).get("epochs").size());
    Files.writeString(text, "another text entirely, with other words in it. ".repeat(60));
    CommandRun otherText = CommandRun.of("train", "--resume", "--text", text.toString(), "--epochs", "3", "--out", gru.toString());
    assertEquals(Ruru.USAGE_ERROR, otherText.exitCode());
    assertTrue(otherText.err().contains("differs from it; pass the same --text"), otherText.err());
    Path transformer = dir.resolve("transformer");
    CommandRun attention = CommandRun.of("train", "--model", "char-transformer", "--steps", "20", "--seq-len", "16", "--embedding", "16",
        "--heads", "2", "--hidden", "32", "--layers", "2", "--lr-schedule", "cosine", "--clip-norm", "1", "--out", transformer.toString());
    assertEquals(0, attention.exitCode(), attention.err());
    assertTrue(attention.out().contains("adam lr 0.002, weight decay 0.0, lr schedule cosine, gradient norm clipped at 1.0"), attention.out());
    JsonNode metrics = JSON.readTree(transformer.resolve("metrics.json").toFile());
    assertTrue(metrics.get("summary").asText().contains("TransformerEncoder(2 pre-norm causal layers"), metrics.toString());
    CommandRun generated = CommandRun.of("generate", "--model-dir", transformer.toString(), "--prompt", "Light", "--length", "40",
        "--temperature", "0");
    assertEquals(0, generated.exitCode(), generated.err());
  }

  @Test
  void aDivergingLanguageModelEndsWithOneLineAndExitCode2LikeTheImageModels(@TempDir Path dir) {
    // Weights of 1e30 after the first step: the second step's layer norm squares them past float32's range.
    CommandRun run = CommandRun.of("train", "--model", "char-transformer", "--optimizer", "sgd", "--lr", "1e30", "--momentum", "0",
        "--steps", "5", "--seq-len", "16", "--embedding", "8", "--heads", "2", "--hidden", "16", "--out", dir.resolve("nan").toString());
    assertEquals(Ruru.USAGE_ERROR, run.exitCode(), run.err());
    assertTrue(run.err().matches("ruru train: training diverged: the loss is (NaN|Infinity) at epoch 1, batch \\d of 5; anomaly: \\w+ produced"
        + " (NaN|Inf) from finite inputs [^\n]*; try a lower learning rate or gradient clipping; no epoch completed, so there is no checkpoint\n"),
        run.err());
  }

  @Test
  void badTextAndOptionsAreRefusedWithWhatWasWrong(@TempDir Path dir) throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.txt"));
    assertRefused("is empty", "train", "--model", "char-lstm", "--text", empty.toString(), "--out", dir.resolve("a").toString());
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
    assertRefused("not valid UTF-8", "train", "--model", "char-lstm", "--text", latin1.toString(), "--out", dir.resolve("b").toString());
    Path shortText = dir.resolve("short.txt");
    Files.writeString(shortText, "too short for a window");
    assertRefused("needs 64 + 1", "train", "--model", "char-lstm", "--text", shortText.toString(), "--validation-split", "0",
        "--out", dir.resolve("c").toString());
    assertRefused("give --steps or --epochs, not both", "train", "--model", "char-gru", "--steps", "3", "--epochs", "2");
    assertRefused("--channels does not apply to --model char-gru (it is for --model audio-cnn, audio-cnn1d, cnn); leave it out", "train", "--model", "char-gru",
        "--channels", "8");
    assertRefused("must be divisible by --heads 3", "train", "--model", "char-transformer", "--embedding", "16", "--heads", "3",
        "--out", dir.resolve("d").toString());
    assertRefused("not a Ruru language model", "generate", "--model-dir", writeImageModelDescription(dir));
  }

  private static String writeImageModelDescription(Path dir) throws IOException {
    Path model = Files.createDirectories(dir.resolve("image"));
    Files.writeString(model.resolve("model.json"), "{\"format\": \"ruru-model\"}");
    Files.writeString(model.resolve("model.safetensors"), "");
    return model.toString();
  }

  private static void assertRefused(String expected, String... args) {
    CommandRun run = CommandRun.of(args);
    assertEquals(Ruru.USAGE_ERROR, run.exitCode(), run.out());
    assertTrue(run.err().contains(expected), run.err());
  }
}
