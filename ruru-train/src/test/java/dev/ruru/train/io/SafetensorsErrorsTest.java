package dev.ruru.train.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed files fail before anything is allocated or returned, with a message naming the file and the problem. */
class SafetensorsErrorsTest {
  @TempDir Path dir;

  /** A file of an 8-byte length, {@code header} (as written, unpadded) and {@code dataBytes} zero bytes. */
  private Path file(String header, int dataBytes) throws IOException {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    return file(json.length, json, dataBytes);
  }

  private Path file(long declaredLength, byte[] json, int dataBytes) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(declaredLength).put(json);
    Path path = dir.resolve("bad.safetensors");
    Files.write(path, bytes.array());
    return path;
  }

  private String failure(Path path) {
    SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class, () -> Safetensors.read(path));
    assertTrue(e.getMessage().startsWith("safetensors: " + path + ": "), e.getMessage());
    assertEquals(path.toString(), e.source());
    // readHeader applies the same checks.
    assertEquals(e.getMessage(), assertThrows(SafetensorsFormatException.class, () -> Safetensors.readHeader(path)).getMessage());
    return e.getMessage();
  }

  private static void assertContains(String expected, String message) {
    assertTrue(message.contains(expected), "expected the message to contain '" + expected + "' but it was: " + message);
  }

  @Test void headerLengthAboveTheLimitIsRefused() throws IOException {
    assertContains("header length 100000001 bytes is above the limit of 100000000 bytes",
        failure(file(100_000_001L, "{}".getBytes(StandardCharsets.UTF_8), 0)));
  }

  @Test void headerLengthWithTheTopBitSetReadsAsUnsigned() throws IOException {
    assertContains("header length 18446744073709551615 bytes is above the limit", failure(file(-1L, new byte[0], 0)));
  }

  @Test void headerLongerThanTheFileIsRefused() throws IOException {
    assertContains("header length 5000 bytes is more than the 2 bytes that follow it",
        failure(file(5000, "{}".getBytes(StandardCharsets.UTF_8), 0)));
  }

  @Test void fileShorterThanTheLengthFieldIsRefused() throws IOException {
    Path path = dir.resolve("tiny.safetensors");
    Files.write(path, new byte[] {1, 2, 3});
    assertContains("the file is 3 bytes long, too short for the 8-byte header length", failure(path));
  }

  @Test void headerThatIsNotJsonIsRefused() throws IOException {
    assertContains("the header is not valid JSON", failure(file("{\"a\": {\"dtype\": \"F32\"", 0)));
    assertContains("the header must be a JSON object", failure(file("[1, 2]", 0)));
  }

  @Test void headerThatIsNotUtf8IsRefused() throws IOException {
    assertContains("the header is not valid UTF-8", failure(file(4, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, 0)));
  }

  @Test void unknownDtypeIsNamed() throws IOException {
    assertContains("tensor 'w': unsupported dtype 'U8'; Ruru reads F32, F64, F16, BF16, I32, I64 and BOOL",
        failure(file("{\"w\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[0,2]}}", 2)));
    assertContains("tensor 'w': shape [2] of F16 needs 4 bytes but data_offsets [0, 8] hold 8",
        failure(file("{\"w\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8)));
    assertContains("tensor 'w': unsupported dtype 'float32'",
        failure(file("{\"w\":{\"dtype\":\"float32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8)));
  }

  @Test void offsetsThatDisagreeWithTheShapeAreRefused() throws IOException {
    assertContains("tensor 'w': shape [2, 3] of F32 needs 24 bytes but data_offsets [0, 20] hold 20",
        failure(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}", 20)));
    assertContains("tensor 'w': data_offsets [8, 0] end before they begin",
        failure(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[8,0]}}", 8)));
    assertContains("tensor 'w': data_offsets must be an array of 2 non-negative integers",
        failure(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[-4,0]}}", 4)));
    assertContains("tensor 'w': shape must be an array of non-negative integers",
        failure(file("{\"w\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,4]}}", 4)));
  }

  @Test void overlappingTensorsAreRefused() throws IOException {
    assertContains("tensor 'b' (bytes 4..12) overlaps tensor 'a' (which ends at 8)", failure(file(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12)));
  }

  @Test void holesBetweenTensorsAreRefused() throws IOException {
    assertContains("bytes 8..12 of the data belong to no tensor (a hole before tensor 'b')", failure(file(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}}", 16)));
  }

  @Test void dataShorterOrLongerThanTheHeaderSaysIsRefused() throws IOException {
    String header = "{\"a\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]}}";
    assertContains("the tensors cover 16 bytes of data but the file holds 10 after the header (truncated file?)", failure(file(header, 10)));
    assertContains("the tensors cover 16 bytes of data but the file holds 20 after the header", failure(file(header, 20)));
  }

  @Test void shapesTooLargeForAnArrayAreRefusedBeforeAllocating() throws IOException {
    assertContains("tensor 'a': shape [65536, 65536] has more than 2147483647 elements", failure(file(
        "{\"a\":{\"dtype\":\"BOOL\",\"shape\":[65536,65536],\"data_offsets\":[0,4294967296]}}", 0)));
  }

  @Test void duplicateNamesAndNonStringMetadataAreRefused() throws IOException {
    assertContains("Duplicate field 'a'", failure(file(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]},\"a\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[0,4]}}", 4)));
    assertContains("__metadata__ value of 'epoch' must be a string, found 3", failure(file("{\"__metadata__\":{\"epoch\":3}}", 0)));
  }

  @Test void missingFieldsAreNamed() throws IOException {
    assertContains("tensor 'w': missing or non-string dtype", failure(file("{\"w\":{\"shape\":[],\"data_offsets\":[0,4]}}", 4)));
    assertContains("tensor 'w': data_offsets must be an array of 2 non-negative integers, found null",
        failure(file("{\"w\":{\"dtype\":\"I32\",\"shape\":[]}}", 4)));
  }

  @Test void aMissingFileOrADirectorySaysSo() {
    // The JDK's messages were the bare path and "Is a directory".
    Path missing = dir.resolve("missing.safetensors");
    assertEquals(missing + ": no such file", assertThrows(java.nio.file.NoSuchFileException.class, () -> Safetensors.read(missing)).getMessage());
    assertEquals("safetensors: " + dir + ": is a directory, not a file", failure(dir));
  }
}
