package dev.ruru.array.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Order;
import dev.ruru.array.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Npy.readRows: a shard of a .npy file's rows, reading the header and those rows' bytes only. */
class NpyRowsTest {
  private static final int ROWS = 10;
  private static final int ROW_BYTES = 3 * 4 * 4;

  @TempDir Path directory;

  private static NDArray array() {
    float[] values = new float[ROWS * 12];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 0.5f - 7;
    }
    return NDArray.of(values, ROWS, 3, 4);
  }

  @Test
  void rowsEqualTheSameRowsOfTheWholeFileFromAFileOrAStream() throws IOException {
    Path file = directory.resolve("x.npy");
    Npy.write(file, array());
    NDArray rows = Npy.readRows(file, 4, 7);
    assertArrayEquals(new int[] {3, 3, 4}, rows.shape().dims());
    assertArrayEquals(array().slice(0, 4, 7, 1).toFloatArray(), rows.toFloatArray());
    byte[] bytes = Files.readAllBytes(file);
    NDArray streamed = Npy.readRows(new ByteArrayInputStream(bytes), bytes.length, "x", 4, 7);
    assertArrayEquals(rows.toFloatArray(), streamed.toFloatArray());
    assertEquals(0, Npy.readRows(file, 10, 10).dim(0), "an empty range at the end");
  }

  @Test
  void onlyTheHeaderAndTheRowsAskedAreRead() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, array());
    byte[] bytes = out.toByteArray();
    int header = bytes.length - ROWS * ROW_BYTES;
    CountingInputStream counting = new CountingInputStream(new ByteArrayInputStream(bytes));
    Npy.readRows(counting, bytes.length, "x", 6, 8);
    assertEquals(header + 2 * ROW_BYTES, counting.bytesRead(), "bytes read");
    assertEquals(6 * ROW_BYTES, counting.bytesSkipped(), "bytes skipped");
  }

  @Test
  void narrowIntegersAreReadByRowsAsInt32() throws IOException {
    // '|u1' pixels as np.save writes them: one byte each, widened to int32.
    NpyHeader header = new NpyHeader(DType.INT32, ByteOrder.LITTLE_ENDIAN, Order.C, Shape.of(4, 2), NarrowInteger.UINT8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(header.encode());
    out.write(new byte[] {1, 2, 3, 4, (byte) 200, 6, 7, 8});
    Path file = directory.resolve("pixels.npy");
    Files.write(file, out.toByteArray());
    assertArrayEquals(new int[] {3, 4, 200, 6}, Npy.readRows(file, 1, 3).toIntArray());
  }

  @Test
  void refusesRowsOutsideTheFileAScalarAFortranArrayAndATruncatedFile() throws IOException {
    Path file = directory.resolve("x.npy");
    Npy.write(file, array());
    IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> Npy.readRows(file, 8, 11));
    assertEquals("Npy.readRows: expected 0 <= from <= to <= 10 (the rows of " + file + ", shape [10, 3, 4]), got [8, 11)", outside.getMessage());
    Path scalar = directory.resolve("scalar.npy");
    Npy.write(scalar, NDArray.of(new double[] {1}, 1).reshape());
    assertTrue(assertThrows(NpyFormatException.class, () -> Npy.readRows(scalar, 0, 0)).getMessage().contains("holds a scalar"));
    Path fortran = directory.resolve("fortran.npy");
    Npy.write(fortran, NDArray.of(new float[6], 2, 3).transpose());
    assertTrue(assertThrows(NpyFormatException.class, () -> Npy.readRows(fortran, 0, 1)).getMessage().contains("is in Fortran order"));
    byte[] bytes = Files.readAllBytes(file);
    Path cut = directory.resolve("cut.npy");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 1));
    // The header promises more than the file holds: refused before any allocation, whichever rows are asked.
    assertTrue(assertThrows(NpyFormatException.class, () -> Npy.readRows(cut, 0, 1)).getMessage().contains("truncated: the header promises"));
  }
}
