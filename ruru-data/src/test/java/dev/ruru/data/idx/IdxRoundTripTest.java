package dev.ruru.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IdxRoundTripTest {
  @TempDir
  Path dir;

  /** Values spanning each type's range, including both extremes, in a [2, 3, 2] array. */
  static NDArray sample(IdxType type) {
    double[] values = new double[12];
    for (int i = 0; i < values.length; i++) {
      values[i] = switch (type) {
        case UBYTE -> i * 23;
        case BYTE -> -128 + i * 23;
        case SHORT -> -32768 + i * 5957;
        case INT -> i == 0 ? Integer.MIN_VALUE : i == 11 ? Integer.MAX_VALUE : (i - 6) * 100_000_007L;
        case FLOAT -> (i - 6) * 1.25e-3;
        case DOUBLE -> (i - 6) * Math.PI * 1e100;
      };
    }
    NDArray array = NDArray.of(values, 2, 3, 2);
    return switch (type) {
      case FLOAT -> array.astype(DType.FLOAT32);
      case DOUBLE -> array;
      default -> array.astype(DType.INT32);
    };
  }

  @ParameterizedTest
  @EnumSource(IdxType.class)
  void everyElementTypeSurvivesAPlainRoundTrip(IdxType type) throws IOException {
    roundTrip(type, Compression.NONE);
  }

  @ParameterizedTest
  @EnumSource(IdxType.class)
  void everyElementTypeSurvivesAGzipRoundTrip(IdxType type) throws IOException {
    roundTrip(type, Compression.GZIP);
  }

  private void roundTrip(IdxType type, Compression compression) throws IOException {
    NDArray original = sample(type);
    // A name without .gz: the reader must recognise gzip by its magic, not by the name.
    Path file = dir.resolve("data-" + type);
    IdxWriter.write(file, original, type, compression);
    byte[] head = head(file, 2);
    assertEquals(compression == Compression.GZIP, (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b);
    assertEquals(new IdxHeader(type, new int[] {2, 3, 2}), IdxReader.readHeader(file));
    NDArray read = IdxReader.read(file, IdxValues.AS_STORED);
    assertEquals(original, read, "read back " + type + " " + compression);
    DType expected = switch (type) {
      case FLOAT -> DType.FLOAT32;
      case DOUBLE -> DType.FLOAT64;
      default -> DType.INT32;
    };
    assertEquals(expected, read.dtype());
    assertEquals(original.astype(DType.FLOAT32), IdxReader.read(file, IdxValues.FLOAT32));
  }

  @Test
  void bytesFollowTheFormatBigEndian() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IdxWriter.write(out, NDArray.of(new int[] {1, -2, 300}, 3), IdxType.SHORT);
    ByteBuffer expected = ByteBuffer.allocate(4 + 4 + 6);
    expected.put(new byte[] {0, 0, 0x0B, 1}).putInt(3).putShort((short) 1).putShort((short) -2).putShort((short) 300);
    assertArrayEquals(expected.array(), out.toByteArray());
  }

  @Test
  void gzipFilesDecompressToThePlainBytes() throws IOException {
    NDArray array = sample(IdxType.INT);
    Path plain = dir.resolve("plain");
    Path gzip = dir.resolve("gzip");
    IdxWriter.write(plain, array, IdxType.INT, Compression.NONE);
    IdxWriter.write(gzip, array, IdxType.INT, Compression.GZIP);
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gzip))) {
      assertArrayEquals(Files.readAllBytes(plain), in.readAllBytes());
    }
  }

  @Test
  void unsignedBytesScaleToTheUnitInterval() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IdxWriter.write(out, NDArray.of(new int[] {0, 51, 255, 128}, 2, 2), IdxType.UBYTE);
    NDArray scaled = IdxReader.read(new ByteArrayInputStream(out.toByteArray()), "pixels", IdxValues.SCALED_TO_UNIT);
    assertEquals(Shape.of(2, 2), scaled.shape());
    assertEquals(DType.FLOAT32, scaled.dtype());
    assertArrayEquals(new float[] {0f, 0.2f, 1f, 128 / 255f}, scaled.toFloatArray(), 1e-7f);
  }

  @Test
  void emptyArraysRoundTrip() throws IOException {
    Path file = dir.resolve("empty");
    IdxWriter.write(file, NDArray.zeros(Shape.of(0, 28, 28), DType.INT32), IdxType.UBYTE, Compression.GZIP);
    assertEquals(Shape.of(0, 28, 28), IdxReader.read(file, IdxValues.AS_STORED).shape());
  }

  @Test
  void writingReplacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("labels");
    IdxWriter.write(file, NDArray.of(new int[] {1, 2}, 2), IdxType.UBYTE, Compression.NONE);
    IdxWriter.write(file, NDArray.of(new int[] {3}, 1), IdxType.UBYTE, Compression.NONE);
    assertEquals(NDArray.of(new int[] {3}, 1), IdxReader.read(file, IdxValues.AS_STORED));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count());
    }
  }

  private static byte[] head(Path file, int n) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return in.readNBytes(n);
    }
  }
}
