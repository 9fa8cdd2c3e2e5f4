package dev.ruru.data.idx;

import static dev.ruru.data.idx.IdxErrorsTest.file;
import static dev.ruru.data.idx.IdxErrorsTest.gzip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.InflateLimit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gzip-compressed IDX files are decoded strictly: junk after the data, bad headers and bombs are named. */
class IdxGzipTest {
  @TempDir Path dir;

  private static final byte[] PIXELS = {1, 2, 3, 4, 5, 6};
  private static final byte[] PLAIN = file(0x08, new int[] {2, 3}, PIXELS);

  private Path write(byte[] bytes) throws IOException {
    Path path = dir.resolve("images-idx3-ubyte.gz");
    Files.write(path, bytes);
    return path;
  }

  private String failure(byte[] bytes) throws IOException {
    Path path = write(bytes);
    String message = assertThrows(IdxFormatException.class, () -> IdxReader.read(path, IdxValues.AS_STORED)).getMessage();
    return message.replace(path.toString(), "FILE");
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  @Test
  void junkAfterTheGzipDataIsRefusedWithItsOffset() throws IOException {
    // The JDK's GZIPInputStream stops quietly at bytes that do not start another member.
    byte[] good = gzip(PLAIN);
    assertEquals("idx: FILE: unexpected bytes after the gzip data: byte " + good.length + " starts with 4a 55 where the file"
        + " should end or another gzip member (1f 8b) begin", failure(concat(good, "JUNK".getBytes())));
    assertEquals("idx: FILE: unexpected bytes after the gzip data: byte " + good.length + " starts with 00 where the file"
        + " should end or another gzip member (1f 8b) begin", failure(concat(good, new byte[1])));
  }

  @Test
  void concatenatedMembersAreOneFileAsRfc1952Says() throws IOException {
    // gzip -c a >> x; gzip -c b >> x gives a file that gunzip and Python decode to a + b.
    byte[] split = concat(gzip(Arrays.copyOf(PLAIN, 7)), gzip(Arrays.copyOfRange(PLAIN, 7, PLAIN.length)), gzip(new byte[0]));
    NDArray read = IdxReader.read(write(split), IdxValues.AS_STORED);
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, read.toIntArray());
    assertEquals("idx: FILE: unexpected bytes after the 6 data bytes declared by the header [2, 3]", failure(concat(gzip(PLAIN), gzip(new byte[] {7}))));
  }

  /** A member written by hand with the given flags and optional fields (as gzip -N writes a name, for one). */
  private static byte[] member(int flags, byte[] optional, byte[] content) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(content);
    deflater.finish();
    byte[] compressed = new byte[content.length + 64];
    int length = deflater.deflate(compressed);
    CRC32 crc = new CRC32();
    crc.update(content);
    byte[] header = {0x1f, (byte) 0x8b, 8, (byte) flags, 0, 0, 0, 0, 0, 3};
    return concat(header, optional, Arrays.copyOf(compressed, length), littleEndian(crc.getValue()), littleEndian(content.length));
  }

  private static byte[] littleEndian(long value) {
    return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16), (byte) (value >> 24)};
  }

  @Test
  void optionalHeaderFieldsAreSkippedAndReservedFlagsRefused() throws IOException {
    byte[] named = member(8 | 16 | 4, concat(new byte[] {3, 0, 'a', 'b', 'c'}, "train\0".getBytes(), "a comment\0".getBytes()), PLAIN);
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, IdxReader.read(write(named), IdxValues.AS_STORED).toIntArray());
    byte[] header = {0x1f, (byte) 0x8b, 8, 2, 0, 0, 0, 0, 0, 3};
    CRC32 headerCrc = new CRC32();
    headerCrc.update(header);
    byte[] checked = member(2, new byte[] {(byte) headerCrc.getValue(), (byte) (headerCrc.getValue() >> 8)}, PLAIN);
    assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, IdxReader.read(write(checked), IdxValues.AS_STORED).toIntArray());
    checked[10] ^= 1;
    assertEquals("idx: FILE: corrupt gzip header at byte 0: its CRC-16 does not match", failure(checked));
    assertEquals("idx: FILE: corrupt gzip header at byte 0: compression method 8, flags 0x20; expected method 8 (deflate) and"
        + " no reserved flags", failure(member(0x20, new byte[0], PLAIN)));
  }

  @Test
  void aHeaderDeclaringMoreThanTheInflateLimitIsRefusedBeforeReading() throws IOException {
    // As a 152 KB file declaring [200000, 28, 28] inflates to 157 MB: here 78 KB of zeros from about 100 bytes.
    Path path = write(gzip(file(0x08, new int[] {100, 28, 28}, new byte[100 * 28 * 28])));
    long inflated = 16 + 100 * 28 * 28;
    assertEquals(100, IdxReader.read(path, IdxValues.AS_STORED, new InflateLimit(inflated)).dim(0));
    IdxFormatException error = assertThrows(IdxFormatException.class,
        () -> IdxReader.read(path, IdxValues.AS_STORED, new InflateLimit(inflated - 1)));
    assertEquals("idx: " + path + ": the gzip data, whose header declares [100, 28, 28] ubyte elements, would inflate to " + inflated
        + " bytes, more than the limit of " + (inflated - 1) + " bytes (0.00 GiB); a small file that inflates to so much is likely"
        + " a decompression bomb. If the file is trusted, raise the limit with -Druru.io.maxInflatedBytes=<bytes>"
        + " (ruru command: RURU_JAVA_OPTS) or pass an InflateLimit", error.getMessage());
    Path plain = dir.resolve("plain-idx3-ubyte");
    Files.write(plain, file(0x08, new int[] {100, 28, 28}, new byte[100 * 28 * 28]));
    assertEquals(100, IdxReader.read(plain, IdxValues.AS_STORED, new InflateLimit(1)).dim(0), "a plain file inflates nothing");
  }

  @Test
  void aTruncatedMemberNamesTheOffset() throws IOException {
    byte[] good = gzip(PLAIN);
    assertEquals("idx: FILE: truncated: the file ends at byte " + (good.length - 2) + ", inside a gzip trailer",
        failure(Arrays.copyOf(good, good.length - 2)));
    assertEquals("idx: FILE: truncated: the file ends at byte 5, inside the gzip header that starts at byte 0",
        failure(Arrays.copyOf(good, 5)));
  }
}
