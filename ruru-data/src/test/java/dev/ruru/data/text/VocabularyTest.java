package dev.ruru.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {
  @TempDir
  Path dir;

  @Test
  void w4VocabularyOfTheOpticksMatchesThePythonReference() {
    List<String> reference = Fixtures.lines("opticks-w4-vocabulary.txt");
    Map<String, Long> counts = CharTokenizer.count(Fixtures.opticks());
    Vocabulary vocabulary = Vocabulary.byFrequency(TokenKind.CHAR, counts, 65, Vocabulary.UNKNOWN_CHARACTER);
    assertEquals(65, vocabulary.size());
    assertEquals(64, vocabulary.unknownId().getAsInt());
    for (String line : reference) {
      String[] fields = line.split("\t");
      int id = Integer.parseInt(fields[0]);
      int codePoint = Integer.parseInt(fields[1].substring(2), 16);
      assertEquals(Character.toString(codePoint), vocabulary.token(id), "token " + id);
      if (id < 64) {
        assertEquals(Long.parseLong(fields[2]), counts.get(vocabulary.token(id)), "count of token " + id);
      }
    }
  }

  @Test
  void tiesAreBrokenByCodePointNotByFirstOccurrence() {
    // 'a' and 'b' tie at 2, the rest at 1. '～' (U+FF5E) comes before '😀' (U+1F600) in code point order,
    // although String.compareTo puts it after the emoji's first UTF-16 char (U+D83D).
    Map<String, Long> counts = Map.of("b", 2L, "a", 2L, "c", 1L, "😀", 1L, "～", 1L);
    Vocabulary vocabulary = Vocabulary.byFrequency(TokenKind.CHAR, counts);
    assertEquals(List.of("a", "b", "c", "～", "😀"), vocabulary.tokens());
    assertEquals(Optional.empty(), vocabulary.unknown());
  }

  @Test
  void maxSizeKeepsTheMostFrequentAndPutsTheUnknownTokenLast() {
    Map<String, Long> counts = Map.of("x", 5L, "y", 3L, "z", 1L, "?", 9L);
    Vocabulary vocabulary = Vocabulary.byFrequency(TokenKind.WORD, counts, 3, "?");
    // "?" is the unknown token: its own count does not give it an early id.
    assertEquals(List.of("x", "y", "?"), vocabulary.tokens());
    assertEquals(OptionalInt.of(2), vocabulary.unknownId());
    Vocabulary roomy = Vocabulary.byFrequency(TokenKind.WORD, counts, 100, "<unk>");
    assertEquals(List.of("?", "x", "y", "z", "<unk>"), roomy.tokens());
  }

  @Test
  void lookUpsGoBothWays() {
    Vocabulary vocabulary = Vocabulary.of(TokenKind.CHAR, List.of("a", "é", "😀"));
    assertEquals(2, vocabulary.id("😀"));
    assertEquals("é", vocabulary.token(1));
    assertTrue(vocabulary.contains("a"));
    assertFalse(vocabulary.contains("b"));
    assertEquals("Vocabulary: no token 'b' (U+0062) among the 3 tokens",
        assertThrows(IllegalArgumentException.class, () -> vocabulary.id("b")).getMessage());
    assertEquals("Vocabulary: id 3 is outside [0, 3)", assertThrows(IndexOutOfBoundsException.class, () -> vocabulary.token(3)).getMessage());
  }

  @Test
  void invalidTokenListsAreRefusedWithTheReason() {
    assertEquals("Vocabulary: duplicate token 'e' (U+0065) at ids 1 and 3",
        message(() -> Vocabulary.of(TokenKind.CHAR, List.of("a", "e", "i", "e"))));
    assertEquals("Vocabulary: the token list is empty; a vocabulary needs at least one token",
        message(() -> Vocabulary.of(TokenKind.WORD, List.of())));
    assertEquals("Vocabulary: token 1 is empty; tokens are non-empty strings", message(() -> Vocabulary.of(TokenKind.WORD, List.of("a", ""))));
    assertEquals("Vocabulary: token 0 'ab' has 2 characters; a character vocabulary holds single code points",
        message(() -> Vocabulary.of(TokenKind.CHAR, List.of("ab"))));
    assertEquals("Vocabulary: token 0 has a lone surrogate U+D83D, which is not a character",
        message(() -> Vocabulary.of(TokenKind.CHAR, List.of("\uD83D"))));
    assertEquals("Vocabulary: the unknown token '<unk>' is not one of the 2 tokens",
        message(() -> Vocabulary.of(TokenKind.WORD, List.of("a", "b"), "<unk>")));
    assertEquals("Vocabulary: max size must be at least 2 (one token and the unknown token), got 1",
        message(() -> Vocabulary.byFrequency(TokenKind.WORD, Map.of("a", 1L), 1, "<unk>")));
  }

  @Test
  void saveAndLoadGiveTheSameVocabulary() throws IOException {
    Vocabulary vocabulary = Vocabulary.of(TokenKind.CHAR, List.of(" ", "\n", "\"", "é", "😀", "\uFFFD"), "\uFFFD");
    Path file = dir.resolve("run/vocabulary.json");
    vocabulary.save(file);
    assertEquals(vocabulary, Vocabulary.load(file));
    assertEquals(vocabulary, Vocabulary.load(file, TokenKind.CHAR));
    Vocabulary words = Vocabulary.of(TokenKind.WORD, List.of("the", "\n\n", "don't"));
    words.save(file);
    assertEquals(words, Vocabulary.load(file));
    assertEquals(List.of("vocabulary.json"), Files.list(file.getParent()).map(p -> p.getFileName().toString()).toList(),
        "no temporary file is left beside the vocabulary");
  }

  @Test
  void theFileIsSmallReadableJson() {
    String json = Vocabulary.of(TokenKind.WORD, List.of("the", "<unk>"), "<unk>").toJson();
    assertEquals("""
        {
          "format" : "ruru-vocabulary",
          "version" : 1,
          "kind" : "word",
          "size" : 2,
          "unknown" : "<unk>",
          "tokens" : [ "the", "<unk>" ]
        }
        """, json);
    assertTrue(Vocabulary.of(TokenKind.CHAR, List.of("a")).toJson().contains("\"unknown\" : null"));
  }

  @Test
  void corruptFilesAreRefusedNamingTheProblem() throws IOException {
    String header = "{\"format\": \"ruru-vocabulary\", \"version\": 1, ";
    String notJson = loadFailure(header);
    assertTrue(notJson.startsWith("not valid JSON: Unexpected end-of-input"), notJson);
    assertEquals("expected a JSON object with \"format\": \"ruru-vocabulary\", found array", loadFailure("[1, 2]"));
    assertEquals("not a Ruru vocabulary (\"format\" is \"ruru-model\", expected \"ruru-vocabulary\")",
        loadFailure("{\"format\": \"ruru-model\"}"));
    assertEquals("\"version\" is 2; this Ruru reads version 1", loadFailure("{\"format\": \"ruru-vocabulary\", \"version\": 2}"));
    assertEquals("\"kind\" is 'bytes'; expected \"char\" or \"word\"", loadFailure(header + "\"kind\": \"bytes\", \"tokens\": [\"a\"]}"));
    assertEquals("\"tokens\" must be an array of strings; element 1 is 7", loadFailure(header + "\"kind\": \"char\", \"tokens\": [\"a\", 7]}"));
    assertEquals("duplicate token 'a' (U+0061) at ids 0 and 2", loadFailure(header + "\"kind\": \"char\", \"tokens\": [\"a\", \"b\", \"a\"]}"));
    assertEquals("the token list is empty; a vocabulary needs at least one token", loadFailure(header + "\"kind\": \"char\", \"tokens\": []}"));
    assertEquals("\"size\" is 3 but \"tokens\" has 2 tokens", loadFailure(header + "\"kind\": \"char\", \"size\": 3, \"tokens\": [\"a\", \"b\"]}"));
    assertEquals("the unknown token '?' (U+003F) is not one of the 1 tokens",
        loadFailure(header + "\"kind\": \"char\", \"unknown\": \"?\", \"tokens\": [\"a\"]}"));
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedWithTheirOffset() throws IOException {
    // Decoded leniently, the Latin-1 é of "café" became the token "caf\uFFFD" and the file loaded.
    Path file = dir.resolve("latin1.json");
    byte[] json = "{\"format\": \"ruru-vocabulary\", \"version\": 1, \"kind\": \"word\", \"tokens\": [\"caf\u00e9\"]}"
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Files.write(file, json);
    assertEquals("vocabulary: " + file + ": not valid UTF-8: the bytes at offset 75 (e9) are not a UTF-8 character; save the file as"
        + " UTF-8 (for example: iconv -f latin1 -t utf-8)", assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(file)).getMessage());
  }

  @Test
  void aVocabularyOfTheWrongKindIsRefused() throws IOException {
    Path file = dir.resolve("vocabulary.json");
    Vocabulary.of(TokenKind.WORD, List.of("the")).save(file);
    assertEquals("vocabulary: " + file + ": a word vocabulary, expected a char vocabulary",
        assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(file, TokenKind.CHAR)).getMessage());
    assertEquals("CharTokenizer: needs a char vocabulary, got a word vocabulary",
        message(() -> new CharTokenizer(Vocabulary.load(file))));
  }

  @Test
  void missingAndOversizedFilesAreRefusedBeforeReading() throws IOException {
    Path missing = dir.resolve("missing.json");
    assertEquals("vocabulary: " + missing + ": no such file", assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(missing)).getMessage());
    Path huge = dir.resolve("huge.json");
    try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
      file.setLength(Vocabulary.MAX_FILE_BYTES + 1); // sparse: nothing is written
    }
    assertEquals("vocabulary: " + huge + ": the file has 67108865 bytes, more than the 67108864 (64 MiB) a vocabulary file may have",
        assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(huge)).getMessage());
  }

  private String loadFailure(String json) throws IOException {
    Path file = dir.resolve("corrupt.json");
    Files.writeString(file, json);
    String message = assertThrows(VocabularyFormatException.class, () -> Vocabulary.load(file)).getMessage();
    String prefix = "vocabulary: " + file + ": ";
    assertTrue(message.startsWith(prefix), message);
    return message.substring(prefix.length());
  }

  private static String message(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }
}
