package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.text.CharTokenizer;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.ModelSpec;
import dev.ruru.models.text.CharModelFiles;
import dev.ruru.models.text.CharModelSpec;
import dev.ruru.nn.Layer;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ruru eval}, {@code predict} and {@code generate} refuse what they cannot trust, with the file and
 * the value: a saved model with NaN weights, and lengths and step counts beyond what a run can hold.
 */
class SavedModelCommandsTest {
  @TempDir Path dir;

  @Test void evalAndPredictRefuseNanWeightsNamingTheTensorAndTheFile() throws IOException {
    ModelSpec spec = ModelSpec.mlp(List.of(28, 28), List.of(4), List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    Layer model = spec.build(new ResumableRandom(1));
    model.parameters().get("3.bias").set(NDArray.full(Shape.of(10), Double.NaN, DType.FLOAT32));
    ModelFiles.save(dir, spec, model);
    String expected = dir.resolve(ModelDirectory.WEIGHTS) + ": tensor '3.bias' [10] holds 10 NaN or infinite values (the first, NaN, at [0]);"
        + " such weights compute nothing (did the training diverge?); nothing was loaded\n";
    CommandRun eval = CommandRun.withEmbeddedSample(dir.resolve("home"), "eval", "--model-dir", dir.toString());
    assertEquals(Ruru.USAGE_ERROR, eval.exitCode(), eval.out());
    assertEquals("ruru eval: " + expected, eval.err());
    CommandRun predict = CommandRun.of("predict", "--model-dir", dir.toString(), "--input", dir.resolve("none.npy").toString());
    assertEquals("ruru predict: " + expected, predict.err());
  }

  @Test void generateRefusesLengthsBeyondItsBound() throws IOException {
    CharTokenizer tokenizer = CharTokenizer.fit("ab c\n");
    CharModelSpec spec = new CharModelSpec(CharModelSpec.GRU, tokenizer.vocabulary().size(), 3, 4, 1, 1, 8, 0);
    CharModelFiles.save(dir, spec.build(new ResumableRandom(1)), tokenizer.vocabulary(), Map.of());
    for (String length : List.of("2147483647", "300000000", "-1")) {
      CommandRun run = CommandRun.of("generate", "--model-dir", dir.toString(), "--length", length);
      assertEquals(Ruru.USAGE_ERROR, run.exitCode(), run.out());
      assertEquals("ruru generate: Invalid --length: " + length + " (must be in [0, 1000000]: the text is sampled one character at a time"
          + " and held in memory; generate a longer text in pieces, each continuing the last with --prompt)\n", run.err());
    }
    assertEquals(0, CommandRun.of("generate", "--model-dir", dir.toString(), "--length", "5").exitCode());
  }

  @Test void trainRefusesStepsWhoseWindowsAnIntCannotNumber() {
    CommandRun run = CommandRun.of("train", "--model", "char-gru", "--steps", "2147483647", "--out", dir.resolve("run").toString());
    assertEquals(Ruru.USAGE_ERROR, run.exitCode(), run.out());
    assertEquals("ruru train: Invalid --steps 2147483647 with --batch-size 32 (68,719,476,704 windows in all): both must be >= 1, and --steps"
        + " x --batch-size at most 2,147,483,616 (2^31 - 1 less a batch: a run numbers its windows with int indices); use fewer --steps or"
        + " a smaller --batch-size\n", run.err());
  }
}
