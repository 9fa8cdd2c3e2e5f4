package dev.ruru.data.idx;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.InflateLimit;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads IDX files, plain or gzip-compressed, into arrays.
 *
 * <p>Checks, each failing with an {@link IdxFormatException} that names the file: the magic starts with
 * two zero bytes; the element type is one of {@link IdxType}; the rank is 1 to {@value #MAX_RANK}; no
 * dimension is negative and the data fits one Java array; exactly the declared number of data bytes
 * follows (fewer: truncated; more: trailing bytes); gzip data is intact (each member's CRC and length are
 * checked, and nothing but another gzip member may follow one: {@link GzipDecoder}) and declares at most
 * an {@link InflateLimit} of bytes (2 GiB unless configured). The data is read in pieces as it arrives, so
 * memory grows with the bytes actually present, never with what a corrupt header claims.
 *
 * <pre>{@code
 * NDArray images = IdxReader.read(Path.of("train-images-idx3-ubyte.gz"), IdxValues.SCALED_TO_UNIT);
 * // float32 [60000, 28, 28] in [0, 1]
 * }</pre>
 */
public final class IdxReader {
  /** The largest rank accepted; the format allows 255, but no real data set needs more than a few. */
  public static final int MAX_RANK = 16;
  /** The largest data section: what one Java byte array can hold. */
  static final long MAX_DATA_BYTES = Integer.MAX_VALUE - 8;

  private IdxReader() {}

  /** Reads {@code file} (gzip or plain) and converts its elements as {@code values} says. */
  public static NDArray read(Path file, IdxValues values) throws IOException {
    return read(file, values, InflateLimit.configured());
  }

  /** As {@link #read(Path, IdxValues)}, refusing gzip data whose header declares more than {@code limit} bytes. */
  public static NDArray read(Path file, IdxValues values, InflateLimit limit) throws IOException {
    try (InputStream in = open(file)) {
      return read(in, file.toString(), values, limit);
    }
  }

  /** Reads an IDX stream (gzip or plain) named {@code source} in messages; the stream is not closed. */
  public static NDArray read(InputStream in, String source, IdxValues values) throws IOException {
    return read(in, source, values, InflateLimit.configured());
  }

  /**
   * As {@link #read(InputStream, String, IdxValues)}, refusing gzip data whose header declares more than
   * {@code limit} bytes: a 152 KB file can inflate to the 157 MB that [200000, 28, 28] declares.
   */
  public static NDArray read(InputStream in, String source, IdxValues values, InflateLimit limit) throws IOException {
    InputStream body = decompressed(in, source);
    IdxHeader header = parseHeader(body, source);
    long inflated = header.headerBytes() + header.dataBytes();
    if (body instanceof GzipDecoder && !limit.allows(inflated)) {
      throw new IdxFormatException(source, limit.refusal("the gzip data, whose header declares " + Arrays.toString(header.dims()) + " "
          + header.type() + " elements,", inflated));
    }
    checkConversion(header, values, source);
    byte[] data = readData(body, header, source);
    return IdxDecoding.decode(data, header, values);
  }

  /**
   * Records {@code [from, to)} of {@code file} along its first dimension, as {@code [to - from, ...]}: a
   * plain file is read from the header straight to the first record's offset and only the records'
   * bytes are read (what lets each Spark executor read its own shard); a gzip file cannot seek, so it is
   * inflated up to the records and no further. The rest of the file is not checked.
   */
  public static NDArray readRows(Path file, IdxValues values, int from, int to) throws IOException {
    try (InputStream in = open(file)) {
      return readRows(in, file.toString(), values, from, to);
    }
  }

  /** As {@link #readRows(Path, IdxValues, int, int)} from a stream (plain or gzip) named {@code source}; it is not closed. */
  public static NDArray readRows(InputStream in, String source, IdxValues values, int from, int to) throws IOException {
    // Unbuffered for plain data, so that skipping the other records seeks instead of reading them.
    PushbackInputStream whole = new PushbackInputStream(in, 2);
    byte[] magic = whole.readNBytes(2);
    whole.unread(magic);
    boolean gzip = magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
    InputStream body = gzip ? new GzipDecoder(new BufferedInputStream(whole, 1 << 16), source) : whole;
    IdxHeader header = parseHeader(body, source);
    checkConversion(header, values, source);
    int[] dims = header.dims();
    if (from < 0 || to < from || to > dims[0]) {
      throw new IllegalArgumentException("IdxReader.readRows: expected 0 <= from <= to <= " + dims[0] + " (the records of " + source
          + "), got [" + from + ", " + to + ")");
    }
    long recordBytes = dims[0] == 0 ? 0 : header.dataBytes() / dims[0];
    try {
      body.skipNBytes(recordBytes * from);
    } catch (EOFException e) {
      throw new IdxFormatException(source, "truncated: the file ends before record " + from + " of " + Arrays.toString(header.dims()));
    }
    dims[0] = to - from;
    IdxHeader rows = new IdxHeader(header.type(), dims);
    int expected = (int) rows.dataBytes();
    byte[] data = body.readNBytes(expected);
    if (data.length < expected) {
      throw new IdxFormatException(source, "truncated: records [" + from + ", " + to + ") of " + Arrays.toString(header.dims()) + " need "
          + expected + " bytes from offset " + (header.headerBytes() + recordBytes * from) + ", found " + data.length);
    }
    return IdxDecoding.decode(data, rows, values);
  }

  /** Only the header of {@code file}: its element type and dimensions. */
  public static IdxHeader readHeader(Path file) throws IOException {
    try (InputStream in = open(file)) {
      String source = file.toString();
      return readHeader(in, source);
    }
  }

  /** Only the header of a stream (plain or gzip) named {@code source}; the stream is not closed. */
  public static IdxHeader readHeader(InputStream in, String source) throws IOException {
    return parseHeader(decompressed(in, source), source);
  }

  /** {@code file} opened for reading, with messages for a missing file or a directory, which the JDK's lack. */
  private static InputStream open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IdxFormatException(file.toString(), "is a directory, not a file");
    }
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
  }

  /** The stream itself, or a strict gzip decoder over it when it starts with gzip's magic {@code 1f 8b}. */
  private static InputStream decompressed(InputStream in, String source) throws IOException {
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    buffered.mark(2);
    int first = buffered.read();
    int second = buffered.read();
    buffered.reset();
    return first == 0x1f && second == 0x8b ? new GzipDecoder(buffered, source) : buffered;
  }

  private static IdxHeader parseHeader(InputStream in, String source) throws IOException {
    byte[] magic = in.readNBytes(4);
    if (magic.length < 4) {
      throw new IdxFormatException(source, "truncated: the 4-byte magic number has only " + magic.length + " bytes");
    }
    if (magic[0] != 0 || magic[1] != 0) {
      throw new IdxFormatException(source, "not an IDX file: magic bytes " + hex(magic) + ", expected 00 00 <type> <rank>");
    }
    IdxType type = IdxType.fromCode(magic[2] & 0xff);
    if (type == null) {
      throw new IdxFormatException(source, String.format("unknown element type 0x%02x; expected one of %s", magic[2] & 0xff,
          IdxType.describeAll()));
    }
    int rank = magic[3] & 0xff;
    if (rank < 1 || rank > MAX_RANK) {
      throw new IdxFormatException(source, "the header declares " + rank + " dimensions; expected 1 to " + MAX_RANK);
    }
    byte[] dimBytes = in.readNBytes(4 * rank);
    if (dimBytes.length < 4 * rank) {
      throw new IdxFormatException(source, "truncated: the header declares " + rank + " dimensions (" + 4 * rank
          + " bytes) but only " + dimBytes.length + " bytes follow the magic");
    }
    int[] dims = new int[rank];
    ByteBuffer.wrap(dimBytes).order(ByteOrder.BIG_ENDIAN).asIntBuffer().get(dims);
    checkDims(dims, type, source);
    return new IdxHeader(type, dims);
  }

  private static void checkDims(int[] dims, IdxType type, String source) {
    long bytes = type.itemSize();
    for (int axis = 0; axis < dims.length; axis++) {
      if (dims[axis] < 0) {
        throw new IdxFormatException(source, "dimension " + axis + " is negative (" + Integer.toUnsignedString(dims[axis])
            + " as unsigned) in " + Arrays.toString(dims));
      }
      // Checked as we go, so the running product never overflows a long.
      bytes *= dims[axis];
      if (bytes > MAX_DATA_BYTES) {
        throw new IdxFormatException(source, "dimensions " + Arrays.toString(dims) + " of " + type + " need more than the "
            + MAX_DATA_BYTES + " bytes one array can hold");
      }
    }
  }

  /** Exactly the declared data bytes, then end of stream; read in pieces so memory tracks real bytes. */
  private static byte[] readData(InputStream in, IdxHeader header, String source) throws IOException {
    int expected = (int) header.dataBytes();
    byte[] data = in.readNBytes(expected);
    if (data.length < expected) {
      throw new IdxFormatException(source, "truncated: the header declares " + Arrays.toString(header.dims()) + " " + header.type()
          + " elements (" + expected + " data bytes), found " + data.length);
    }
    // Reading on to the end also makes a gzip stream check its CRC and length trailer.
    if (in.read() != -1) {
      throw new IdxFormatException(source, "unexpected bytes after the " + expected + " data bytes declared by the header "
          + Arrays.toString(header.dims()));
    }
    return data;
  }

  private static void checkConversion(IdxHeader header, IdxValues values, String source) {
    if (values == IdxValues.SCALED_TO_UNIT && header.type() != IdxType.UBYTE) {
      throw new IdxFormatException(source, "scaling to [0, 1] divides unsigned bytes by 255, but the elements are "
          + header.type() + "; read them AS_STORED or FLOAT32");
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder text = new StringBuilder();
    for (byte b : bytes) {
      text.append(text.isEmpty() ? "" : " ").append(String.format("%02x", b & 0xff));
    }
    return text.toString();
  }
}
