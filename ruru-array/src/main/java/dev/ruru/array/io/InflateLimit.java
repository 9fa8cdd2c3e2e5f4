package dev.ruru.array.io;

import java.util.Locale;

/**
 * The most bytes a reader inflates from the compressed data of one file: the deflated entries of an
 * {@code .npz} archive together, a gzip-compressed IDX file. Compression lets a small file claim
 * gigabytes (DEFLATE reaches about 1032 : 1, and an archive can list many entries), so a reader adds up
 * what the file says it will inflate to and refuses, before allocating, a file that claims more than
 * this. Stored (uncompressed) data is not counted: the file's own size bounds it.
 *
 * <p>The default, {@value #DEFAULT_BYTES} bytes (2 GiB, the most one Java array holds), can be changed
 * for a whole program with the system property {@value #PROPERTY} (for the {@code ruru} command:
 * {@code RURU_JAVA_OPTS=-Druru.io.maxInflatedBytes=8589934592}), or per call by passing a limit.
 *
 * <pre>{@code
 * Npz.read(Path.of("data.npz"), new InflateLimit(64L << 20));   // refuse more than 64 MiB of inflated data
 * }</pre>
 *
 * @param bytes the most bytes of inflated data accepted, positive
 */
public record InflateLimit(long bytes) {
  /** The system property that sets the default limit, in bytes. */
  public static final String PROPERTY = "ruru.io.maxInflatedBytes";
  /** The limit when the property is not set: 2 GiB. */
  public static final long DEFAULT_BYTES = 1L << 31;

  public InflateLimit {
    if (bytes <= 0) {
      throw new IllegalArgumentException("InflateLimit: the limit must be positive, got " + bytes + " bytes");
    }
  }

  /**
   * The limit the system property {@value #PROPERTY} sets, else {@value #DEFAULT_BYTES} bytes. Read at each
   * call, so a program (or a test) that sets the property later is obeyed.
   *
   * @throws IllegalArgumentException when the property is set but is not a positive number of bytes
   */
  public static InflateLimit configured() {
    String value = System.getProperty(PROPERTY);
    if (value == null || value.isBlank()) {
      return new InflateLimit(DEFAULT_BYTES);
    }
    try {
      return new InflateLimit(Long.parseLong(value.strip()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("InflateLimit: the system property " + PROPERTY + " is '" + value
          + "'; expected a positive number of bytes, such as 4294967296 for 4 GiB", e);
    }
  }

  /** Whether inflating {@code claimed} bytes in all stays within the limit. */
  public boolean allows(long claimed) {
    return claimed <= bytes;
  }

  /**
   * What a reader says when a file claims more: {@code what} (e.g. "the deflated entries up to this one")
   * would inflate to {@code claimed} bytes, the limit, and how to raise it.
   */
  public String refusal(String what, long claimed) {
    return what + " would inflate to " + claimed + " bytes, more than the limit of " + bytes + " bytes (" + gibibytes(bytes)
        + "); a small file that inflates to so much is likely a decompression bomb. If the file is trusted, raise the limit"
        + " with -D" + PROPERTY + "=<bytes> (ruru command: RURU_JAVA_OPTS) or pass an InflateLimit";
  }

  private static String gibibytes(long bytes) {
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (double) (1L << 30));
  }
}
