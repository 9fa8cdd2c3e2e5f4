package dev.ruru.array.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * For the tests of readers that take only part of a file (an executor's rows of an IDX, .npy or CSV file):
 * counts the bytes read and those skipped, which a file channel seeks over instead of reading.
 */
public final class CountingInputStream extends FilterInputStream {
  private long bytesRead;
  private long bytesSkipped;

  public CountingInputStream(InputStream in) {
    super(in);
  }

  /** Bytes the read methods returned so far. */
  public long bytesRead() {
    return bytesRead;
  }

  /** Bytes skipped so far. */
  public long bytesSkipped() {
    return bytesSkipped;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    bytesRead += b < 0 ? 0 : 1;
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    bytesRead += Math.max(0, n);
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long done = super.skip(n);
    bytesSkipped += done;
    return done;
  }
}
