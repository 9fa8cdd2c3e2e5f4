package dev.ruru.array.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives that inflate to far more than their size. Before these checks a 43 KB .npz whose 200 directory
 * records all pointed at one deflated 32 MiB array made {@code ruru inspect} allocate 6.2 GB.
 */
class NpzBombTest {
  @TempDir Path dir;

  /** The .npy bytes of {@code count} float32 zeros: 4·count bytes that deflate about 1000 : 1. */
  private static byte[] zeros(int count) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, NDArray.zeros(Shape.of(count)));
    return out.toByteArray();
  }

  private Path write(byte[] bytes) throws IOException {
    Path file = dir.resolve("bomb.npz");
    Files.write(file, bytes);
    return file;
  }

  @Test
  void entriesThatShareTheirDataAreRefused() throws IOException {
    HandMadeZip zip = new HandMadeZip().deflated("a0.npy", zeros(1 << 18));
    for (int i = 1; i < 50; i++) {
      zip.alias("a" + i + ".npy", 0);
    }
    byte[] bytes = zip.toByteArray();
    Path file = write(bytes);
    NpyFormatException error = assertThrows(NpyFormatException.class, () -> Npz.read(file));
    // 50 names for one megabyte: without the check, 50 MB from a file of about 3 KB.
    int end = bytes.length - 22 - (10 * 52 + 40 * 53);
    assertEquals("npy: " + file + "!a1.npy: the entries 'a0.npy' (bytes 0.." + end + ") and 'a1.npy' (bytes 0.." + end + ") overlap: they share compressed data, so a small"
        + " archive can inflate to far more than its size (a zip bomb); np.savez never writes this", error.getMessage());
  }

  @Test
  void deflatedEntriesTogetherMayNotInflateBeyondTheLimit() throws IOException {
    HandMadeZip zip = new HandMadeZip();
    for (int i = 0; i < 4; i++) {
      zip.deflated("z" + i + ".npy", zeros(1 << 16));
    }
    Path file = write(zip.toByteArray());
    long entry = zeros(1 << 16).length;
    assertEquals(List.of("z0", "z1", "z2", "z3"), List.copyOf(Npz.read(file, new InflateLimit(4 * entry)).keySet()));
    NpyFormatException error = assertThrows(NpyFormatException.class, () -> Npz.read(file, new InflateLimit(3 * entry)));
    assertEquals("npy: " + file + "!z3.npy: the deflated entries up to and including this one would inflate to " + 4 * entry
        + " bytes, more than the limit of " + 3 * entry + " bytes (0.00 GiB); a small file that inflates to so much is likely"
        + " a decompression bomb. If the file is trusted, raise the limit with -Druru.io.maxInflatedBytes=<bytes>"
        + " (ruru command: RURU_JAVA_OPTS) or pass an InflateLimit", error.getMessage());
  }

  @Test
  void theDefaultLimitComesFromTheSystemProperty() throws IOException {
    Path file = write(new HandMadeZip().deflated("z.npy", zeros(1 << 16)).toByteArray());
    String before = System.getProperty(InflateLimit.PROPERTY);
    try {
      System.setProperty(InflateLimit.PROPERTY, "1000");
      String message = assertThrows(NpyFormatException.class, () -> Npz.read(file)).getMessage();
      assertEquals(true, message.contains("more than the limit of 1000 bytes"), message);
      System.setProperty(InflateLimit.PROPERTY, "lots");
      assertEquals("InflateLimit: the system property ruru.io.maxInflatedBytes is 'lots'; expected a positive number of bytes,"
          + " such as 4294967296 for 4 GiB", assertThrows(IllegalArgumentException.class, () -> Npz.read(file)).getMessage());
      System.clearProperty(InflateLimit.PROPERTY);
      assertEquals(Map.of("z", NDArray.zeros(Shape.of(1 << 16))), Npz.read(file));
    } finally {
      if (before == null) {
        System.clearProperty(InflateLimit.PROPERTY);
      } else {
        System.setProperty(InflateLimit.PROPERTY, before);
      }
    }
  }

  @Test
  void zip64RecordsAndAPrefixedStubAreFollowedAsZipFileFollowsThem() throws IOException {
    byte[] first = zeros(100);
    byte[] second = zeros(7);
    Path file = write(new HandMadeZip().prefix(new byte[300]).zip64().deflated("a.npy", first).deflated("b.npy", second).toByteArray());
    Map<String, NDArray> arrays = Npz.read(file);
    assertEquals(Map.of("a", NDArray.zeros(Shape.of(100)), "b", NDArray.zeros(Shape.of(7))), arrays);
    Path shared = write(new HandMadeZip().prefix(new byte[300]).zip64().deflated("a.npy", first).alias("b.npy", 0).toByteArray());
    String message = assertThrows(NpyFormatException.class, () -> Npz.read(shared)).getMessage();
    assertEquals(true, message.contains("the entries 'a.npy' (bytes 300.."), message);
  }

  @Test
  void compressedDataThatEndsEarlyIsNamed() throws IOException {
    // Found by NpyFuzzTest: the inflater's EOFException escaped with neither the file nor the entry in its message.
    Path file = write(new HandMadeZip().deflated("x.npy", zeros(1000), 3).toByteArray());
    assertEquals("npy: " + file + "!x.npy: corrupt compressed data: Unexpected end of ZLIB input stream",
        assertThrows(NpyFormatException.class, () -> Npz.read(file)).getMessage());
  }

  @Test
  void anArchiveCommentLongerThanTheFileIsNamed() throws IOException {
    // Found by NpyFuzzTest: reading the comment the end record promises, ZipFile's constructor let an
    // EOFException without a message escape.
    byte[] bytes = new HandMadeZip().deflated("x.npy", zeros(10)).toByteArray();
    bytes[bytes.length - 2] = 100;
    Path file = write(bytes);
    assertEquals("npy: " + file + ": not a readable .npz (zip) archive: the file ends inside a record (a comment or directory) that"
        + " the zip end record points to", assertThrows(NpyFormatException.class, () -> Npz.read(file)).getMessage());
  }
}
