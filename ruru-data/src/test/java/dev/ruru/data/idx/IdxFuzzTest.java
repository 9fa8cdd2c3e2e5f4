package dev.ruru.data.idx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Fuzz;
import dev.ruru.array.io.InflateLimit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated IDX files, plain and gzipped (see {@link Fuzz}), either read as arrays that write back to the same
 * elements, or fail with an {@link IdxFormatException} naming the file, allocating little either way.
 */
class IdxFuzzTest {
  static final int PLAIN_INPUTS = 2000;
  static final int GZIP_INPUTS = 2000;
  /** Per parse, beyond 64 bytes per input byte: the 64 KiB stream buffers, and slack. */
  private static final long ALLOCATION_BUDGET = 2L << 20;
  private static final InflateLimit LIMIT = new InflateLimit(1 << 20);

  @TempDir Path dir;

  /** One small file of each element type and a few ranks. */
  private static List<byte[]> plainCorpus() throws IOException {
    List<byte[]> corpus = new ArrayList<>();
    corpus.add(encode(NDArray.of(new int[] {0, 7, 255, 128, 1, 2}, 2, 3), IdxType.UBYTE));
    corpus.add(encode(NDArray.of(new int[] {-128, 5, 127}, 3), IdxType.BYTE));
    corpus.add(encode(NDArray.of(new int[] {-300, 3, 32000, 0}, 2, 1, 2), IdxType.SHORT));
    corpus.add(encode(NDArray.of(new int[] {Integer.MIN_VALUE, 1, Integer.MAX_VALUE, 4}, 4), IdxType.INT));
    corpus.add(encode(NDArray.of(new float[] {0.5f, -1e30f, Float.NaN, 3}, 2, 2), IdxType.FLOAT));
    corpus.add(encode(NDArray.of(new double[] {1e-300, -2, 4}, 3, 1), IdxType.DOUBLE));
    corpus.add(encode(NDArray.of(new int[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2}, 3, 2, 2), IdxType.UBYTE));
    return corpus;
  }

  private static byte[] encode(NDArray array, IdxType type) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IdxWriter.write(out, array, type);
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] plain) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(plain);
    }
    return out.toByteArray();
  }

  /** What a read array holds must write back, as the file's type, to an array with the same elements. */
  private static void checkArray(NDArray array, IdxType type) throws IOException {
    assertTrue(array.rank() >= 1 && array.rank() <= IdxReader.MAX_RANK, array.shape().toString());
    byte[] written = encode(array, type);
    NDArray back = IdxReader.read(new ByteArrayInputStream(written), "round trip", IdxValues.AS_STORED);
    assertEquals(array.shape(), back.shape());
    assertArrayEquals(array.toDoubleArray(), back.toDoubleArray());
  }

  private Fuzz.Report run(String format, List<byte[]> corpus, int inputs, Path file) {
    return new Fuzz(format, corpus, 48, 31).run(inputs, input -> {
      Fuzz.overwrite(file, input);
      NDArray array = IdxReader.read(file, IdxValues.AS_STORED, LIMIT);
      // The stream reader, converting to float32, must agree on the shape.
      assertEquals(array.shape(), IdxReader.read(new ByteArrayInputStream(input), file.toString(), IdxValues.FLOAT32, LIMIT).shape());
      checkArray(array, IdxReader.readHeader(file).type());
      return array;
    }, result -> { }, error -> error instanceof IdxFormatException, file.toString(), ALLOCATION_BUDGET);
  }

  @Test
  @Timeout(60)
  void mutatedPlainFilesReadOrFailNamingTheFile() throws IOException {
    Fuzz.Report report = run("idx", plainCorpus(), PLAIN_INPUTS, dir.resolve("fuzz-idx3-ubyte"));
    System.out.println(report);
    assertEquals(Map.of(), report.crashes(), report::toString);
    assertTrue(report.parsed() > PLAIN_INPUTS / 50 && report.refused() > PLAIN_INPUTS / 2, report::toString);
  }

  @Test
  @Timeout(60)
  void mutatedGzipFilesReadOrFailNamingTheFile() throws IOException {
    List<byte[]> corpus = new ArrayList<>();
    for (byte[] plain : plainCorpus()) {
      corpus.add(gzip(plain));
    }
    Fuzz.Report report = run("idx.gz", corpus, GZIP_INPUTS, dir.resolve("fuzz-idx3-ubyte.gz"));
    System.out.println(report);
    assertEquals(Map.of(), report.crashes(), report::toString);
    assertTrue(report.parsed() > GZIP_INPUTS / 200 && report.refused() > GZIP_INPUTS / 2, report::toString);
  }
}
