package dev.ruru.array.io;

import static dev.ruru.array.io.NumpyFixtures.expected;
import static dev.ruru.array.io.NumpyFixtures.path;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Order;
import dev.ruru.array.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading files that NumPy 1.24 wrote (see make_npy_fixtures.py): every dtype, both orders, every version. */
class NpyReadTest {
  private static final DType[] TYPES = {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64, DType.BOOL};

  @Test
  void readsEveryDtypeInCOrderWithNumpysValues() throws IOException {
    for (int t = 0; t < TYPES.length; t++) {
      String code = NumpyFixtures.CODES[t];
      NDArray array = Npy.read(path(code + "_c.npy"));
      assertEquals(TYPES[t], array.dtype(), code);
      assertEquals(Shape.of(2, 3, 4), array.shape(), code);
      assertTrue(array.isContiguous(Order.C), code);
      assertEquals(expected(code, 2, 3, 4), array, code);
    }
  }

  @Test
  void readsFortranOrderFilesAsFortranStridedArraysNotCopies() throws IOException {
    for (int t = 0; t < TYPES.length; t++) {
      String code = NumpyFixtures.CODES[t];
      NDArray array = Npy.read(path(code + "_f.npy"));
      assertEquals(TYPES[t], array.dtype(), code);
      assertEquals(Shape.of(2, 3, 4), array.shape(), code);
      assertTrue(array.isContiguous(Order.F), code);
      assertFalse(array.isContiguous(Order.C), code);
      assertArrayEquals(new int[] {1, 2, 6}, array.strides(), code);
      assertEquals(expected(code, 2, 3, 4), array, code);
    }
  }

  @Test
  void spotValuesMatchTheFormulasInTheScript() throws IOException {
    assertEquals(0.5 * 23 - 3, Npy.read(path("f8_f.npy")).getDouble(1, 2, 3));
    assertEquals(1000003L * 13 - 7, Npy.read(path("i4_c.npy")).getLong(1, 0, 1));
    assertEquals((1L << 40) * 22 - 5, Npy.read(path("i8_f.npy")).getLong(1, 2, 2));
    assertEquals(1.0, Npy.read(path("b1_f.npy")).getDouble(0, 2, 1));
    assertEquals(0.0, Npy.read(path("b1_f.npy")).getDouble(0, 2, 2));
  }

  @Test
  void readsRankZeroSizeZeroAndVectors() throws IOException {
    NDArray scalar = Npy.read(path("scalar_f4.npy"));
    assertEquals(0, scalar.rank());
    assertEquals(-3.0, scalar.item());
    NDArray longScalar = Npy.read(path("scalar_i8.npy"));
    assertEquals(DType.INT64, longScalar.dtype());
    assertEquals(0, longScalar.rank());
    assertEquals(-5L, longScalar.getLong());
    assertEquals(expected("f8", 5), Npy.read(path("vector_f8.npy")));
    NDArray empty = Npy.read(path("empty_f4.npy"));
    assertEquals(Shape.of(0, 3), empty.shape());
    assertEquals(DType.FLOAT32, empty.dtype());
    assertEquals(Shape.of(3, 0), Npy.read(path("empty_i4.npy")).shape());
  }

  @Test
  void readsAFortranMatrixAndAStridedArrayThatNumpyWroteInCOrder() throws IOException {
    NDArray matrix = Npy.read(path("matrix_f4_f.npy"));
    assertArrayEquals(new int[] {1, 3}, matrix.strides());
    assertEquals(expected("f4", 3, 4), matrix);
    NDArray strided = Npy.read(path("strided_f4.npy"));
    assertEquals(expected("f4", 3, 6).slice(1, 0, 6, 2), strided);
    assertTrue(strided.isContiguous(Order.C));
  }

  @Test
  void swapsBytesOfBigEndianFiles() throws IOException {
    assertEquals(expected("f8", 3, 4), Npy.read(path("big_endian_f8.npy")));
    assertEquals(expected("i4", 3, 4), Npy.read(path("big_endian_i4.npy")));
    NDArray fortran = Npy.read(path("big_endian_f4_f.npy"));
    assertEquals(expected("f4", 3, 4), fortran);
    assertTrue(fortran.isContiguous(Order.F));
    assertEquals(ByteOrder.BIG_ENDIAN, Npy.readHeader(path("big_endian_f8.npy")).byteOrder());
  }

  @ParameterizedTest
  @ValueSource(strings = {"version2_f4.npy", "version3_f4.npy"})
  void readsFormatVersions2And3(String file) throws IOException {
    assertEquals(expected("f4", 2, 3), Npy.read(path(file)));
  }

  @Test
  void readHeaderDescribesTheArrayWithoutItsData() throws IOException {
    NpyHeader header = Npy.readHeader(path("i8_f.npy"));
    assertEquals(new NpyHeader(DType.INT64, ByteOrder.LITTLE_ENDIAN, Order.F, Shape.of(2, 3, 4)), header);
    assertEquals("<i8", header.descr());
    assertEquals(2 * 3 * 4 * 8, header.dataBytes());
    assertEquals("|b1", Npy.readHeader(path("b1_c.npy")).descr());
  }

  @Test
  void readsArraysWrittenOneAfterAnotherFromOneStream() throws IOException {
    ByteArrayOutputStream joined = new ByteArrayOutputStream();
    joined.write(Files.readAllBytes(path("f4_c.npy")));
    joined.write(Files.readAllBytes(path("i8_f.npy")));
    byte[] bytes = joined.toByteArray();
    InputStream in = new ByteArrayInputStream(bytes);
    assertEquals(expected("f4", 2, 3, 4), Npy.read(in, bytes.length));
    NDArray second = Npy.read(in, bytes.length - Files.size(path("f4_c.npy")));
    assertEquals(expected("i8", 2, 3, 4), second);
    assertTrue(second.isContiguous(Order.F));
    assertEquals(-1, in.read());
  }
}
