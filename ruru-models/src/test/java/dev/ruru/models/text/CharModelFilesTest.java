package dev.ruru.models.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.data.text.CharTokenizer;
import dev.ruru.data.text.SamplingSettings;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.io.Safetensors;
import dev.ruru.train.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A language model's directory reads back only as written: its model.json strictly, its sizes checked
 * against the weights' header before the network is built, its pair sealed, its weights finite; a
 * version-1 directory still loads.
 */
class CharModelFilesTest {
  private static final CharTokenizer TOKENIZER = CharTokenizer.fit("ab c\n");
  private static final CharModelSpec GRU = new CharModelSpec(CharModelSpec.GRU, TOKENIZER.vocabulary().size(), 3, 4, 1, 1, 8, 0);
  private static final CharModelSpec TRANSFORMER = new CharModelSpec(CharModelSpec.TRANSFORMER, TOKENIZER.vocabulary().size(), 4, 8, 1, 2, 8, 0);

  @TempDir Path dir;
  private int saves;

  private Path save(CharModelSpec spec, CharLanguageModel model) throws IOException {
    return save(spec, model, "test");
  }

  private Path save(CharModelSpec spec, CharLanguageModel model, String text) throws IOException {
    Path out = dir.resolve("model-" + ++saves);
    CharModelFiles.save(out, model, TOKENIZER.vocabulary(), Map.of("text", text));
    return out;
  }

  /** A fresh save of {@code spec} whose description has {@code from} replaced by {@code to}. */
  private Path edited(CharModelSpec spec, String from, String to) throws IOException {
    Path description = save(spec, spec.build(new ResumableRandom(1))).resolve(ModelDirectory.DESCRIPTION);
    String text = Files.readString(description);
    assertTrue(text.contains(from), text);
    Files.writeString(description, text.replace(from, to));
    return description;
  }

  private static String refusal(Path description) {
    return assertThrows(IllegalArgumentException.class, () -> CharModelFiles.load(description.getParent())).getMessage();
  }

  @Test void aSavedModelReloadsAndGeneratesTheSameText() throws IOException {
    CharLanguageModel model = GRU.build(new ResumableRandom(3));
    CharModelFiles.Loaded loaded = CharModelFiles.load(save(GRU, model));
    assertEquals(GRU, loaded.spec());
    assertEquals(Map.of("text", "test"), loaded.notes());
    int[] prompt = TOKENIZER.encodePrompt("ab");
    assertEquals(TOKENIZER.decode(TextGeneration.generate(model, prompt, 20, SamplingSettings.DEFAULT, new SplittableRandom(1))),
        TOKENIZER.decode(TextGeneration.generate(loaded.model(), prompt, 20, SamplingSettings.DEFAULT, new SplittableRandom(1))));
  }

  @Test void aVersionOneDirectoryWrittenBeforeTheSealStillLoads() throws Exception {
    Path v1 = Path.of(getClass().getResource("/dev/ruru/models/text/v1-char-gru/model.json").toURI()).getParent();
    CharModelFiles.Loaded loaded = CharModelFiles.load(v1);
    assertEquals(GRU, loaded.spec());
    assertEquals(Map.of("text", "fixture"), loaded.notes());
    Map<String, NDArray> file = Safetensors.read(v1.resolve(ModelDirectory.WEIGHTS)).tensors();
    loaded.model().stateDict().forEach((name, value) -> assertTrue(value.equals(file.get(name)), name));
  }

  @Test void aPairTornBetweenTwoSavesIsRefused() throws IOException {
    // Two saves whose descriptions are byte for byte the same make no torn pair: either description fits either weights.
    Path older = save(GRU, GRU.build(new ResumableRandom(1)), "opticks");
    Path newer = save(GRU, GRU.build(new ResumableRandom(2)), "principia");
    Files.copy(newer.resolve(ModelDirectory.WEIGHTS), older.resolve(ModelDirectory.WEIGHTS), StandardCopyOption.REPLACE_EXISTING);
    String message = assertThrows(IllegalArgumentException.class, () -> CharModelFiles.load(older)).getMessage();
    assertTrue(message.startsWith(older.resolve(ModelDirectory.DESCRIPTION) + " and " + older.resolve(ModelDirectory.WEIGHTS)
        + " were not saved together"), message);
  }

  @Test void valuesOfTheWrongTypeAreRefusedNamingFileKeyAndValue() throws IOException {
    Path description = edited(GRU, "\"hidden\" : 4,", "\"hidden\" : 4.5,");
    assertEquals(description + ": \"model.hidden\": expected an integer, found 4.5", refusal(description));
    description = edited(GRU, "\"dropout\" : 0.0", "\"dropout\" : \"x\"");
    assertEquals(description + ": \"model.dropout\": expected a number, found \"x\"", refusal(description));
    description = edited(GRU, "\"architecture\" : \"char-gru\"", "\"architecture\" : 7");
    assertEquals(description + ": \"model.architecture\": expected a string, found 7", refusal(description));
  }

  @Test void aDescriptionTheSpecRefusesNamesTheFile() throws IOException {
    Path description = edited(TRANSFORMER, "\"heads\" : 2,", "\"heads\" : 3,");
    assertEquals(description + ": char-transformer: --embedding 4 must be divisible by --heads 3", refusal(description));
  }

  @Test void trailingTextDuplicateKeysAndUnknownVersionsAreRefused() throws IOException {
    Path description = edited(GRU, "\n}\n", "\n}\n{ }\n");
    assertTrue(refusal(description).startsWith(description + ": text after the JSON object (line "), refusal(description));
    description = edited(GRU, "\"layers\" : 1,", "\"layers\" : 1, \"layers\" : 2,");
    assertTrue(refusal(description).startsWith(description + ": not valid JSON: Duplicate field 'layers'"), refusal(description));
    description = edited(GRU, "\"version\" : 2", "\"version\" : 99");
    assertTrue(refusal(description).startsWith(description + ": \"version\": 99 is not a version this Ruru reads (1 to 2)"),
        refusal(description));
  }

  @Test void aMillionLayersAreRefusedFromTheHeaderNamingTheFirstMissing() throws IOException {
    Path description = edited(GRU, "\"layers\" : 1,", "\"layers\" : 1000000,");
    String message = refusal(description);
    assertTrue(message.startsWith(description.resolveSibling(ModelDirectory.WEIGHTS) + " does not match " + description
        + " (Embedding(5, 3) -> GRU(3 -> 4 x1000000) -> Linear(4 -> 5)): tensor 'rnn.weight_ih_l1' (float32 [12, 4]) is missing from the"
        + " weights;"), message);
    assertTrue(message.endsWith("; and possibly more; nothing was loaded"), message);
  }

  @Test void aContextOfAHundredMillionIsRefusedFromTheHeader() throws IOException {
    Path description = edited(TRANSFORMER, "\"context\" : 8,", "\"context\" : 100000000,");
    assertEquals(description.resolveSibling(ModelDirectory.WEIGHTS) + " does not match " + description + " (" + new CharModelSpec(
        CharModelSpec.TRANSFORMER, 5, 4, 8, 1, 2, 100_000_000, 0).describe() + "): tensor 'positions.weight' is float32 [100000000, 4] in"
        + " the description but float32 [8, 4] in the weights; nothing was loaded", refusal(description));
  }

  @Test void aHiddenWidthBeyondAnyArrayNamesBothFiles() throws IOException {
    // 3·46341 x 46341 weights are more than 2^31: no array holds them, and no file can.
    Path description = edited(GRU, "\"hidden\" : 4,", "\"hidden\" : 46341,");
    String message = refusal(description);
    assertTrue(message.startsWith(description.resolveSibling(ModelDirectory.WEIGHTS) + " does not match " + description), message);
    assertTrue(message.contains("tensor 'rnn.weight_hh_l0' is float32 [139023, 46341] in the description but float32 [12, 4] in the weights"),
        message);
  }

  @Test void nonFiniteWeightsAreRefusedNamingTensorAndFile() throws IOException {
    CharLanguageModel model = GRU.build(new ResumableRandom(1));
    float[] head = model.parameters().get("head.bias").value().toFloatArray();
    head[3] = Float.NaN;
    model.parameters().get("head.bias").set(NDArray.of(head, head.length));
    Path saved = save(GRU, model);
    assertEquals(saved.resolve(ModelDirectory.WEIGHTS) + ": tensor 'head.bias' [5] holds 1 NaN or infinite value (the first, NaN, at [3]);"
        + " such weights compute nothing (did the training diverge?); nothing was loaded",
        assertThrows(IllegalArgumentException.class, () -> CharModelFiles.load(saved)).getMessage());
  }

  @Test void generationLengthsAreBounded() {
    CharLanguageModel model = GRU.build(new ResumableRandom(1));
    int[] prompt = TOKENIZER.encodePrompt("a");
    for (int length : new int[] {Integer.MAX_VALUE, 300_000_000, TextGeneration.MAX_LENGTH + 1, -1}) {
      assertEquals("Invalid --length: " + length + " (must be in [0, 1000000]: the text is sampled one character at a time and held in"
          + " memory; generate a longer text in pieces, each continuing the last with --prompt)",
          assertThrows(IllegalArgumentException.class, () -> TextGeneration.generate(model, prompt, length, SamplingSettings.DEFAULT,
              new SplittableRandom(1))).getMessage());
    }
  }
}
