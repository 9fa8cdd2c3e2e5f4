package dev.ruru.data.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Words, punctuation marks and whitespace as tokens: a word language model's tokenizer. The rule:
 * <ul>
 *   <li>a <b>word</b> is a maximal run of letters, digits and combining marks, with an apostrophe
 *       ({@code '} or {@code ’}) allowed between two of them: {@code don't}, {@code Newton's},
 *       {@code 1730}, {@code naïve} are one token each, and case is kept ({@code The} ≠ {@code the});</li>
 *   <li>a <b>whitespace run</b> becomes one of three tokens: {@code "\n\n"} if it holds two or more line
 *       breaks (a paragraph break), {@code "\n"} if it holds one, {@code " "} otherwise;</li>
 *   <li>every other character (punctuation, symbols, an apostrophe not between two word characters) is a
 *       token of its own: {@code "(_cæteris paribus_)"} is {@code ( _ cæteris " " paribus _ )}.</li>
 * </ul>
 * Decoding concatenates the tokens, so text comes back readable, with one loss: whitespace is normalised
 * (indentation, runs of spaces or tabs, three or more line breaks and carriage returns become the single
 * token above), so {@code decode(encode(text))} equals {@link #normalize normalize(text)} when every token
 * is in the vocabulary.
 *
 * <pre>{@code
 * WordTokenizer tokenizer = WordTokenizer.fit(text, 10_000);   // 9,999 most frequent tokens + "<unk>"
 * int[] ids = tokenizer.encode("Do not Bodies act upon Light?");
 * }</pre>
 */
public final class WordTokenizer implements Tokenizer {
  private final Vocabulary vocabulary;
  private final int unknownId;

  /** A tokenizer over {@code vocabulary}, which must be a word vocabulary. */
  public WordTokenizer(Vocabulary vocabulary) {
    Objects.requireNonNull(vocabulary, "vocabulary");
    if (vocabulary.kind() != TokenKind.WORD) {
      throw new IllegalArgumentException("WordTokenizer: needs a word vocabulary, got a " + vocabulary.kind().jsonName() + " vocabulary");
    }
    this.vocabulary = vocabulary;
    this.unknownId = vocabulary.unknownId().orElse(-1);
  }

  /** A tokenizer over every token of {@code text}, most frequent first, with no unknown token. */
  public static WordTokenizer fit(String text) {
    return new WordTokenizer(Vocabulary.byFrequency(TokenKind.WORD, count(text)));
  }

  /**
   * A tokenizer over the {@code maxSize - 1} most frequent tokens of {@code text} (ties in code point
   * order) and {@link Vocabulary#UNKNOWN_WORD} as the unknown token, with the last id.
   */
  public static WordTokenizer fit(String text, int maxSize) {
    return new WordTokenizer(Vocabulary.byFrequency(TokenKind.WORD, count(text), maxSize, Vocabulary.UNKNOWN_WORD));
  }

  /** The tokens of {@code text} by the rule above, in order. */
  public static List<String> split(String text) {
    List<String> tokens = new ArrayList<>();
    forEachToken(text, (token, position) -> tokens.add(token));
    return tokens;
  }

  /** How often each token occurs in {@code text}. */
  public static Map<String, Long> count(String text) {
    Map<String, Long> counts = new HashMap<>();
    forEachToken(text, (token, position) -> counts.merge(token, 1L, Long::sum));
    return counts;
  }

  /** {@code text} with each whitespace run replaced by its token: what decoding gives back. */
  public static String normalize(String text) {
    return String.join("", split(text));
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

  private int[] encode(String text, int fallback, String subject, String note) {
    List<Integer> ids = new ArrayList<>();
    UnknownTokens unknown = new UnknownTokens();
    forEachToken(text, (token, position) -> {
      int id = vocabulary.contains(token) ? vocabulary.id(token) : fallback;
      if (id < 0) {
        unknown.add(token, position);
      }
      ids.add(id);
    });
    if (!unknown.isEmpty()) {
      throw unknown.exception(subject, "words", note);
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String decode(int[] ids) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < ids.length; i++) {
      text.append(CharTokenizer.tokenAt(vocabulary, ids, i));
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return "WordTokenizer(" + vocabulary + ")";
  }

  /** Receives each token and its position in code points from the start of the text. */
  @FunctionalInterface
  private interface TokenSink {
    void accept(String token, int position);
  }

  private static void forEachToken(String text, TokenSink sink) {
    int position = 0;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      int codePoint = text.codePointAt(i);
      String token;
      if (isWordCharacter(codePoint)) {
        i = wordEnd(text, i);
        token = text.substring(start, i);
      } else if (isSpace(codePoint)) {
        int lineBreaks = 0;
        for (; i < text.length() && isSpace(text.codePointAt(i)); i += Character.charCount(text.codePointAt(i))) {
          boolean crlf = text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
          lineBreaks += isLineBreak(text.charAt(i)) && !crlf ? 1 : 0;
        }
        token = lineBreaks == 0 ? " " : lineBreaks == 1 ? "\n" : "\n\n";
      } else {
        i += Character.charCount(codePoint);
        token = text.substring(start, i);
      }
      sink.accept(token, position);
      position += text.codePointCount(start, i);
    }
  }

  /** Where the word starting at {@code start} ends: after its last word character. */
  private static int wordEnd(String text, int start) {
    int i = start;
    while (i < text.length()) {
      int codePoint = text.codePointAt(i);
      if (isWordCharacter(codePoint)) {
        i += Character.charCount(codePoint);
      } else if (isApostrophe(codePoint) && i + 1 < text.length() && isWordCharacter(text.codePointAt(i + 1))) {
        i += 1;
      } else {
        break;
      }
    }
    return i;
  }

  private static boolean isWordCharacter(int codePoint) {
    int type = Character.getType(codePoint);
    return Character.isLetterOrDigit(codePoint) || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }

  private static boolean isApostrophe(int codePoint) {
    return codePoint == '\'' || codePoint == '\u2019';
  }

  /** Java's whitespace plus the no-break spaces, which Character.isWhitespace leaves out. */
  private static boolean isSpace(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
  }
}
