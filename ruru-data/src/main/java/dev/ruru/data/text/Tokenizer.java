package dev.ruru.data.text;

/**
 * Text to token ids and back, over a fixed {@link Vocabulary}: {@link CharTokenizer} (one id per Unicode
 * code point) or {@link WordTokenizer} (words, punctuation marks and whitespace).
 *
 * <p>Tokens outside the vocabulary map to its unknown token when it has one; otherwise {@link #encode}
 * throws an {@link OutOfVocabularyException} naming them and where they first occur. A prompt typed by a
 * user is held to a stricter rule ({@link #encodePrompt}): the model could not have learnt what an unknown
 * token stood for, so unknown characters are refused even when the vocabulary has an unknown token.
 *
 * <pre>{@code
 * Tokenizer tokenizer = CharTokenizer.fit(text, 65);
 * int[] ids = tokenizer.encode(text);
 * String back = tokenizer.decode(ids);         // text, with rare characters turned into U+FFFD
 * }</pre>
 */
public interface Tokenizer {
  /** The tokens and their ids. */
  Vocabulary vocabulary();

  /**
   * The ids of {@code text}'s tokens, in order; tokens outside the vocabulary get the unknown token's id.
   *
   * @throws OutOfVocabularyException when some token is outside a vocabulary that has no unknown token
   */
  int[] encode(String text);

  /**
   * The ids of {@code prompt}'s tokens, refusing any token outside the vocabulary (even if the vocabulary
   * has an unknown token) with a message such as
   * {@code prompt has characters outside the vocabulary: 'é' (U+00E9) at 4}.
   */
  int[] encodePrompt(String prompt);

  /** The text of {@code ids}: their tokens concatenated; every id must lie in {@code [0, vocabulary().size())}. */
  String decode(int[] ids);
}
