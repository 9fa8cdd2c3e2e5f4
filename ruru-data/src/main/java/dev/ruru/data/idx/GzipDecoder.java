package dev.ruru.data.idx;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses gzip data (RFC 1952) strictly, failing with an {@link IdxFormatException} that names the
 * file and the byte offset. The JDK's {@code GZIPInputStream} stops silently at bytes after a member that
 * do not start another one, so junk appended to a file went unnoticed; here the stream must end right after
 * a member's trailer, or another member must begin there. Several members one after another are one gzip
 * file whose data is their concatenation, as RFC 1952 (section 2.2), gzip and Python read them. Each
 * member's header is checked (method 8, no reserved flags, the header CRC when present) and its trailer
 * (CRC-32 and length of the data).
 */
final class GzipDecoder extends InputStream {
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int RESERVED = 0xE0;

  private final InputStream in;
  private final String source;
  private final byte[] buffer = new byte[1 << 16];
  /** Unread compressed bytes are {@code buffer[start, end)}; {@code buffer[0]} is byte {@code bufferOffset} of the file. */
  private int start;
  private int end;
  private long bufferOffset;
  private final Inflater inflater = new Inflater(true);
  private final CRC32 crc = new CRC32();
  private long memberBytes;
  private boolean ended;

  /** Decodes {@code in}, which must start with a gzip header; {@code source} names the file in messages. */
  GzipDecoder(InputStream in, String source) throws IOException {
    this.in = in;
    this.source = source;
    readHeader();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!ended) {
      if (inflater.finished()) {
        finishMember();
        continue;
      }
      if (inflater.needsInput()) {
        if (!fill()) {
          throw new IdxFormatException(source, "truncated: the gzip data ends at byte " + position() + ", inside a compressed member");
        }
        inflater.setInput(buffer, start, end - start);
        start = end;
      }
      int produced = inflate(into, offset, length);
      if (produced > 0) {
        crc.update(into, offset, produced);
        memberBytes += produced;
        return produced;
      }
    }
    return -1;
  }

  private int inflate(byte[] into, int offset, int length) {
    try {
      int produced = inflater.inflate(into, offset, length);
      if (produced == 0 && inflater.needsDictionary()) {
        throw new IdxFormatException(source, "corrupt gzip data near byte " + position() + ": a preset dictionary is asked for");
      }
      return produced;
    } catch (DataFormatException e) {
      throw new IdxFormatException(source, "corrupt gzip data near byte " + position() + " (" + e.getMessage() + ")");
    }
  }

  /** Checks the trailer of the member just inflated; then the file ends, or another member starts. */
  private void finishMember() throws IOException {
    // The inflater was handed whole buffers; what it did not use belongs to the trailer and beyond.
    start = end - inflater.getRemaining();
    long trailerAt = position();
    long expectedCrc = readInt();
    long expectedSize = readInt();
    if (expectedCrc != crc.getValue()) {
      throw new IdxFormatException(source, String.format("corrupt gzip data: the member ending at byte %d has CRC-32 %08x,"
          + " its trailer says %08x", trailerAt, crc.getValue(), expectedCrc));
    }
    if (expectedSize != (memberBytes & 0xFFFFFFFFL)) {
      throw new IdxFormatException(source, "corrupt gzip data: the member ending at byte " + trailerAt + " inflates to "
          + memberBytes + " bytes, its trailer says " + expectedSize + " (mod 2^32)");
    }
    if (!fill()) {
      ended = true;
      return;
    }
    inflater.reset();
    crc.reset();
    memberBytes = 0;
    readHeader();
  }

  /** A member header: magic, method, flags, time, extra flags, system, then the optional fields the flags name. */
  private void readHeader() throws IOException {
    long at = position();
    CRC32 headerCrc = new CRC32();
    int first = headerByte(headerCrc, at);
    int second = fill() ? headerByte(headerCrc, at) : -1;
    if (first != 0x1f || second != 0x8b) {
      byte[] found = second < 0 ? new byte[] {(byte) first} : new byte[] {(byte) first, (byte) second};
      throw new IdxFormatException(source, "unexpected bytes after the gzip data: byte " + at + " starts with "
          + HexFormat.ofDelimiter(" ").formatHex(found) + " where the file should end or another gzip member (1f 8b) begin");
    }
    int[] fixed = new int[10];
    for (int i = 2; i < fixed.length; i++) {
      fixed[i] = headerByte(headerCrc, at);
    }
    int flags = fixed[3];
    if (fixed[2] != 8 || (flags & RESERVED) != 0) {
      throw new IdxFormatException(source, String.format("corrupt gzip header at byte %d: compression method %d, flags 0x%02x;"
          + " expected method 8 (deflate) and no reserved flags", at, fixed[2], flags));
    }
    if ((flags & FEXTRA) != 0) {
      int length = headerByte(headerCrc, at) | headerByte(headerCrc, at) << 8;
      for (int i = 0; i < length; i++) {
        headerByte(headerCrc, at);
      }
    }
    for (int field : new int[] {FNAME, FCOMMENT}) {
      if ((flags & field) != 0) {
        while (headerByte(headerCrc, at) != 0) {
          // A zero-terminated file name or comment: skipped.
        }
      }
    }
    if ((flags & FHCRC) != 0) {
      long expected = headerByte(null, at) | headerByte(null, at) << 8;
      if (expected != (headerCrc.getValue() & 0xFFFF)) {
        throw new IdxFormatException(source, "corrupt gzip header at byte " + at + ": its CRC-16 does not match");
      }
    }
  }

  /** The next byte of a header that starts at {@code at}, added to {@code headerCrc} unless it is null. */
  private int headerByte(CRC32 headerCrc, long at) throws IOException {
    if (!fill()) {
      throw new IdxFormatException(source, "truncated: the file ends at byte " + position() + ", inside the gzip header that starts at byte " + at);
    }
    int value = buffer[start++] & 0xFF;
    if (headerCrc != null) {
      headerCrc.update(value);
    }
    return value;
  }

  /** A little-endian 32-bit trailer field. */
  private long readInt() throws IOException {
    long value = 0;
    for (int i = 0; i < 4; i++) {
      if (!fill()) {
        throw new IdxFormatException(source, "truncated: the file ends at byte " + position() + ", inside a gzip trailer");
      }
      value |= (long) (buffer[start++] & 0xFF) << (8 * i);
    }
    return value;
  }

  /** Whether an unread byte is buffered, reading more when none is; false at the end of the file. */
  private boolean fill() throws IOException {
    while (start == end) {
      bufferOffset += end;
      start = 0;
      end = 0;
      int got = in.read(buffer, 0, buffer.length);
      if (got < 0) {
        return false;
      }
      end = got;
    }
    return true;
  }

  /** The offset in the file of the next unread compressed byte. */
  private long position() {
    return bufferOffset + start;
  }

  @Override
  public void close() throws IOException {
    inflater.end();
    in.close();
  }
}
