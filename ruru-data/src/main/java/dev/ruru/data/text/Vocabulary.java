package dev.ruru.data.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An ordered list of distinct tokens: token {@code i} has id {@code i}, the index a model's embedding
 * and output layers use. A character vocabulary ({@link TokenKind#CHAR}) holds single Unicode code
 * points, so {@code "😀"} (two UTF-16 chars) is one token; a word vocabulary holds the tokens of
 * {@link WordTokenizer}. One token may be the reserved <em>unknown</em> token, the id that tokens
 * outside the vocabulary map to.
 *
 * <p>{@link #byFrequency(TokenKind, Map, int, String) byFrequency} orders tokens most frequent first,
 * breaking ties by code point order (Python's string order, so a reference script can sort with
 * {@code key=lambda kv: (-kv[1], kv[0])}), and keeps at most {@code maxSize - 1} of them with the
 * unknown token last: W4's "64 most frequent characters + 1 other" is
 * {@code byFrequency(CHAR, counts, 65, UNKNOWN_CHARACTER)}. Vocabularies are immutable and save as a
 * small JSON file ({@link #save}, {@link #load}).
 *
 * <pre>{@code
 * Vocabulary chars = Vocabulary.byFrequency(TokenKind.CHAR, CharTokenizer.count(text), 65, Vocabulary.UNKNOWN_CHARACTER);
 * chars.save(dir.resolve("vocabulary.json"));
 * int e = chars.id("e");                      // 1 in English text: only the space is more frequent
 * }</pre>
 */
public final class Vocabulary {
  /** The usual unknown token of character vocabularies: U+FFFD, the replacement character. */
  public static final String UNKNOWN_CHARACTER = "\uFFFD";
  /** The usual unknown token of word vocabularies. */
  public static final String UNKNOWN_WORD = "<unk>";

  /** The largest vocabulary file {@link #load} reads: 64 MiB. */
  public static final long MAX_FILE_BYTES = 64L << 20;

  private final TokenKind kind;
  private final List<String> tokens;
  private final Map<String, Integer> ids;
  private final int unknownId;

  private Vocabulary(TokenKind kind, List<String> tokens, Map<String, Integer> ids, int unknownId) {
    this.kind = kind;
    this.tokens = tokens;
    this.ids = ids;
    this.unknownId = unknownId;
  }

  /** The vocabulary {@code tokens} (ids in list order), without an unknown token. */
  public static Vocabulary of(TokenKind kind, List<String> tokens) {
    return create(kind, tokens, Optional.empty());
  }

  /** The vocabulary {@code tokens} (ids in list order), where {@code unknown}, one of them, is the unknown token. */
  public static Vocabulary of(TokenKind kind, List<String> tokens, String unknown) {
    return create(kind, tokens, Optional.of(unknown));
  }

  /** Every token of {@code counts}, most frequent first (ties in code point order), without an unknown token. */
  public static Vocabulary byFrequency(TokenKind kind, Map<String, Long> counts) {
    return of(kind, mostFrequent(counts, Optional.empty(), Integer.MAX_VALUE));
  }

  /**
   * The {@code maxSize - 1} most frequent tokens of {@code counts} (ties in code point order) followed by
   * {@code unknown}, which takes the last id; fewer when {@code counts} has fewer tokens. Occurrences of
   * {@code unknown} itself in {@code counts} are ignored: they mean "unknown" anyway.
   *
   * @param maxSize the size limit, unknown token included (at least 2)
   */
  public static Vocabulary byFrequency(TokenKind kind, Map<String, Long> counts, int maxSize, String unknown) {
    Objects.requireNonNull(unknown, "unknown");
    if (maxSize < 2) {
      throw new IllegalArgumentException("Vocabulary: max size must be at least 2 (one token and the unknown token), got " + maxSize);
    }
    List<String> kept = mostFrequent(counts, Optional.of(unknown), maxSize - 1);
    kept.add(unknown);
    return of(kind, kept, unknown);
  }

  private static List<String> mostFrequent(Map<String, Long> counts, Optional<String> excluded, int limit) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>();
    counts.forEach((token, count) -> {
      if (!excluded.equals(Optional.of(token))) {
        entries.add(Map.entry(token, count));
      }
    });
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("Vocabulary: no tokens to build a vocabulary from (the counts are empty)");
    }
    entries.sort((a, b) -> a.getValue().equals(b.getValue()) ? compareCodePoints(a.getKey(), b.getKey())
        : Long.compare(b.getValue(), a.getValue()));
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, entries.size()); i++) {
      kept.add(entries.get(i).getKey());
    }
    return kept;
  }

  private static Vocabulary create(TokenKind kind, List<String> tokens, Optional<String> unknown) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tokens, "tokens");
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("Vocabulary: the token list is empty; a vocabulary needs at least one token");
    }
    Map<String, Integer> ids = new HashMap<>(tokens.size() * 2);
    for (int id = 0; id < tokens.size(); id++) {
      String token = tokens.get(id);
      checkToken(kind, id, token);
      Integer earlier = ids.putIfAbsent(token, id);
      if (earlier != null) {
        throw new IllegalArgumentException("Vocabulary: duplicate token " + describe(token) + " at ids " + earlier + " and " + id);
      }
    }
    int unknownId = -1;
    if (unknown.isPresent()) {
      Integer id = ids.get(unknown.get());
      if (id == null) {
        throw new IllegalArgumentException("Vocabulary: the unknown token " + describe(unknown.get()) + " is not one of the "
            + tokens.size() + " tokens");
      }
      unknownId = id;
    }
    return new Vocabulary(kind, List.copyOf(tokens), Collections.unmodifiableMap(ids), unknownId);
  }

  private static void checkToken(TokenKind kind, int id, String token) {
    if (token == null || token.isEmpty()) {
      throw new IllegalArgumentException("Vocabulary: token " + id + " is " + (token == null ? "null" : "empty")
          + "; tokens are non-empty strings");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean paired = Character.isHighSurrogate(c) ? i + 1 < token.length() && Character.isLowSurrogate(token.charAt(++i))
          : !Character.isLowSurrogate(c);
      if (!paired) {
        throw new IllegalArgumentException("Vocabulary: token " + id + " has a lone surrogate " + String.format("U+%04X", (int) c)
            + ", which is not a character");
      }
    }
    int codePoints = token.codePointCount(0, token.length());
    if (kind == TokenKind.CHAR && codePoints != 1) {
      throw new IllegalArgumentException("Vocabulary: token " + id + " " + describe(token) + " has " + codePoints
          + " characters; a character vocabulary holds single code points");
    }
  }

  /**
   * Reads a vocabulary written by {@link #save}. The file may be at most {@link #MAX_FILE_BYTES} long and
   * must hold a well-formed vocabulary: the right format name and version, a kind, distinct non-empty
   * tokens, an unknown token that is one of them; otherwise a {@link VocabularyFormatException} says
   * what is wrong.
   */
  public static Vocabulary load(Path file) throws IOException {
    return VocabularyJson.read(file);
  }

  /** As {@link #load(Path)}, refusing a vocabulary of another kind than {@code expected}. */
  public static Vocabulary load(Path file, TokenKind expected) throws IOException {
    Vocabulary vocabulary = VocabularyJson.read(file);
    if (vocabulary.kind() != expected) {
      throw new VocabularyFormatException(file.toString(), "a " + vocabulary.kind().jsonName() + " vocabulary, expected a "
          + expected.jsonName() + " vocabulary");
    }
    return vocabulary;
  }

  /** Writes this vocabulary to {@code file} as JSON, atomically (readers see the old file or the new one). */
  public void save(Path file) throws IOException {
    VocabularyJson.write(this, file);
  }

  /** The JSON text {@link #save} writes. */
  public String toJson() {
    return VocabularyJson.toJson(this);
  }

  /** The vocabulary in {@code json} (as {@link #toJson} writes it); {@code source} names it in messages. */
  public static Vocabulary fromJson(String json, String source) {
    return VocabularyJson.parse(json, source);
  }

  /** Characters or words. */
  public TokenKind kind() {
    return kind;
  }

  /** The tokens in id order (unmodifiable). */
  public List<String> tokens() {
    return tokens;
  }

  /** Number of tokens, the unknown token included: the size of a model's embedding and output layers. */
  public int size() {
    return tokens.size();
  }

  /** The token with id {@code id}. */
  public String token(int id) {
    if (id < 0 || id >= tokens.size()) {
      throw new IndexOutOfBoundsException("Vocabulary: id " + id + " is outside [0, " + tokens.size() + ")");
    }
    return tokens.get(id);
  }

  /** Whether {@code token} is in the vocabulary (unknown token aside, no fallback). */
  public boolean contains(String token) {
    return ids.containsKey(token);
  }

  /** The id of {@code token}, which must be in the vocabulary (no unknown-token fallback). */
  public int id(String token) {
    Integer id = ids.get(token);
    if (id == null) {
      throw new IllegalArgumentException("Vocabulary: no token " + describe(token) + " among the " + tokens.size() + " tokens");
    }
    return id;
  }

  /** The unknown token, if the vocabulary has one. */
  public Optional<String> unknown() {
    return unknownId < 0 ? Optional.empty() : Optional.of(tokens.get(unknownId));
  }

  /** The id of the unknown token, if the vocabulary has one. */
  public OptionalInt unknownId() {
    return unknownId < 0 ? OptionalInt.empty() : OptionalInt.of(unknownId);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Vocabulary that && kind == that.kind && unknownId == that.unknownId && tokens.equals(that.tokens);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, tokens, unknownId);
  }

  @Override
  public String toString() {
    return "Vocabulary(" + kind.jsonName() + ", " + size() + " tokens" + unknown().map(u -> ", unknown " + describe(u)).orElse("") + ")";
  }

  /**
   * A token as messages show it: {@code 'é' (U+00E9)} for one code point, {@code U+000A} alone for an
   * invisible one (controls, whitespace other than the space), {@code 'word'} for longer tokens.
   */
  static String describe(String token) {
    if (token.isEmpty() || token.codePointCount(0, token.length()) != 1) {
      return "'" + token + "'";
    }
    int codePoint = token.codePointAt(0);
    String code = String.format("U+%04X", codePoint);
    boolean invisible = Character.isISOControl(codePoint) || (Character.isWhitespace(codePoint) && codePoint != ' ')
        || Character.getType(codePoint) == Character.FORMAT || Character.getType(codePoint) == Character.SURROGATE;
    return invisible ? code : "'" + token + "' (" + code + ")";
  }

  /** Compares by Unicode code points, as Python compares strings (String.compareTo compares UTF-16 chars). */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
