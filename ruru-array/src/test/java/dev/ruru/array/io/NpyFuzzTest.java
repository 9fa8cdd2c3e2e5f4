package dev.ruru.array.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated .npy and .npz files (see {@link Fuzz}) either read as well-formed arrays that write back to the
 * same bytes, or fail with an {@link NpyFormatException} naming the file, allocating little either way.
 */
class NpyFuzzTest {
  static final int NPY_INPUTS = 3000;
  static final int NPZ_INPUTS = 1500;
  /** Per parse, beyond 64 bytes per input byte; the most seen is about 320 KiB (ZipFile's buffers, exceptions). */
  private static final long ALLOCATION_BUDGET = 2L << 20;

  @TempDir Path dir;

  private static byte[] npy(NDArray array) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Npy.write(out, array);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<NDArray> arrays() {
    SplittableRandom random = new SplittableRandom(5);
    List<NDArray> arrays = new ArrayList<>();
    for (DType dtype : DType.values()) {
      arrays.add(NpyWriteTest.randomArray(dtype, new int[] {3, 4}, random));
      arrays.add(NpyWriteTest.randomArray(dtype, new int[] {2, 3}, random).transpose());
    }
    arrays.add(NpyWriteTest.randomArray(DType.FLOAT64, new int[0], random));
    arrays.add(NDArray.zeros(Shape.of(0, 5)));
    return arrays;
  }

  /** A read array is well formed: it writes, reads back equal, and writes again to the same bytes. */
  private static void checkArray(NDArray array) throws IOException {
    int size = 1;
    for (int dim : array.shape().dims()) {
      assertTrue(dim >= 0, array.shape().toString());
      size *= dim;
    }
    assertEquals(size, array.size());
    byte[] written = npy(array);
    assertArrayEquals(written, npy(Npy.read(new ByteArrayInputStream(written), written.length, "round trip")));
  }

  @Test
  @Timeout(60)
  void mutatedNpyFilesReadWellFormedOrFailNamingTheFile() throws IOException {
    List<byte[]> corpus = new ArrayList<>();
    for (String fixture : List.of("f4_c.npy", "f8_f.npy", "big_endian_i4.npy", "b1_f.npy", "scalar_i8.npy", "version2_f4.npy",
        "version3_f4.npy", "empty_f4.npy", "object.npy")) {
      corpus.add(Files.readAllBytes(NumpyFixtures.path(fixture)));
    }
    arrays().forEach(array -> corpus.add(npy(array)));
    Path file = dir.resolve("fuzz.npy");
    Fuzz.Report report = new Fuzz("npy", corpus, 128, 17).run(NPY_INPUTS, input -> {
      Fuzz.overwrite(file, input);
      NDArray fromFile = Npy.read(file);
      // The stream reader must agree with the mapped one.
      NDArray fromStream = Npy.read(new ByteArrayInputStream(input), input.length, file.toString());
      assertArrayEquals(npy(fromFile), npy(fromStream));
      return fromFile;
    }, result -> checkArray((NDArray) result), error -> error instanceof NpyFormatException, file.toString(), ALLOCATION_BUDGET);
    System.out.println(report);
    assertEquals(Map.of(), report.crashes(), report::toString);
    assertTrue(report.parsed() > NPY_INPUTS / 200 && report.refused() > NPY_INPUTS / 2, report::toString);
  }

  @Test
  @Timeout(60)
  void mutatedNpzArchivesReadWellFormedOrFailNamingTheFile() throws IOException {
    List<byte[]> corpus = new ArrayList<>();
    corpus.add(Files.readAllBytes(NumpyFixtures.path("arrays.npz")));
    corpus.add(Files.readAllBytes(NumpyFixtures.path("arrays_compressed.npz")));
    Map<String, NDArray> named = new LinkedHashMap<>();
    List<NDArray> arrays = arrays();
    for (int i = 0; i < 4; i++) {
      named.put("a" + i, arrays.get(3 * i));
    }
    Path source = dir.resolve("source.npz");
    Npz.write(source, named);
    corpus.add(Files.readAllBytes(source));
    Npz.writeCompressed(source, named);
    corpus.add(Files.readAllBytes(source));
    Path file = dir.resolve("fuzz.npz");
    Fuzz.Report report = new Fuzz("npz", corpus, Integer.MAX_VALUE, 23).run(NPZ_INPUTS, input -> {
      Fuzz.overwrite(file, input);
      return Npz.read(file, new InflateLimit(1 << 20));
    }, result -> {
      for (NDArray array : ((Map<?, NDArray>) result).values()) {
        checkArray(array);
      }
    }, error -> error instanceof NpyFormatException, file.toString(), ALLOCATION_BUDGET);
    System.out.println(report);
    assertEquals(Map.of(), report.crashes(), report::toString);
    assertTrue(report.parsed() > NPZ_INPUTS / 50 && report.refused() > NPZ_INPUTS / 2, report::toString);
  }
}
