package dev.ruru.train.io;

/**
 * A safetensors file that cannot be read: a header length beyond the limit or the file, a header that is
 * not a JSON object of tensor entries, an unknown dtype, a shape that does not match its byte range,
 * offsets that overlap, leave holes or run past the data. The message reads
 * {@code safetensors: <file>: <problem>} and gives the values found.
 */
public final class SafetensorsFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;

  /**
   * @param source the file being read, as the message should name it
   * @param problem what is wrong, with the values found
   */
  public SafetensorsFormatException(String source, String problem) {
    super("safetensors: " + source + ": " + problem);
    this.source = source;
  }

  /** The file that failed to read. */
  public String source() {
    return source;
  }
}
