package dev.ruru.models.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableShardsTest {
  @TempDir Path directory;

  @Test
  void rowStartsSkipTheHeaderAndBlankLinesAsTheParserDoes() {
    byte[] bytes = "\na,b\n1,2\n\n  \n3,4\r\n5,6".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(new long[] {5, 13, 18}, TableShards.rowStarts(bytes));
  }

  @Test
  void theShardsTogetherAreTheTrainingRowsEncodedAsTheDriverEncodesThem() throws IOException {
    Path csv = directory.resolve("t.csv");
    StringBuilder text = new StringBuilder("x,kind,y\n");
    for (int i = 0; i < 40; i++) {
      text.append(i).append(',').append(i % 3 == 0 ? "a" : "bb").append(',').append(2 * i + 1).append('\n');
    }
    Files.writeString(csv, text);
    // Rows 0, 5, 10, ... are the training part here; the encoding is fitted on them.
    int[] training = java.util.stream.IntStream.range(0, 8).map(i -> 5 * i).toArray();
    TableEncoding encoding = TableEncoding.fit(dev.ruru.data.csv.CsvTable.read(csv, ','), "y", Optional.of(TableTask.REGRESSION), training);
    TableShards shards = TableShards.of(csv, training, encoding);
    double[] together = new double[0];
    int rows = 0;
    for (int i = 0; i < 3; i++) {
      Dataset shard = shards.shard(i, 3);
      rows += shard.size();
      double[] targets = shard.batch(java.util.stream.IntStream.range(0, shard.size()).toArray()).labels().toDoubleArray();
      together = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(together), java.util.Arrays.stream(targets)).toArray();
    }
    assertEquals(8, rows);
    double[] expected = encoding.targets(dev.ruru.data.csv.CsvTable.read(csv, ',')).toDoubleArray();
    double[] picked = java.util.Arrays.stream(training).mapToDouble(row -> expected[row]).toArray();
    assertArrayEquals(picked, together, 0.0);
  }
}
