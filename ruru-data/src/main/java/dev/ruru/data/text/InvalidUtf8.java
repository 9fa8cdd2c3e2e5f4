package dev.ruru.data.text;

/** What {@link TextCorpus#directory} does with bytes that are not valid UTF-8. */
public enum InvalidUtf8 {
  /** Fail, naming the file and the byte offset of the first malformed sequence. */
  REFUSE,
  /**
   * Decode each malformed sequence as U+FFFD, the replacement character, and go on: what Python's
   * {@code open(..., errors="replace")} does, and so what the W4 benchmark reads.
   */
  REPLACE
}
