package dev.ruru.data.text;

import dev.ruru.data.DataFileException;

/**
 * A vocabulary file that cannot be used: too large, not JSON, a missing or mistyped field, a duplicate
 * or empty token. The message reads {@code vocabulary: <file>: <problem>}, for example
 * {@code vocabulary: run/vocabulary.json: duplicate token 'e' at ids 1 and 7}.
 */
public final class VocabularyFormatException extends DataFileException {
  private static final long serialVersionUID = 1L;

  public VocabularyFormatException(String source, String problem) {
    super("vocabulary", source, problem);
  }
}
