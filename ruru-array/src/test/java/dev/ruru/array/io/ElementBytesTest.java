package dev.ruru.array.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.DType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bulk element copies: byte order, chunking and growing storage, checked against ByteBuffer's element-wise view. */
class ElementBytesTest {
  private static final int COUNT = 3 * ElementBytes.CHUNK_BYTES / 8 + 5;

  private static long[] values() {
    return IntStream.range(0, COUNT).mapToLong(i -> i * 0x0102030405060708L + 3).toArray();
  }

  @Test
  void writesLittleEndianBytesAcrossChunks() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ElementBytes.write(values(), DType.INT64, COUNT, out);
    ByteBuffer expected = ByteBuffer.allocate(COUNT * 8).order(ByteOrder.LITTLE_ENDIAN);
    expected.asLongBuffer().put(values());
    assertArrayEquals(expected.array(), out.toByteArray());
  }

  @Test
  void readsBigEndianBytesIntoStorageThatGrowsFromAFewElements() throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(COUNT * 8).order(ByteOrder.BIG_ENDIAN);
    bytes.asLongBuffer().put(values());
    Object read = ElementBytes.read(new ByteArrayInputStream(bytes.array()), DType.INT64, ByteOrder.BIG_ENDIAN, COUNT, 3, "test");
    assertArrayEquals(values(), (long[]) read);
  }

  @Test
  void growingStorageStillReportsTruncatedData() {
    byte[] bytes = new byte[COUNT * 8 - 1];
    NpyFormatException error = assertThrows(NpyFormatException.class,
        () -> ElementBytes.read(new ByteArrayInputStream(bytes), DType.INT64, ByteOrder.LITTLE_ENDIAN, COUNT, 3, "entry"));
    assertEquals("npy: entry: truncated data: expected " + COUNT * 8 + " bytes after the header, found " + (COUNT * 8 - 1),
        error.getMessage());
  }

  @Test
  void readsFloatsFromAMemorySegment() {
    float[] values = {1.5f, -2f, Float.NaN, Float.MIN_VALUE};
    ByteBuffer bytes = ByteBuffer.allocate(4 + 16).order(ByteOrder.BIG_ENDIAN);
    bytes.putInt(0x7f7f7f7f).asFloatBuffer().put(values);
    Object read = ElementBytes.read(MemorySegment.ofArray(bytes.array()), 4, DType.FLOAT32, ByteOrder.BIG_ENDIAN, 4);
    assertEquals(Arrays.toString(values), Arrays.toString((float[]) read));
  }
}
