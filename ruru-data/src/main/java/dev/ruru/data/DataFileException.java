package dev.ruru.data;

/**
 * A data file (or download) that cannot be used: a wrong magic number, a truncated or corrupt file,
 * image and label counts that differ, a label outside the class range, a CSV cell that is not a number,
 * a checksum mismatch. The message reads {@code <format>: <source>: <problem>}, for example
 * {@code idx: train-images-idx3-ubyte.gz: truncated: the header declares 47040000 data bytes, found 1000}.
 */
public class DataFileException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;

  /**
   * @param format the reader that failed, as the message should start: {@code "idx"}, {@code "csv"}, ...
   * @param source the file, resource or URL being read
   * @param problem what is wrong, with the values found
   */
  public DataFileException(String format, String source, String problem) {
    super(format + ": " + source + ": " + problem);
    this.source = source;
  }

  /** The file, resource or URL that failed. */
  public String source() {
    return source;
  }
}
