package dev.ruru.data.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One token per Unicode code point: a character language model's tokenizer. {@code "naïve 😀"} is six
 * tokens, the emoji one of them although Java stores it as two {@code char}s. Decoding concatenates the
 * tokens, so {@code decode(encode(text))} is {@code text} whenever every character is in the vocabulary
 * (characters outside it come back as the unknown token).
 *
 * <pre>{@code
 * CharTokenizer tokenizer = CharTokenizer.fit(text, 65);   // W4: 64 most frequent characters + U+FFFD
 * int[] ids = tokenizer.encode("Light");
 * tokenizer.vocabulary().save(dir.resolve("vocabulary.json"));
 * }</pre>
 */
public final class CharTokenizer implements Tokenizer {
  /** Code points below this are looked up in an array; the rest (rare) in a map. */
  private static final int TABLE_LIMIT = 1 << 16;

  private final Vocabulary vocabulary;
  private final int[] table;
  private final Map<Integer, Integer> supplementary = new HashMap<>();
  private final int unknownId;

  /** A tokenizer over {@code vocabulary}, which must be a character vocabulary. */
  public CharTokenizer(Vocabulary vocabulary) {
    Objects.requireNonNull(vocabulary, "vocabulary");
    if (vocabulary.kind() != TokenKind.CHAR) {
      throw new IllegalArgumentException("CharTokenizer: needs a char vocabulary, got a " + vocabulary.kind().jsonName() + " vocabulary");
    }
    this.vocabulary = vocabulary;
    int largest = vocabulary.tokens().stream().mapToInt(token -> token.codePointAt(0)).filter(c -> c < TABLE_LIMIT).max().orElse(-1);
    this.table = new int[largest + 1];
    Arrays.fill(table, -1);
    for (int id = 0; id < vocabulary.size(); id++) {
      int codePoint = vocabulary.token(id).codePointAt(0);
      if (codePoint < TABLE_LIMIT) {
        table[codePoint] = id;
      } else {
        supplementary.put(codePoint, id);
      }
    }
    this.unknownId = vocabulary.unknownId().orElse(-1);
  }

  /** A tokenizer over every character of {@code text}, most frequent first, with no unknown token. */
  public static CharTokenizer fit(String text) {
    return new CharTokenizer(Vocabulary.byFrequency(TokenKind.CHAR, count(text)));
  }

  /**
   * A tokenizer over the {@code maxSize - 1} most frequent characters of {@code text} (ties in code point
   * order) and {@link Vocabulary#UNKNOWN_CHARACTER} (U+FFFD) as the unknown token, with the last id.
   */
  public static CharTokenizer fit(String text, int maxSize) {
    return new CharTokenizer(Vocabulary.byFrequency(TokenKind.CHAR, count(text), maxSize, Vocabulary.UNKNOWN_CHARACTER));
  }

  /** How often each code point occurs in {@code text}, keyed by the one-character string (in code point order). */
  public static Map<String, Long> count(String text) {
    int[] bmp = new int[TABLE_LIMIT];
    Map<Integer, Long> others = new HashMap<>();
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      if (codePoint < TABLE_LIMIT) {
        bmp[codePoint]++;
      } else {
        others.merge(codePoint, 1L, Long::sum);
      }
      i += Character.charCount(codePoint);
    }
    Map<String, Long> counts = new TreeMap<>(Vocabulary::compareCodePoints);
    for (int codePoint = 0; codePoint < TABLE_LIMIT; codePoint++) {
      if (bmp[codePoint] > 0) {
        counts.put(Character.toString(codePoint), (long) bmp[codePoint]);
      }
    }
    others.forEach((codePoint, n) -> counts.put(Character.toString(codePoint), n));
    return counts;
  }

  @Override
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public int[] encode(String text) {
    return encode(text, unknownId, "text", " (which has no unknown token)");
  }

  @Override
  public int[] encodePrompt(String prompt) {
    return encode(prompt, -1, "prompt", "");
  }

  /** The ids of {@code text}; unknown characters get {@code fallback}, or fail the call when it is -1. */
  private int[] encode(String text, int fallback, String subject, String note) {
    int[] ids = new int[text.codePointCount(0, text.length())];
    UnknownTokens unknown = new UnknownTokens();
    int position = 0;
    for (int i = 0; i < text.length(); position++) {
      int codePoint = text.codePointAt(i);
      int id = idOf(codePoint);
      if (id < 0) {
        id = fallback;
        if (fallback < 0) {
          unknown.add(Character.toString(codePoint), position);
        }
      }
      ids[position] = id;
      i += Character.charCount(codePoint);
    }
    if (!unknown.isEmpty()) {
      throw unknown.exception(subject, "characters", note);
    }
    return ids;
  }

  private int idOf(int codePoint) {
    if (codePoint < TABLE_LIMIT) {
      return codePoint < table.length ? table[codePoint] : -1;
    }
    return supplementary.getOrDefault(codePoint, -1);
  }

  @Override
  public String decode(int[] ids) {
    StringBuilder text = new StringBuilder(ids.length);
    for (int i = 0; i < ids.length; i++) {
      text.append(tokenAt(vocabulary, ids, i));
    }
    return text.toString();
  }

  /** The token of {@code ids[i]}, or an error naming the position when the id is outside the vocabulary. */
  static String tokenAt(Vocabulary vocabulary, int[] ids, int i) {
    int id = ids[i];
    if (id < 0 || id >= vocabulary.size()) {
      throw new IllegalArgumentException("decode: id " + id + " at position " + i + " is outside the vocabulary's ids [0, "
          + vocabulary.size() + ")");
    }
    return vocabulary.token(id);
  }

  @Override
  public String toString() {
    return "CharTokenizer(" + vocabulary + ")";
  }
}
