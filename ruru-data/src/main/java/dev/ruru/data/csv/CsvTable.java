package dev.ruru.data.csv;

import java.io.IOException;
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
