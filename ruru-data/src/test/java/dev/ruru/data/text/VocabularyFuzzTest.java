package dev.ruru.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.io.Fuzz;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated vocabulary files (see {@link Fuzz}) either load as a vocabulary that saves and loads back equal,
 * or fail with a {@link VocabularyFormatException} naming the file.
 */
class VocabularyFuzzTest {
  static final int INPUTS = 2000;
  private static final long ALLOCATION_BUDGET = 2L << 20;

  @TempDir Path dir;

  @Test
  @Timeout(60)
  void mutatedVocabularyFilesLoadOrFailNamingTheFile() {
    List<byte[]> corpus = List.of(
        Vocabulary.of(TokenKind.CHAR, List.of(" ", "e", "t", "\u00e9", "\ud83d\ude00", "\n")).toJson().getBytes(StandardCharsets.UTF_8),
        Vocabulary.of(TokenKind.CHAR, List.of("a", "b", Vocabulary.UNKNOWN_CHARACTER), Vocabulary.UNKNOWN_CHARACTER).toJson()
            .getBytes(StandardCharsets.UTF_8),
        Vocabulary.of(TokenKind.WORD, List.of("the", "caf\u00e9", "don't", Vocabulary.UNKNOWN_WORD), Vocabulary.UNKNOWN_WORD).toJson()
            .getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("vocabulary.json");
    Fuzz.Report report = new Fuzz("vocabulary", corpus, Integer.MAX_VALUE, 41).run(INPUTS, input -> {
      Fuzz.overwrite(file, input);
      return Vocabulary.load(file);
    }, result -> {
      // What save writes (toJson) reads back equal; save itself would add two fsyncs per input.
      Vocabulary vocabulary = (Vocabulary) result;
      assertEquals(vocabulary, Vocabulary.fromJson(vocabulary.toJson(), "copy"));
    }, error -> error instanceof VocabularyFormatException, file.toString(), ALLOCATION_BUDGET);
    System.out.println(report);
    assertEquals(Map.of(), report.crashes(), report::toString);
    assertTrue(report.parsed() > INPUTS / 50 && report.refused() > INPUTS / 2, report::toString);
  }
}
