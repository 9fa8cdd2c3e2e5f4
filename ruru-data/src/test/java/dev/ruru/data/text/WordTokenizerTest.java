package dev.ruru.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {
  @Test
  void wordsPunctuationAndWhitespaceAreTokens() {
    assertEquals(List.of("Newton's", " ", "Opticks", ",", " ", "don't", " ", "(", "_", "cæteris", " ", "paribus", "_", ")", "."),
        WordTokenizer.split("Newton's Opticks, don't (_cæteris paribus_)."));
    // An apostrophe joins two word characters only; "naïve" is written with a combining diaeresis (U+0308), a mark.
    assertEquals(List.of("'", "tis", " ", "1730’s", " ", "naïve", " ", "rock'n", "'", " ", "roll", "'"),
        WordTokenizer.split("'tis 1730’s nai\u0308ve rock'n' roll'").stream().map(t -> t.equals("nai\u0308ve") ? "naïve" : t).toList());
  }

  @Test
  void whitespaceRunsBecomeASpaceALineBreakOrAParagraphBreak() {
    assertEquals(List.of("a", " ", "b", "\n", "c", "\n\n", "d", "\n", "e", "\n\n", "f"),
        WordTokenizer.split("a \t  b \n  c\n\n\nd\r\ne\r\n\r\nf"));
    assertEquals("a b\nc\n\nd\ne\n\nf", WordTokenizer.normalize("a \t  b \n  c\n\n\nd\r\ne\r\n\r\nf"));
  }

  @Test
  void decodeOfEncodeGivesTheNormalisedText() {
    String text = Fixtures.opticks();
    WordTokenizer tokenizer = WordTokenizer.fit(text);
    assertEquals(WordTokenizer.normalize(text), tokenizer.decode(tokenizer.encode(text)));
    String poem = "Do not  Bodies\tact\n\n\n  upon Light?";
    WordTokenizer small = WordTokenizer.fit(poem);
    assertEquals("Do not Bodies act\n\nupon Light?", small.decode(small.encode(poem)));
  }

  @Test
  void opticksWordCountsMatchThePythonReference() {
    List<String> reference = Fixtures.lines("opticks-words.txt");
    String text = Fixtures.opticks();
    assertEquals(Integer.parseInt(Fixtures.value(reference, "tokens")), WordTokenizer.split(text).size());
    Map<String, Long> counts = WordTokenizer.count(text);
    List<String> top = WordTokenizer.fit(text).vocabulary().tokens();
    for (int rank = 0; rank < reference.size() - 1; rank++) {
      String[] fields = reference.get(rank + 1).split("\t", 2);
      String token = fields[1].replace("\\n", "\n");
      assertEquals(token, top.get(rank), "token of rank " + rank);
      assertEquals(Long.parseLong(fields[0]), counts.get(token), "count of '" + fields[1] + "'");
    }
  }

  @Test
  void rareWordsBecomeTheUnknownWord() {
    WordTokenizer tokenizer = WordTokenizer.fit("the cat and the hat and the bat", 4); // the, " ", and, <unk>
    assertEquals(List.of(" ", "the", "and", "<unk>"), tokenizer.vocabulary().tokens());
    assertEquals("the <unk> and <unk>", tokenizer.decode(tokenizer.encode("the dog and cat")));
  }

  @Test
  void unknownWordsAreNamedWithTheirPositions() {
    WordTokenizer tokenizer = WordTokenizer.fit("the light");
    assertEquals("text has words outside the vocabulary (which has no unknown token): 'dark' at 4, '!' (U+0021) at 8",
        assertThrows(OutOfVocabularyException.class, () -> tokenizer.encode("the dark! dark")).getMessage());
    WordTokenizer withUnknown = WordTokenizer.fit("the light", 10);
    assertEquals("prompt has words outside the vocabulary: 'Light' at 4",
        assertThrows(OutOfVocabularyException.class, () -> withUnknown.encodePrompt("the Light")).getMessage());
    assertArrayEquals(withUnknown.encode("light the"), withUnknown.encodePrompt("light the"));
  }

  @Test
  void aWordTokenizerNeedsAWordVocabulary() {
    assertEquals("WordTokenizer: needs a word vocabulary, got a char vocabulary",
        assertThrows(IllegalArgumentException.class, () -> new WordTokenizer(CharTokenizer.fit("a").vocabulary())).getMessage());
  }
}
