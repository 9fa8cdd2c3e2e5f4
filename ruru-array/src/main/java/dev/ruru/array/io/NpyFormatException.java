package dev.ruru.array.io;

/**
 * A {@code .npy} or {@code .npz} file that cannot be read: wrong magic, unsupported version or dtype, a
 * malformed header, or less (or more) data than the header promises. The message names the file (for
 * archives, {@code archive.npz!entry.npy}) and says what was expected and what was found.
 */
public final class NpyFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String source;

  /**
   * @param source the file (or archive entry) being read, as the message should name it
   * @param problem what is wrong, with the values found
   */
  public NpyFormatException(String source, String problem) {
    super("npy: " + source + ": " + problem);
    this.source = source;
  }

  /** The file or archive entry that failed to read. */
  public String source() {
    return source;
  }
}
