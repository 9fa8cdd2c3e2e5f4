package dev.ruru.data.idx;

import dev.ruru.data.DataFileException;

/**
 * An IDX file that cannot be read: wrong magic, unknown element type, a bad dimension count, truncated
 * data, trailing bytes or corrupt gzip. The message reads {@code idx: <file>: <problem>}.
 */
public final class IdxFormatException extends DataFileException {
  private static final long serialVersionUID = 1L;

  public IdxFormatException(String source, String problem) {
    super("idx", source, problem);
  }
}
