package dev.ruru.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharTokenizerTest {
  @Test
  void opticksIdsMatchThePythonReference() {
    String text = Fixtures.opticks();
    int[] ids = CharTokenizer.fit(text, 65).encode(text);
    List<String> summary = Fixtures.lines("opticks-w4-summary.txt");
    assertEquals(Integer.parseInt(Fixtures.value(summary, "characters")), ids.length);
    int[] head = Fixtures.integers(Fixtures.lines("opticks-w4-ids-head.txt"));
    assertArrayEquals(head, Arrays.copyOf(ids, head.length));
    long hash = 0;
    for (int id : ids) {
      hash = (hash * 31 + id) % 1_000_000_007L;
    }
    assertEquals(Long.parseLong(Fixtures.value(summary, "hash")), hash, "hash of all ids, as make_reference.py computes it");
    assertEquals(Integer.parseInt(Fixtures.value(summary, "distinct")), CharTokenizer.fit(text).vocabulary().size());
  }

  @Test
  void codePointsNotUtf16CharsAreTheTokens() {
    String text = "naïve 😀 😀!";
    CharTokenizer tokenizer = CharTokenizer.fit(text);
    int[] ids = tokenizer.encode(text);
    assertEquals(10, ids.length);
    assertEquals("😀", tokenizer.vocabulary().token(ids[6]));
    assertEquals(text, tokenizer.decode(ids));
  }

  @Test
  void decodeOfEncodeGivesTheTextBack() {
    String text = Fixtures.opticks();
    CharTokenizer full = CharTokenizer.fit(text);
    assertEquals(text, full.decode(full.encode(text)));
  }

  @Test
  void rareCharactersBecomeTheUnknownToken() {
    CharTokenizer tokenizer = CharTokenizer.fit("aaabbc", 3); // a, b, U+FFFD
    assertEquals(List.of("a", "b", "\uFFFD"), tokenizer.vocabulary().tokens());
    assertArrayEquals(new int[] {0, 1, 2, 2, 0}, tokenizer.encode("abcéa"));
    assertEquals("ab\uFFFD\uFFFDa", tokenizer.decode(tokenizer.encode("abcéa")));
  }

  @Test
  void withoutAnUnknownTokenEncodeNamesTheMissingCharacters() {
    CharTokenizer tokenizer = new CharTokenizer(Vocabulary.of(TokenKind.CHAR, List.of("c", "a", "f", " ")));
    OutOfVocabularyException e = assertThrows(OutOfVocabularyException.class, () -> tokenizer.encode("café\tcafé ß"));
    assertEquals("text has characters outside the vocabulary (which has no unknown token): 'é' (U+00E9) at 3, U+0009 at 4,"
        + " 'ß' (U+00DF) at 10", e.getMessage());
    assertEquals(new OutOfVocabularyException.Occurrence("é", 3), e.occurrences().get(0));
  }

  @Test
  void promptsMayNotUseTheUnknownToken() {
    CharTokenizer tokenizer = CharTokenizer.fit("the cat sat", 100);
    assertEquals(tokenizer.vocabulary().unknownId().getAsInt(), tokenizer.encode("é")[0], "encode maps it to the unknown token");
    assertEquals("prompt has characters outside the vocabulary: 'é' (U+00E9) at 4, '😀' (U+1F600) at 6",
        assertThrows(OutOfVocabularyException.class, () -> tokenizer.encodePrompt("the é 😀 é")).getMessage());
    assertArrayEquals(tokenizer.encode("the cat"), tokenizer.encodePrompt("the cat"));
  }

  @Test
  void longListsOfUnknownCharactersAreCut() {
    CharTokenizer tokenizer = CharTokenizer.fit("a");
    String message = assertThrows(OutOfVocabularyException.class, () -> tokenizer.encodePrompt("abcdefghijklmnop")).getMessage();
    assertEquals("prompt has characters outside the vocabulary: 'b' (U+0062) at 1, 'c' (U+0063) at 2, 'd' (U+0064) at 3,"
        + " 'e' (U+0065) at 4, 'f' (U+0066) at 5, 'g' (U+0067) at 6, 'h' (U+0068) at 7, 'i' (U+0069) at 8, 'j' (U+006A) at 9,"
        + " 'k' (U+006B) at 10 and 5 more", message);
  }

  @Test
  void decodeRefusesIdsOutsideTheVocabulary() {
    CharTokenizer tokenizer = CharTokenizer.fit("ab");
    assertEquals("decode: id 2 at position 1 is outside the vocabulary's ids [0, 2)",
        assertThrows(IllegalArgumentException.class, () -> tokenizer.decode(new int[] {0, 2})).getMessage());
    assertEquals("decode: id -1 at position 0 is outside the vocabulary's ids [0, 2)",
        assertThrows(IllegalArgumentException.class, () -> tokenizer.decode(new int[] {-1})).getMessage());
  }

  @Test
  void anEmptyTextEncodesToNoIds() {
    assertEquals(0, CharTokenizer.fit("a").encode("").length);
    assertEquals("", CharTokenizer.fit("a").decode(new int[0]));
  }
}
