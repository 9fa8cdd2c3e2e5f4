package dev.ruru.data.text;

import java.util.List;

/**
 * Text with tokens outside a vocabulary that cannot stand for them. The message names each distinct
 * token, with its code point for a single character, and the 0-based character position (in code points)
 * of its first occurrence, ten at most:
 * {@code prompt has characters outside the vocabulary: 'é' (U+00E9) at 4, 'ß' (U+00DF) at 9}.
 */
public final class OutOfVocabularyException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** One distinct unknown token and where it first occurs (in code points from the start of the text). */
  public record Occurrence(String token, int position) {}

  private final transient List<Occurrence> occurrences;

  OutOfVocabularyException(String message, List<Occurrence> occurrences) {
    super(message);
    this.occurrences = List.copyOf(occurrences);
  }

  /** The distinct unknown tokens the message names, in order of first occurrence. */
  public List<Occurrence> occurrences() {
    return occurrences;
  }
}
