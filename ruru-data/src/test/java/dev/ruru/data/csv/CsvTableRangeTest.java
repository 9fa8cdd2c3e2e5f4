package dev.ruru.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.io.CountingInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CsvTable.readRange: byte-range shards of a CSV file, each read without the rest of the file. */
class CsvTableRangeTest {
  @TempDir Path directory;

  /** A header and {@code rows} rows of varying length, some with a non-ASCII category. */
  private static String text(int rows) {
    StringBuilder text = new StringBuilder("area,district,price\n");
    Random random = new Random(3);
    String[] districts = {"north", "süd", "east-by-north-east"};
    for (int i = 0; i < rows; i++) {
      text.append(random.nextInt(100_000)).append(',').append(districts[random.nextInt(3)]).append(',').append(i).append(i % 7 == 0 ? "\r\n" : "\n");
    }
    return text.toString();
  }

  @Test
  void theShardsTogetherAreTheFilesRowsEachOnceInOrder() throws IOException {
    Path file = directory.resolve("houses.csv");
    Files.writeString(file, text(200));
    CsvTable whole = CsvTable.read(file, ',');
    long size = Files.size(file);
    for (int count : new int[] {1, 2, 3, 7, 16}) {
      List<String> rows = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        CsvTable shard = CsvTable.readRange(file, ',', i * size / count, (i + 1) * size / count);
        assertEquals(whole.header(), shard.header());
        shard.rows().forEach(row -> rows.add(String.join(",", row)));
      }
      assertEquals(whole.rows().stream().map(row -> String.join(",", row)).toList(), rows, count + " shards");
    }
  }

  @Test
  void aShardReadsTheHeaderAndItsRangeAndSeeksOverTheRest() throws IOException {
    byte[] bytes = text(4000).getBytes(StandardCharsets.UTF_8);
    long start = bytes.length * 5L / 10;
    long end = bytes.length * 6L / 10;
    CountingInputStream counting = new CountingInputStream(new ByteArrayInputStream(bytes));
    CsvTable shard = CsvTable.readRange(counting, "houses", ',', start, end);
    assertTrue(shard.rows().size() > 300, shard.toString());
    // The header, the range, the end of its last line and at most one 8 KiB buffer ahead; about a tenth of the file.
    assertTrue(counting.bytesRead() <= 20 + (end - start) + 40 + (1 << 13), counting.bytesRead() + " of " + bytes.length + " bytes read");
    assertEquals(start - 1 - 20, counting.bytesSkipped(), "bytes skipped: all before the range but the header and the byte before it");
  }

  @Test
  void refusesABackwardRangeAndNamesTheRangeInErrors() throws IOException {
    Path file = directory.resolve("bad.csv");
    Files.writeString(file, "a,b\n1,2\n3\n");
    IllegalArgumentException backward = assertThrows(IllegalArgumentException.class, () -> CsvTable.readRange(file, ',', 5, 4));
    assertEquals("CsvTable.readRange: expected 0 <= start <= end, got [5, 4) of " + file, backward.getMessage());
    CsvFormatException short_ = assertThrows(CsvFormatException.class, () -> CsvTable.readRange(file, ',', 0, 11));
    assertTrue(short_.getMessage().contains(file + " (bytes 0 to 11)"), short_.getMessage());
    assertArrayEquals(new String[] {"1", "2"}, CsvTable.readRange(file, ',', 0, 5).rows().get(0));
  }
}
