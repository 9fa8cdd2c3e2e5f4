package dev.ruru.array.io;

import static dev.ruru.array.io.NumpyFixtures.expected;
import static dev.ruru.array.io.NumpyFixtures.expectedFortran;
import static dev.ruru.array.io.NumpyFixtures.path;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Order;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Archives of named arrays as np.savez and np.savez_compressed write them (see make_npy_fixtures.py). */
class NpzTest {
  @TempDir Path dir;

  /** The arrays the script saves, in its order. */
  private static LinkedHashMap<String, NDArray> scriptArrays() {
    LinkedHashMap<String, NDArray> arrays = new LinkedHashMap<>();
    arrays.put("weights", expected("f4", 3, 4));
    arrays.put("bias", expected("f8", 4));
    arrays.put("labels", expected("i8", 6));
    arrays.put("mask", expected("b1", 2, 3));
    arrays.put("fortran", expectedFortran("i4", 2, 5));
    return arrays;
  }

  @ParameterizedTest
  @ValueSource(strings = {"arrays.npz", "arrays_compressed.npz"})
  void readsNumpyArchivesInFileOrderWithoutTheNpySuffix(String file) throws IOException {
    LinkedHashMap<String, NDArray> arrays = Npz.read(path(file));
    assertEquals(List.of("weights", "bias", "labels", "mask", "fortran"), new ArrayList<>(arrays.keySet()));
    assertEquals(scriptArrays(), arrays);
    assertEquals(DType.BOOL, arrays.get("mask").dtype());
    assertTrue(arrays.get("fortran").isContiguous(Order.F));
  }

  @Test
  void storedEntriesHoldTheBytesNumpyWrote() throws IOException {
    Path file = dir.resolve("ours.npz");
    Npz.write(file, scriptArrays());
    try (ZipFile ours = new ZipFile(file.toFile()); ZipFile numpy = new ZipFile(path("arrays.npz").toFile())) {
      List<String> names = numpy.stream().map(ZipEntry::getName).toList();
      assertEquals(names, ours.stream().map(ZipEntry::getName).toList());
      for (String name : names) {
        assertEquals(ZipEntry.STORED, ours.getEntry(name).getMethod(), name);
        assertArrayEquals(numpy.getInputStream(numpy.getEntry(name)).readAllBytes(), ours.getInputStream(ours.getEntry(name)).readAllBytes(), name);
      }
    }
  }

  @Test
  void roundTripsStoredAndCompressedKeepingOrderAndLayout() throws IOException {
    LinkedHashMap<String, NDArray> arrays = new LinkedHashMap<>();
    SplittableRandom random = new SplittableRandom(11);
    arrays.put("z", NpyWriteTest.randomArray(DType.FLOAT64, new int[] {3, 0}, random));
    arrays.put("a", NpyWriteTest.randomArray(DType.FLOAT32, new int[] {600, 1000}, random).transpose());
    arrays.put("layer.0/weight", NpyWriteTest.randomArray(DType.INT64, new int[] {5, 2, 3}, random));
    arrays.put("scalar", NpyWriteTest.randomArray(DType.INT32, new int[0], random));
    arrays.put("m", NpyWriteTest.randomArray(DType.BOOL, new int[] {4, 4}, random).index("::2, ::-1"));
    Path stored = dir.resolve("stored.npz");
    Path compressed = dir.resolve("compressed.npz");
    Npz.write(stored, arrays);
    Npz.writeCompressed(compressed, arrays);
    for (Path file : List.of(stored, compressed)) {
      LinkedHashMap<String, NDArray> back = Npz.read(file);
      assertEquals(new ArrayList<>(arrays.keySet()), new ArrayList<>(back.keySet()), file.toString());
      assertEquals(arrays, back, file.toString());
      assertTrue(back.get("a").isContiguous(Order.F), file.toString());
    }
    assertTrue(Files.size(compressed) < Files.size(stored), Files.size(compressed) + " bytes compressed, " + Files.size(stored) + " stored");
    try (ZipFile zip = new ZipFile(compressed.toFile())) {
      assertEquals(ZipEntry.DEFLATED, zip.getEntry("a.npy").getMethod());
    }
  }

  @Test
  void equalArraysGiveEqualFiles() throws IOException {
    Npz.writeCompressed(dir.resolve("1.npz"), scriptArrays());
    Npz.writeCompressed(dir.resolve("2.npz"), scriptArrays());
    assertArrayEquals(Files.readAllBytes(dir.resolve("1.npz")), Files.readAllBytes(dir.resolve("2.npz")));
  }

  @Test
  void anEmptyMapIsAnEmptyArchive() throws IOException {
    Npz.write(dir.resolve("empty.npz"), Map.of());
    assertEquals(Map.of(), Npz.read(dir.resolve("empty.npz")));
  }

  private String failure(byte[] bytes) throws IOException {
    Path file = dir.resolve("bad.npz");
    Files.write(file, bytes);
    return assertThrows(NpyFormatException.class, () -> Npz.read(file)).getMessage().replace(file.toString(), "FILE");
  }

  /** A zip with the given entries, written by hand so that entries can be wrong in ways Npz.write never is. */
  private static byte[] zip(Map<String, byte[]> entries, int method) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setMethod(method);
      for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        if (method == ZipEntry.STORED) {
          CRC32 crc = new CRC32();
          crc.update(entry.getValue());
          zipEntry.setSize(entry.getValue().length);
          zipEntry.setCrc(crc.getValue());
        }
        zip.putNextEntry(zipEntry);
        zip.write(entry.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void notAZipArchiveIsNamed() throws IOException {
    assertEquals("npy: FILE: not a readable .npz (zip) archive: zip END header not found",
        failure(Files.readAllBytes(path("f4_c.npy"))));
    byte[] archive = Files.readAllBytes(path("arrays.npz"));
    assertEquals("npy: FILE: not a readable .npz (zip) archive: zip END header not found",
        failure(Arrays.copyOf(archive, archive.length - 30)));
  }

  @Test
  void entriesThatAreNotArraysAreNamed() throws IOException {
    assertEquals("npy: FILE!notes.txt: not an array: every entry of an .npz archive is a NAME.npy file",
        failure(zip(Map.of("notes.txt", new byte[] {1, 2}), ZipEntry.DEFLATED)));
    byte[] npy = Files.readAllBytes(path("f4_c.npy"));
    assertEquals("npy: FILE!x.npy: truncated: the header promises shape [2, 3, 4] of '<f4', 96 bytes of data, but only 90"
        + " bytes follow the header", failure(zip(Map.of("x.npy", Arrays.copyOf(npy, npy.length - 6)), ZipEntry.STORED)));
    assertEquals("npy: FILE!x.npy: the entry holds more bytes than its header promises; a .npy entry holds exactly one array",
        failure(zip(Map.of("x.npy", Arrays.copyOf(npy, npy.length + 8)), ZipEntry.DEFLATED)));
    assertEquals("npy: FILE!x.npy: unsupported dtype '|O': object arrays hold pickled Python objects, which Ruru does not"
        + " read (save numeric arrays instead); supported: '<f4' (float32), '<f8' (float64), '<i4' (int32), '<i8' (int64),"
        + " '|b1' (bool), '|u1', '|i1', '<u2', '<i2' (read as int32),"
        + " and the big-endian '>f4', '>f8', '>i4', '>i8', '>u2', '>i2'",
        failure(zip(Map.of("x.npy", Files.readAllBytes(path("object.npy"))), ZipEntry.DEFLATED)));
  }

  @Test
  void anEntryClaimingMoreThanDeflateCanProduceIsRefused() throws IOException {
    byte[] archive = zip(Map.of("x.npy", Files.readAllBytes(path("f8_c.npy"))), ZipEntry.DEFLATED);
    int central = indexOf(archive, new byte[] {'P', 'K', 1, 2});
    ByteBuffer.wrap(archive, central + 24, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(800_000_128);
    String message = failure(archive);
    assertTrue(message.matches("npy: FILE!x\\.npy: the entry claims 800000128 bytes from \\d+ compressed bytes, more than DEFLATE can produce"),
        message);
  }

  @Test
  void corruptDataFailsItsChecksum() throws IOException {
    byte[] archive = Files.readAllBytes(path("arrays.npz"));
    // The first entry is weights.npy; flip one bit in its data, a little after its 128-byte .npy header.
    int at = indexOf(archive, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}) + 128 + 4;
    archive[at] ^= 0x40;
    String message = failure(archive);
    assertTrue(message.startsWith("npy: FILE!weights.npy: corrupt entry: CRC-32 is "), message);
    assertTrue(message.endsWith(", the archive says " + String.format("%08x", crcOfEntry("weights.npy"))), message);
  }

  private static long crcOfEntry(String name) throws IOException {
    try (ZipFile zip = new ZipFile(path("arrays.npz").toFile())) {
      return zip.getEntry(name).getCrc();
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    throw new IllegalStateException("not found");
  }

  @Test
  void invalidNamesAreRefusedBeforeAnythingIsWritten() throws IOException {
    Map<String, NDArray> unnamed = new LinkedHashMap<>();
    unnamed.put("ok", expected("f4", 2));
    unnamed.put("", expected("f4", 2));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Npz.write(dir.resolve("x.npz"), unnamed));
    assertEquals("Npz.write: an array name is empty; names become entry names NAME.npy", error.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aFailedWriteLeavesNoPartialFile() throws IOException {
    Path target = dir.resolve("taken.npz");
    Files.createDirectories(target.resolve("inside"));
    assertThrows(IOException.class, () -> Npz.writeCompressed(target, scriptArrays()));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void aSuccessfulWriteLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("ok.npz");
    Npz.write(file, scriptArrays());
    Npz.write(file, scriptArrays());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }
}
