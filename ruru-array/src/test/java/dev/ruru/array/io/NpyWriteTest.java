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
import dev.ruru.array.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing: the bytes equal NumPy's for the same array, round trips are exact, and writes are atomic. */
class NpyWriteTest {
  @TempDir Path dir;

  private byte[] written(NDArray array) throws IOException {
    Path file = dir.resolve("out.npy");
    Npy.write(file, array);
    return Files.readAllBytes(file);
  }

  @Test
  void writesTheSameBytesAsNumpyForEveryDtypeAndOrder() throws IOException {
    for (String code : NumpyFixtures.CODES) {
      assertArrayEquals(Files.readAllBytes(path(code + "_c.npy")), written(expected(code, 2, 3, 4)), code + " C order");
      assertArrayEquals(Files.readAllBytes(path(code + "_f.npy")), written(expectedFortran(code, 2, 3, 4)), code + " F order");
    }
  }

  @Test
  void writesTheSameBytesAsNumpyForScalarsVectorsEmptyAndStridedArrays() throws IOException {
    assertArrayEquals(Files.readAllBytes(path("scalar_f4.npy")), written(expected("f4")));
    assertArrayEquals(Files.readAllBytes(path("scalar_i8.npy")), written(expected("i8")));
    assertArrayEquals(Files.readAllBytes(path("vector_f8.npy")), written(expected("f8", 5)));
    assertArrayEquals(Files.readAllBytes(path("matrix_f4_f.npy")), written(expectedFortran("f4", 3, 4)));
    assertArrayEquals(Files.readAllBytes(path("empty_f4.npy")), written(expected("f4", 0, 3)));
    assertArrayEquals(Files.readAllBytes(path("empty_i4.npy")), written(expected("i4", 3, 0)));
    assertArrayEquals(Files.readAllBytes(path("strided_f4.npy")), written(expected("f4", 3, 6).slice(1, 0, 6, 2)));
  }

  @Test
  void writesFortranOrderOnlyForArraysThatAreFortranButNotCContiguous() throws IOException {
    NDArray matrix = expected("f8", 3, 4);
    Path file = dir.resolve("t.npy");
    Npy.write(file, matrix.transpose());
    assertEquals(Order.F, Npy.readHeader(file).order());
    Npy.write(file, expected("f8", 1, 4).transpose());
    assertEquals(Order.C, Npy.readHeader(file).order(), "a [4, 1] array is C-contiguous too, and NumPy says C");
    Npy.write(file, expected("f8", 2, 3, 4).permute(1, 0, 2));
    assertEquals(Order.C, Npy.readHeader(file).order(), "neither C nor F: written as a C-ordered copy");
    assertEquals(expected("f8", 2, 3, 4).permute(1, 0, 2), Npy.read(file));
  }

  @Test
  void usesFormatVersion2OnlyWhenTheHeaderOutgrowsA16BitLength() {
    int[] ones = new int[25_000];
    Arrays.fill(ones, 1);
    byte[] encoded = new NpyHeader(DType.FLOAT32, ByteOrder.LITTLE_ENDIAN, Order.C, Shape.of(ones)).encode();
    assertEquals(2, encoded[6], "version 2.0: the header needs more than 65535 bytes");
    int length = ByteBuffer.wrap(encoded, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    assertEquals(encoded.length, 12 + length);
    assertEquals(0, encoded.length % 64);
    assertEquals('\n', encoded[encoded.length - 1]);
    assertEquals(1, new NpyHeader(DType.FLOAT32, ByteOrder.LITTLE_ENDIAN, Order.C, Shape.of(2, 3)).encode()[6]);
  }

  @Test
  void writingToAStreamGivesTheFileBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Npy.write(out, expectedFortran("i4", 2, 3, 4));
    assertArrayEquals(Files.readAllBytes(path("i4_f.npy")), out.toByteArray());
  }

  @Test
  void randomArraysRoundTripExactlyInEveryDtypeAndLayout() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    List<int[]> shapes = List.of(new int[0], new int[] {0}, new int[] {7}, new int[] {3, 0, 2}, new int[] {4, 5},
        new int[] {2, 3, 4}, new int[] {1, 5, 1}, new int[] {3, 1, 2, 5});
    for (DType dtype : DType.values()) {
      for (int[] shape : shapes) {
        for (NDArray array : layouts(randomArray(dtype, shape, random))) {
          String what = dtype + " " + array.describe();
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          Npy.write(out, array);
          byte[] bytes = out.toByteArray();
          NDArray back = Npy.read(new ByteArrayInputStream(bytes), bytes.length);
          assertEquals(array, back, what);
          boolean fortranOnly = array.isContiguous(Order.F) && !array.isContiguous(Order.C);
          assertTrue(back.isContiguous(fortranOnly ? Order.F : Order.C), what);
          ByteArrayOutputStream again = new ByteArrayOutputStream();
          Npy.write(again, back);
          assertArrayEquals(bytes, again.toByteArray(), what + ": reading and writing again changes nothing");
        }
      }
    }
  }

  @Test
  void filesRoundTripInEveryDtypeAndLayoutWithTheRightOrderFlag() throws IOException {
    SplittableRandom random = new SplittableRandom(9);
    Path file = dir.resolve("round.npy");
    for (DType dtype : DType.values()) {
      for (NDArray array : layouts(randomArray(dtype, new int[] {3, 4, 5}, random))) {
        String what = dtype + " " + array.describe();
        Npy.write(file, array);
        NDArray back = Npy.read(file);
        assertEquals(array, back, what);
        boolean fortranOnly = array.isContiguous(Order.F) && !array.isContiguous(Order.C);
        assertEquals(fortranOnly ? Order.F : Order.C, Npy.readHeader(file).order(), what);
        assertTrue(back.isContiguous(fortranOnly ? Order.F : Order.C), what);
      }
    }
  }

  /** The array itself, its Fortran copy, its transpose (F if it was C) and, for rank ≥ 1, a reversed step-2 slice. */
  private static List<NDArray> layouts(NDArray c) {
    Stream<NDArray> base = Stream.of(c, c.copy(Order.F), c.transpose());
    if (c.rank() == 0) {
      return base.toList();
    }
    return Stream.concat(base, Stream.of(c.index("..., ::-2"))).toList();
  }

  /** Random values, with NaN and infinities among the floats (they must survive bit for bit). */
  static NDArray randomArray(DType dtype, int[] shape, SplittableRandom random) {
    int size = Shape.of(shape).size();
    int[] flat = {size};
    NDArray array = switch (dtype) {
      case FLOAT32 -> {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
          v[i] = i % 11 == 5 ? Float.NaN : i % 13 == 7 ? Float.NEGATIVE_INFINITY : (float) random.nextGaussian();
        }
        yield NDArray.of(v, flat);
      }
      case FLOAT64 -> {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
          v[i] = i % 11 == 5 ? Double.NaN : i % 13 == 7 ? Double.POSITIVE_INFINITY : random.nextGaussian() * 1e300;
        }
        yield NDArray.of(v, flat);
      }
      case INT32 -> NDArray.of(random.ints(size).toArray(), flat);
      case INT64 -> NDArray.of(random.longs(size).toArray(), flat);
      case BOOL -> NDArray.of(random.ints(size, 0, 2).toArray(), flat).eq(1);
    };
    return array.reshape(shape);
  }

  @Test
  void aBigArrayRoundTripsThroughManyChunks() throws IOException {
    NDArray big = randomArray(DType.FLOAT32, new int[] {1 << 9, 1 << 12}, new SplittableRandom(3));
    Path file = dir.resolve("big.npy");
    Npy.write(file, big.transpose());
    NDArray back = Npy.read(file);
    assertTrue(back.isContiguous(Order.F));
    assertEquals(big.transpose(), back);
  }

  @Test
  void overwritesAnExistingFileAndLeavesNoTemporaryFiles() throws IOException {
    Path file = dir.resolve("a.npy");
    Npy.write(file, expected("f4", 2, 3, 4));
    Npy.write(file, expected("i8", 5));
    assertEquals(expected("i8", 5), Npy.read(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void aFailedWriteLeavesNoPartialFile() throws IOException {
    Path target = dir.resolve("taken");
    Files.createDirectories(target.resolve("inside"));
    assertThrows(IOException.class, () -> Npy.write(target, expected("f4", 2, 3, 4)));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList(), "only the directory that blocked the rename remains");
    }
  }
}
