package dev.ruru.models.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.data.Dataset;
import dev.ruru.data.csv.CsvTable;
import dev.ruru.models.run.ShardedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table's training rows, sharded so that each worker reads only its byte range of the CSV file: shard
 * {@code i} of {@code P} is the training rows whose lines start in bytes {@code [i·size/P, (i+1)·size/P)}
 * ({@link CsvTable#readRange}), encoded with the driver's encoding (its standardisation needs every
 * training row, so the driver fits it and sends it). The driver, which reads the whole file for its
 * validation and test rows anyway, also sends where each row's line starts, so that a worker knows the
 * numbers of its rows and keeps those of the run's training part; the shards together are the training
 * part, in the file's order.
 *
 * <p>What a worker receives: the file's path (every node reaches it) and size, the byte offset of each data
 * row's line, whether each row is a training row, and the encoding's JSON as model.json holds it.
 */
final class TableShards implements ShardedData {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String csv;
  private final long size;
  private final long[] rowStarts;
  private final boolean[] training;
  private final String encoding;

  private TableShards(String csv, long size, long[] rowStarts, boolean[] training, String encoding) {
    this.csv = csv;
    this.size = size;
    this.rowStarts = rowStarts;
    this.training = training;
    this.encoding = encoding;
  }

  /** The shards of {@code file}'s rows {@code trainingRows} under {@code encoding}, which the driver fitted. */
  static TableShards of(Path file, int[] trainingRows, TableEncoding encoding) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    long[] starts = rowStarts(bytes);
    boolean[] training = new boolean[starts.length];
    for (int row : trainingRows) {
      training[row] = true;
    }
    return new TableShards(file.toAbsolutePath().toString(), bytes.length, starts, training, toJson(encoding));
  }

  /** {@code encoding} as model.json holds it: what the workers receive. */
  static String toJson(TableEncoding encoding) {
    ObjectNode node = JSON.createObjectNode();
    encoding.writeTo(node);
    return node.toString();
  }

  /** The encoding {@link #toJson} wrote. */
  static TableEncoding fromJson(String json) {
    try {
      return TableEncoding.readFrom(JSON.readTree(json), "the run's encoding");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("table: the run's encoding is unreadable: " + e.getMessage(), e);
    }
  }

  /** Where each data row's line starts: every non-blank line after the first non-blank one (the header), as {@link CsvTable#parse} counts rows. */
  static long[] rowStarts(byte[] bytes) {
    List<Long> starts = new ArrayList<>();
    boolean header = true;
    for (int start = 0; start < bytes.length; ) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      if (!new String(bytes, start, end - start, StandardCharsets.UTF_8).isBlank()) {
        if (!header) {
          starts.add((long) start);
        }
        header = false;
      }
      start = end + 1;
    }
    return starts.stream().mapToLong(Long::longValue).toArray();
  }

  @Override
  public Dataset shard(int index, int count) throws IOException {
    long[] range = {(long) index * size / count, (long) (index + 1) * size / count};
    ShardedData.range(1, index, count); // checks index and count
    Path file = Path.of(csv);
    if (Files.size(file) != size) {
      throw new IllegalStateException("table: " + csv + " has " + Files.size(file) + " bytes on this worker, " + size + " on the driver;"
          + " every node must reach the same file");
    }
    CsvTable rows = CsvTable.readRange(file, ',', range[0], range[1]);
    int first = firstAtOrAfter(range[0]);
    if (firstAtOrAfter(range[1]) - first != rows.rows().size()) {
      throw new IllegalStateException("table: bytes " + range[0] + " to " + range[1] + " of " + csv + " hold " + rows.rows().size()
          + " rows on this worker, " + (firstAtOrAfter(range[1]) - first) + " on the driver; every node must reach the same file");
    }
    List<String[]> kept = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (int k = 0; k < rows.rows().size(); k++) {
      if (training[first + k]) {
        kept.add(rows.rows().get(k));
        lines.add(rows.lines()[k]);
      }
    }
    CsvTable part = new CsvTable(rows.source(), rows.header(), kept, lines.stream().mapToInt(Integer::intValue).toArray());
    TableEncoding fitted = fromJson(encoding);
    return new TableRun.Rows(fitted.features(part), fitted.targets(part));
  }

  /** The first row whose line starts at or after byte {@code offset}. */
  private int firstAtOrAfter(long offset) {
    int found = Arrays.binarySearch(rowStarts, offset);
    return found >= 0 ? found : -found - 1;
  }

  @Override
  public String describe() {
    return csv;
  }
}
