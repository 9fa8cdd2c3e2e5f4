package dev.ruru.data.text;

/**
 * What a {@link Vocabulary}'s tokens are: single Unicode code points ({@link CharTokenizer}) or words,
 * punctuation marks and whitespace ({@link WordTokenizer}). The vocabulary file stores it as
 * {@link #jsonName()}, so a character vocabulary cannot be loaded as a word one by mistake.
 */
public enum TokenKind {
  CHAR("char"),
  WORD("word");

  private final String jsonName;

  TokenKind(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The name in vocabulary files: {@code "char"} or {@code "word"}. */
  public String jsonName() {
    return jsonName;
  }

  /** The kind called {@code name} in a vocabulary file. */
  static TokenKind fromJsonName(String name) {
    for (TokenKind kind : values()) {
      if (kind.jsonName.equals(name)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("\"kind\" is '" + name + "'; expected \"char\" or \"word\"");
  }
}
