package dev.ruru.data.idx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.CountingInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading some records of an IDX file: what each Spark executor does with its shard of a data set. */
class IdxRowsTest {
  private static final int RECORD = 3 * 4;

  @TempDir
  Path dir;

  /** 10 records of [3, 4] unsigned bytes, record r holding r * 12 + i. */
  private static NDArray images() {
    int[] values = new int[10 * RECORD];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 256;
    }
    return NDArray.wrap(values, 10, 3, 4);
  }

  private Path write(Compression compression) throws IOException {
    Path file = dir.resolve("images" + compression);
    IdxWriter.write(file, images(), IdxType.UBYTE, compression);
    return file;
  }

  @Test
  void recordsEqualTheSameRowsOfTheWholeFilePlainOrGzip() throws IOException {
    for (Compression compression : Compression.values()) {
      Path file = write(compression);
      NDArray whole = IdxReader.read(file, IdxValues.AS_STORED);
      NDArray rows = IdxReader.readRows(file, IdxValues.AS_STORED, 4, 7);
      assertEquals(Arrays.asList(3, 3, 4), Arrays.stream(rows.shape().dims()).boxed().toList(), compression.toString());
      assertTrue(Arrays.equals(whole.slice(0, 4, 7, 1).toIntArray(), rows.toIntArray()), compression.toString());
    }
  }

  @Test
  void aPlainFileIsReadOnlyInTheHeaderAndTheRecordsAsked() throws IOException {
    byte[] bytes = Files.readAllBytes(write(Compression.NONE));
    CountingInputStream counting = new CountingInputStream(new ByteArrayInputStream(bytes));
    IdxReader.readRows(counting, "images", IdxValues.AS_STORED, 6, 8);
    int header = 4 + 3 * 4;
    assertEquals(header + 2 * RECORD, counting.bytesRead(), "bytes read");
    assertEquals(6 * RECORD, counting.bytesSkipped(), "bytes skipped");
  }

  @Test
  void aFileCutAfterTheRecordsStillServesThem() throws IOException {
    byte[] bytes = Files.readAllBytes(write(Compression.NONE));
    int header = 4 + 3 * 4;
    byte[] cut = Arrays.copyOf(bytes, header + 5 * RECORD);
    NDArray rows = IdxReader.readRows(new ByteArrayInputStream(cut), "cut", IdxValues.AS_STORED, 0, 5);
    assertEquals(5, rows.dim(0));
    IdxFormatException beyond = assertThrows(IdxFormatException.class,
        () -> IdxReader.readRows(new ByteArrayInputStream(cut), "cut", IdxValues.AS_STORED, 4, 8));
    assertTrue(beyond.getMessage().contains("truncated: records [4, 8)"), beyond.getMessage());
    IdxFormatException before = assertThrows(IdxFormatException.class,
        () -> IdxReader.readRows(new ByteArrayInputStream(cut), "cut", IdxValues.AS_STORED, 6, 8));
    assertTrue(before.getMessage().contains("ends before record 6"), before.getMessage());
    assertThrows(IdxFormatException.class, () -> IdxReader.read(new ByteArrayInputStream(cut), "cut", IdxValues.AS_STORED));
  }

  @Test
  void recordsOutsideTheFileAreRefusedWithTheRange() throws IOException {
    Path file = write(Compression.NONE);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> IdxReader.readRows(file, IdxValues.AS_STORED, 8, 11));
    assertEquals("IdxReader.readRows: expected 0 <= from <= to <= 10 (the records of " + file + "), got [8, 11)", error.getMessage());
  }
}
