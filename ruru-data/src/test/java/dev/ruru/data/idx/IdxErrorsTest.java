package dev.ruru.data.idx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxErrorsTest {
  @TempDir
  Path dir;

  /** A header with the given magic bytes and dimensions, followed by {@code data}. */
  static byte[] file(int type, int[] dims, byte[] data) {
    ByteBuffer bytes = ByteBuffer.allocate(4 + 4 * dims.length + data.length);
    bytes.put(new byte[] {0, 0, (byte) type, (byte) dims.length});
    for (int d : dims) {
      bytes.putInt(d);
    }
    return bytes.put(data).array();
  }

  static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }

  private String failure(byte[] content) throws IOException {
    Path path = dir.resolve("bad-idx3-ubyte");
    Files.write(path, content);
    return assertThrows(IdxFormatException.class, () -> IdxReader.read(path, IdxValues.AS_STORED)).getMessage();
  }

  private String source() {
    return dir.resolve("bad-idx3-ubyte").toString();
  }

  @Test
  void wrongMagicNamesTheBytesFound() throws IOException {
    assertEquals("idx: " + source() + ": not an IDX file: magic bytes 50 4b 03 04, expected 00 00 <type> <rank>",
        failure(new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0}));
  }

  @Test
  void unknownElementTypeIsNamed() throws IOException {
    assertEquals("idx: " + source() + ": unknown element type 0x0a; expected one of 0x08 ubyte, 0x09 byte, 0x0b short, 0x0c int,"
        + " 0x0d float, 0x0e double", failure(file(0x0A, new int[] {1}, new byte[1])));
  }

  @Test
  void zeroOrTooManyDimensionsAreRefused() throws IOException {
    assertEquals("idx: " + source() + ": the header declares 0 dimensions; expected 1 to 16", failure(file(0x08, new int[0], new byte[0])));
    assertEquals("idx: " + source() + ": the header declares 17 dimensions; expected 1 to 16",
        failure(file(0x08, new int[17], new byte[0])));
  }

  @Test
  void negativeDimensionIsRefused() throws IOException {
    assertEquals("idx: " + source() + ": dimension 1 is negative (4294967295 as unsigned) in [2, -1]",
        failure(file(0x08, new int[] {2, -1}, new byte[0])));
  }

  @Test
  void dimensionsBeyondOneArrayAreRefusedBeforeAllocating() throws IOException {
    assertEquals("idx: " + source() + ": dimensions [65536, 65536, 2] of int need more than the 2147483639 bytes one array can hold",
        failure(file(0x0C, new int[] {65536, 65536, 2}, new byte[0])));
  }

  @Test
  void aLyingHeaderOnlyCostsTheBytesPresent() throws IOException {
    // 2 GB declared, 10 bytes present: fails as truncated without allocating the 2 GB.
    assertEquals("idx: " + source() + ": truncated: the header declares [2000000000] ubyte elements (2000000000 data bytes), found 10",
        failure(file(0x08, new int[] {2_000_000_000}, new byte[10])));
  }

  @Test
  void truncatedHeaderIsReported() throws IOException {
    assertEquals("idx: " + source() + ": truncated: the 4-byte magic number has only 2 bytes", failure(new byte[] {0, 0}));
    assertEquals("idx: " + source() + ": truncated: the header declares 3 dimensions (12 bytes) but only 5 bytes follow the magic",
        failure(Arrays.copyOf(file(0x08, new int[] {1, 2, 3}, new byte[0]), 9)));
  }

  @Test
  void truncatedDataIsReportedPlainAndGzipped() throws IOException {
    byte[] truncated = file(0x08, new int[] {10, 28, 28}, new byte[7000]);
    String expected = "idx: " + source() + ": truncated: the header declares [10, 28, 28] ubyte elements (7840 data bytes), found 7000";
    assertEquals(expected, failure(truncated));
    assertEquals(expected, failure(gzip(truncated)));
  }

  @Test
  void bytesAfterTheDataAreReported() throws IOException {
    assertEquals("idx: " + source() + ": unexpected bytes after the 4 data bytes declared by the header [2, 2]",
        failure(file(0x08, new int[] {2, 2}, new byte[5])));
  }

  @Test
  void corruptGzipIsReported() throws IOException {
    byte[] good = gzip(file(0x08, new int[] {1000}, new byte[1000]));
    byte[] corrupt = good.clone();
    corrupt[good.length - 8] ^= 0x55;   // the CRC-32 in the trailer
    String message = failure(corrupt);
    assertTrue(message.startsWith("idx: " + source() + ": corrupt gzip data: the member ending at byte " + (good.length - 8)
        + " has CRC-32 "), message);
  }

  @Test
  void cutGzipStreamIsReportedAsTruncated() throws IOException {
    byte[] good = gzip(file(0x08, new int[] {1000}, new byte[1000]));
    String message = failure(Arrays.copyOf(good, good.length - 12));
    assertTrue(message.startsWith("idx: " + source() + ": truncated"), message);
  }

  @Test
  void gzipOfSomethingElseIsReportedByMagic() throws IOException {
    assertEquals("idx: " + source() + ": not an IDX file: magic bytes 68 65 6c 6c, expected 00 00 <type> <rank>",
        failure(gzip("hello world".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
  }

  @Test
  void scalingNeedsUnsignedBytes() {
    byte[] shorts = file(0x0B, new int[] {1}, new byte[2]);
    IdxFormatException e = assertThrows(IdxFormatException.class,
        () -> IdxReader.read(new ByteArrayInputStream(shorts), "values", IdxValues.SCALED_TO_UNIT));
    assertEquals("idx: values: scaling to [0, 1] divides unsigned bytes by 255, but the elements are short; read them AS_STORED or FLOAT32",
        e.getMessage());
  }

  @Test
  void writerRefusesValuesOutsideTheType() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IdxWriter.write(dir.resolve("x"), NDArray.of(new int[] {0, 256}, 2), IdxType.UBYTE, Compression.NONE));
    assertEquals("idx: value 256.0 at flat index 1 of [2] is not a whole number in [0, 255], the range of ubyte", e.getMessage());
    IllegalArgumentException fraction = assertThrows(IllegalArgumentException.class,
        () -> IdxWriter.write(dir.resolve("x"), NDArray.of(new float[] {0.5f}, 1), IdxType.INT, Compression.NONE));
    assertEquals("idx: value 0.5 at flat index 0 of [1] is not a whole number in [-2147483648, 2147483647], the range of int",
        fraction.getMessage());
    assertTrue(Files.notExists(dir.resolve("x")), "a refused write leaves no file");
  }

  @Test
  void writerRefusesScalars() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> IdxWriter.write(dir.resolve("x"), NDArray.scalar(1, dev.ruru.array.DType.INT32), IdxType.INT, Compression.NONE));
    assertEquals("idx: can only write arrays of rank 1 to 16, got shape []", e.getMessage());
  }

  @Test
  void aMissingFileOrADirectorySaysSo() {
    // The JDK's messages were the bare path and "Is a directory".
    Path missing = dir.resolve("missing-idx3-ubyte");
    assertEquals(missing + ": no such file",
        assertThrows(java.nio.file.NoSuchFileException.class, () -> IdxReader.read(missing, IdxValues.AS_STORED)).getMessage());
    assertEquals("idx: " + dir + ": is a directory, not a file",
        assertThrows(IdxFormatException.class, () -> IdxReader.readHeader(dir)).getMessage());
  }
}
