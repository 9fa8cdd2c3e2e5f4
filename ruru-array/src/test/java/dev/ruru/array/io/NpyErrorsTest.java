package dev.ruru.array.io;

import static dev.ruru.array.io.NumpyFixtures.path;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.Shape;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files fail with an error that names the file and says what was expected and found, before any big allocation. */
class NpyErrorsTest {
  private static final String SUPPORTED = "supported: '<f4' (float32), '<f8' (float64), '<i4' (int32), '<i8' (int64),"
      + " '|b1' (bool), '|u1', '|i1', '<u2', '<i2' (read as int32),"
      + " and the big-endian '>f4', '>f8', '>i4', '>i8', '>u2', '>i2'";
  private static final byte[] DATA = new byte[96];

  @TempDir Path dir;

  /** A version 1.0 file with {@code dict} as its header, padded as NumPy pads it, followed by {@code data}. */
  private static byte[] npy(String dict, byte[] data) {
    byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
    int padded = text.length + 1 + 64 - (10 + text.length + 1) % 64;
    ByteBuffer out = ByteBuffer.allocate(10 + padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) padded).put(text);
    while (out.position() < 10 + padded - 1) {
      out.put((byte) ' ');
    }
    return out.put((byte) '\n').put(data).array();
  }

  /** A version 3.0 file: a 4-byte header length and a UTF-8 header, which may hold any character. */
  private static byte[] npyVersion3(String dict, byte[] data) {
    byte[] text = dict.getBytes(StandardCharsets.UTF_8);
    int padded = text.length + 1 + 64 - (12 + text.length + 1) % 64;
    ByteBuffer out = ByteBuffer.allocate(12 + padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
    out.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 3, 0}).putInt(padded).put(text);
    while (out.position() < 12 + padded - 1) {
      out.put((byte) ' ');
    }
    return out.put((byte) '\n').put(data).array();
  }

  private static String header(String descr, String fortran, String shape) {
    return "{'descr': " + descr + ", 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
  }

  /** Writes {@code bytes} to a file, reads it, and returns the message, which must begin with "npy: FILE: ". */
  private String failure(byte[] bytes) throws IOException {
    Path file = dir.resolve("bad.npy");
    Files.write(file, bytes);
    NpyFormatException error = assertThrows(NpyFormatException.class, () -> Npy.read(file));
    assertEquals(file.toString(), error.source());
    String prefix = "npy: " + file + ": ";
    assertEquals(prefix, error.getMessage().substring(0, Math.min(prefix.length(), error.getMessage().length())));
    assertInstanceOf(IllegalArgumentException.class, error);
    return error.getMessage().substring(prefix.length());
  }

  @Test
  void theHelperMakesTheBytesNumpyWrites() throws IOException {
    byte[] numpy = Files.readAllBytes(path("f4_c.npy"));
    byte[] data = Arrays.copyOfRange(numpy, numpy.length - 96, numpy.length);
    assertArrayEquals(numpy, npy(header("'<f4'", "False", "(2, 3, 4)"), data));
  }

  @Test
  void wrongMagicSaysWhatWasFound() throws IOException {
    assertEquals("not a .npy file: expected the magic string \\x93NUMPY, found bytes 50 4b 03 04 14 00 00 00",
        failure(Files.readAllBytes(path("arrays.npz"))));
    assertEquals("not a .npy file: expected the magic string \\x93NUMPY, found an empty file", failure(new byte[0]));
  }

  @Test
  void unsupportedVersionNamesItAndTheReadableOnes() throws IOException {
    byte[] bytes = Files.readAllBytes(path("f4_c.npy"));
    bytes[6] = 4;
    assertEquals("unsupported format version 4.0; readable versions are 1.0, 2.0 and 3.0", failure(bytes));
  }

  @Test
  void objectArraysAreRefusedWithTheSupportedDtypes() throws IOException {
    assertEquals("unsupported dtype '|O': object arrays hold pickled Python objects, which Ruru does not read"
        + " (save numeric arrays instead); " + SUPPORTED, failure(Files.readAllBytes(path("object.npy"))));
  }

  @Test
  void otherUnsupportedDtypesAreNamed() throws IOException {
    assertEquals("unsupported dtype '<f2'; " + SUPPORTED, failure(npy(header("'<f2'", "False", "(3,)"), new byte[6])));
    assertEquals("unsupported dtype '<u4'; " + SUPPORTED, failure(npy(header("'<u4'", "False", "(3,)"), new byte[12])));
    assertEquals("unsupported dtype [('x', '<f4')]: structured (record) dtypes are not supported; " + SUPPORTED,
        failure(npy(header("[('x', '<f4')]", "False", "(3,)"), new byte[12])));
  }

  @Test
  void malformedHeadersSayWhatIsWrongAndWhere() throws IOException {
    assertEquals("malformed header: shape must be a tuple of integers, found [2, 3, 4]",
        failure(npy(header("'<f4'", "False", "[2, 3, 4]"), DATA)));
    assertEquals("malformed header: fortran_order must be True or False, found 0", failure(npy(header("'<f4'", "0", "(24,)"), DATA)));
    assertEquals("malformed header: expected the keys [descr, fortran_order, shape], found [dtype, fortran_order, shape]",
        failure(npy("{'dtype': '<f4', 'fortran_order': False, 'shape': (24,), }", DATA)));
    assertEquals("malformed header: expected ':' after key 'descr' at offset 9 of {'descr' = '<f4'}",
        failure(npy("{'descr' = '<f4'}", DATA)));
    assertEquals("malformed header: unsupported literal 'None' at offset 34 of "
        + "{'descr': '<f4', 'fortran_order': None, 'shape': (24,), }", failure(npy(header("'<f4'", "None", "(24,)"), DATA)));
    assertEquals("malformed header: the header is not a dict at offset 0 of (1, 2, 3)", failure(npy("(1, 2, 3)", DATA)));
    assertEquals("malformed header: unterminated string at offset 41 of {'descr': '<f4', 'fortran_order': False, 'shape: (24,), }",
        failure(npy("{'descr': '<f4', 'fortran_order': False, 'shape: (24,), }", DATA)));
  }

  @Test
  void aShapeInNonAsciiDigitsIsRefusedAsNumpyRefusesIt() throws IOException {
    // Java's Character.isDigit read the Arabic-Indic three as 3; Python's parser, and so np.load, refuses it.
    assertEquals("malformed header: unexpected character U+0663 at offset 51 of {'descr': '<f4', 'fortran_order': False,"
        + " 'shape': (\\u0663,), }", failure(npyVersion3(header("'<f4'", "False", "(\u0663,)"), new byte[12])));
    assertEquals(Shape.of(3), Npy.read(new java.io.ByteArrayInputStream(npyVersion3(header("'<f4'", "False", "(3,)"), new byte[12])),
        1000).shape());
  }

  @Test
  void aMissingFileOrADirectorySaysSo() {
    // The JDK's messages were the bare path and "Is a directory".
    Path missing = dir.resolve("missing.npy");
    assertEquals(missing + ": no such file", assertThrows(java.nio.file.NoSuchFileException.class, () -> Npy.read(missing)).getMessage());
    assertEquals(missing + ": no such file", assertThrows(java.nio.file.NoSuchFileException.class, () -> Npz.read(missing)).getMessage());
    assertEquals("npy: " + dir + ": is a directory, not a file", assertThrows(NpyFormatException.class, () -> Npy.read(dir)).getMessage());
    assertEquals("npy: " + dir + ": is a directory, not a file", assertThrows(NpyFormatException.class, () -> Npz.read(dir)).getMessage());
  }

  @Test
  void truncatedDataSaysHowMuchWasPromisedAndFound() throws IOException {
    byte[] bytes = Files.readAllBytes(path("f4_c.npy"));
    assertEquals("truncated: the header promises shape [2, 3, 4] of '<f4', 96 bytes of data, but only 86 bytes follow the header",
        failure(Arrays.copyOf(bytes, bytes.length - 10)));
    assertEquals("truncated: the header claims 118 bytes but only 50 follow", failure(Arrays.copyOf(bytes, 60)));
    assertEquals("truncated: the file ends inside the header length", failure(Arrays.copyOf(bytes, 9)));
  }

  @Test
  void aHeaderClaimingGigabytesFailsBeforeAllocatingThem() throws IOException {
    // 10^9 float64 elements would be 8 GB: the check against the 96 bytes present must come first.
    assertEquals("truncated: the header promises shape [100000, 10000] of '<f8', 8000000000 bytes of data, but only 96 bytes"
        + " follow the header", failure(npy(header("'<f8'", "False", "(100000, 10000)"), DATA)));
    byte[] bytes = npy(header("'<f8'", "True", "(100000, 10000)"), DATA);
    NpyFormatException fromStream = assertThrows(NpyFormatException.class,
        () -> Npy.read(new ByteArrayInputStream(bytes), bytes.length, "upload"));
    assertEquals("npy: upload: truncated: the header promises shape [100000, 10000] of '<f8', 8000000000 bytes of data,"
        + " but only 96 bytes follow the header", fromStream.getMessage());
  }

  @Test
  void shapesThatNoArrayCanHoldAreRefused() throws IOException {
    assertEquals("invalid shape [-1, 3]: entry 0 is -1, negative", failure(npy(header("'<f4'", "False", "(-1, 3)"), DATA)));
    assertEquals("invalid shape [2, 4294967296]: entry 1 is 4294967296, beyond an int",
        failure(npy(header("'<f4'", "False", "(2, 4294967296)"), DATA)));
    assertEquals("shape [65536, 65536] has more than 2^31 - 9 elements, the most one array can hold",
        failure(npy(header("'<f4'", "False", "(65536, 65536)"), DATA)));
    assertEquals("malformed header: '99999999999999999999' is not an integer that fits 64 bits at offset 51 of "
        + "{'descr': '<f4', 'fortran_order': False, 'shape': (99999999999999999999,), }",
        failure(npy(header("'<f4'", "False", "(99999999999999999999,)"), DATA)));
  }

  @Test
  void oversizedHeadersAreRefusedBeforeReading() throws IOException {
    byte[] bytes = Files.readAllBytes(path("f4_c.npy"));
    bytes[8] = (byte) 0xFF;
    bytes[9] = (byte) 0xFF;
    assertEquals("the header claims to be 65535 bytes, more than the 10000 allowed (a dtype and shape need far fewer;"
        + " NumPy refuses such headers too)", failure(bytes));
  }

  @Test
  void bytesAfterTheDataAreReported() throws IOException {
    byte[] bytes = Files.readAllBytes(path("f4_c.npy"));
    assertEquals("4 bytes follow the 96 bytes of data that the header promises (shape [2, 3, 4] of '<f4'); a .npy file"
        + " holds exactly one array", failure(Arrays.copyOf(bytes, bytes.length + 4)));
  }

  @Test
  void aStreamShorterThanItsLimitIsTruncatedData() throws IOException {
    byte[] bytes = Files.readAllBytes(path("f8_c.npy"));
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 8);
    NpyFormatException error = assertThrows(NpyFormatException.class,
        () -> Npy.read(new ByteArrayInputStream(cut), bytes.length));
    assertEquals("npy: stream: truncated data: expected 192 bytes after the header, found 184", error.getMessage());
  }
}
