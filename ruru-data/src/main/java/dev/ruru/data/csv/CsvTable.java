package dev.ruru.data.csv;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV file as text cells under its header, each row with the line it came from, for data whose columns
 * are not all numbers (categories such as {@code "red"} beside measurements). The same rules as
 * {@link CsvReader}: UTF-8, a header line, cells trimmed and unquoted, blank lines skipped, and every row
 * with as many cells as the header, else an error naming the line.
 *
 * <pre>{@code
 * CsvTable table = CsvTable.read(Path.of("houses.csv"), ',');
 * int price = table.column("price");          // refused, naming the header, when absent
 * String first = table.rows().get(0)[price];
 * }</pre>
 *
 * @param source the file's name in messages
 * @param header the column names, from the first non-blank line
 * @param rows the cells of each data row
 * @param lines the 1-based line of each row, for messages
 */
public record CsvTable(String source, List<String> header, List<String[]> rows, int[] lines) {
  public CsvTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
    lines = lines.clone();
  }

  @Override
  public int[] lines() {
    return lines.clone();
  }

  /** Reads {@code file}, which must be UTF-8 with a header line and at least one data row. */
  public static CsvTable read(Path file, char separator) throws IOException {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new CsvFormatException(source, "is a directory, not a file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(source, null, "no such file");
    }
    return parse(CsvReader.decode(bytes, source), source, separator);
  }

  /**
   * The header and the rows whose lines start within bytes {@code [start, end)} of {@code file}, reading
   * only the header's bytes and the range's (up to the end of its last line): shard {@code i} of {@code P}
   * is {@code [i·size/P, (i+1)·size/P)}, and the shards' rows together are the file's, each once, in order,
   * as Hadoop's text splits. A line that begins before {@code start} is the previous range's. Lines in
   * messages count from the range's first line; the source names the range.
   */
  public static CsvTable readRange(Path file, char separator, long start, long end) throws IOException {
    if (Files.isDirectory(file)) {
      throw new CsvFormatException(file.toString(), "is a directory, not a file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return readRange(in, file.toString(), separator, start, end);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
  }

  /** As {@link #readRange(Path, char, long, long)} from {@code in} at the file's first byte (skipping is seeking on a file); not closed. */
  public static CsvTable readRange(InputStream in, String source, char separator, long start, long end) throws IOException {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("CsvTable.readRange: expected 0 <= start <= end, got [" + start + ", " + end + ") of " + source);
    }
    // The header byte by byte and the skip straight on the file (a seek), so that no buffer reads ahead of the range.
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    long position = 0;
    do {
      header.reset();
      long read = readLine(in, header);
      position += read;
      if (read == 0) {
        break;
      }
    } while (header.toString(StandardCharsets.UTF_8).isBlank());
    InputStream data = new BufferedInputStream(in, 1 << 13);
    if (start > position) {
      in.skipNBytes(start - 1 - position);
      // The byte before the range: a newline makes start a line's first byte; else that line is the previous range's.
      position = start - 1 + readLine(data, OutputStream.nullOutputStream());
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (long read = 1; position < end && read > 0; position += read) {
      read = readLine(data, body);
    }
    String name = source + " (bytes " + start + " to " + end + ")";
    return parse(CsvReader.decode(header.toByteArray(), name) + "\n" + CsvReader.decode(body.toByteArray(), name), name, separator);
  }

  /** Copies one line, its newline included, from {@code in} to {@code out}; returns its bytes (0 at the end). */
  private static long readLine(InputStream in, OutputStream out) throws IOException {
    long count = 0;
    for (int b; (b = in.read()) >= 0; ) {
      out.write(b);
      count++;
      if (b == '\n') {
        break;
      }
    }
    return count;
  }

  /** Parses CSV {@code text}, named {@code source} in messages. */
  public static CsvTable parse(String text, String source, char separator) {
    String[] header = null;
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    String[] all = text.split("\r?\n", -1);
    for (int i = 0; i < all.length; i++) {
      String line = i == 0 && all[i].startsWith("\uFEFF") ? all[i].substring(1) : all[i];
      if (line.isBlank()) {
        continue;
      }
      String[] cells = CsvReader.cells(line, separator);
      if (header == null) {
        header = cells;
        continue;
      }
      if (cells.length != header.length) {
        throw new CsvFormatException(source, "line " + (i + 1) + " has " + cells.length + " fields, expected " + header.length
            + " as in the header " + Arrays.toString(header));
      }
      rows.add(cells);
      lines.add(i + 1);
    }
    if (header == null || rows.isEmpty()) {
      throw new CsvFormatException(source, header == null ? "the file is empty; expected a header line and data rows" : "no data rows under the header");
    }
    return new CsvTable(source, Arrays.asList(header), rows, lines.stream().mapToInt(Integer::intValue).toArray());
  }

  /** The index of the column named {@code name}; refused, naming the header, when there is none. */
  public int column(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new CsvFormatException(source, "no column '" + name + "' in the header " + header);
    }
    return index;
  }

  /** Whether {@code cell} is a decimal number as CSV files write them ({@code 3}, {@code -0.5}, {@code 1e-3}). */
  public static boolean isNumber(String cell) {
    return CsvReader.NUMBER.matcher(cell).matches();
  }

  /** {@code "line 7, column 3 ('age')"}: where a cell is, for messages. */
  public String where(int row, int column) {
    return "line " + lines[row] + ", column " + (column + 1) + " ('" + header.get(column) + "')";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CsvTable table && source.equals(table.source) && header.equals(table.header)
        && Arrays.equals(lines, table.lines) && rows.size() == table.rows.size()
        && java.util.stream.IntStream.range(0, rows.size()).allMatch(i -> Arrays.equals(rows.get(i), table.rows.get(i)));
  }

  @Override
  public int hashCode() {
    return 31 * header.hashCode() + Arrays.hashCode(lines);
  }

  @Override
  public String toString() {
    return "CsvTable[" + source + ", " + header + ", " + rows.size() + " rows]";
  }
}
