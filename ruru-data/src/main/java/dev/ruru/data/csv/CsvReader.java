package dev.ruru.data.csv;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.StrictUtf8;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a CSV file of numeric features and one label column into a dataset.
 *
 * <p>Every row must have as many cells as the first (the header, if any); every feature cell must be a
 * finite decimal number such as {@code 3}, {@code -0.5} or {@code 1e-3} (Java's looser forms like
 * {@code 1f}, {@code NaN} or hexadecimal are refused). Errors name the file, the line (1-based, counting
 * blank lines) and the column (1-based, with its header name).
 *
 * <pre>{@code
 * CsvData iris = CsvReader.read(Path.of("iris.csv"), CsvFormat.withHeader(LabelColumn.named("species")));
 * ArrayDataset data = iris.dataset();       // features [150, 4] float32, labels [150] int64
 * }</pre>
 */
public final class CsvReader {
  static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");

  private CsvReader() {}

  /** Reads {@code file}, which must be UTF-8: other bytes fail with their line and byte offset. */
  public static CsvData read(Path file, CsvFormat format) throws IOException {
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
    return read(new StringReader(decode(bytes, source)), source, format);
  }

  /**
   * {@code bytes} as UTF-8, strictly. A decoding Reader fails with a MalformedInputException that names
   * neither the file nor the place, and it decodes thousands of characters ahead of the line being read.
   */
  static String decode(byte[] bytes, String source) {
    return StrictUtf8.decode(bytes, (offset, bad) -> {
      int line = 1;
      for (int i = 0; i < offset; i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      return new CsvFormatException(source, "not valid UTF-8: line " + line + " has the bytes " + bad + " (at byte offset " + offset
          + "), which are not a UTF-8 character; " + StrictUtf8.HINT);
    });
  }

  /** Reads CSV text from {@code in}, named {@code source} in messages; the reader is not closed. */
  public static CsvData read(Reader in, String source, CsvFormat format) throws IOException {
    BufferedReader lines = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
    Table table = new Table(source, format);
    int lineNumber = 0;
    for (String line; (line = lines.readLine()) != null; ) {
      lineNumber++;
      if (lineNumber == 1 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (!line.isBlank()) {
        table.accept(lineNumber, cells(line, format.separator()));
      }
    }
    return table.finish();
  }

  /** The cells of one line: split at the separator, trimmed, one pair of surrounding quotes removed. */
  static String[] cells(String line, char separator) {
    List<String> cells = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= line.length(); i++) {
      if (i == line.length() || line.charAt(i) == separator) {
        String cell = line.substring(start, i).strip();
        if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
          cell = cell.substring(1, cell.length() - 1).strip();
        }
        cells.add(cell);
        start = i + 1;
      }
    }
    return cells.toArray(String[]::new);
  }

  /** Rows as they arrive: the column layout from the first, then features and label text per row. */
  private static final class Table {
    private final String source;
    private final CsvFormat format;
    private String[] names;
    private int labelColumn = -1;
    private int firstLine;
    private double[] features = new double[1024];
    private int featureCount;
    private final List<String> labels = new ArrayList<>();
    private final List<Integer> labelLines = new ArrayList<>();

    Table(String source, CsvFormat format) {
      this.source = source;
      this.format = format;
    }

    void accept(int line, String[] cells) {
      if (names == null) {
        layout(line, cells);
        if (format.header() == Header.PRESENT) {
          return;
        }
      }
      if (cells.length != names.length) {
        throw new CsvFormatException(source, "line " + line + " has " + cells.length + " columns, expected " + names.length
            + " (as line " + firstLine + ")");
      }
      for (int column = 0; column < cells.length; column++) {
        if (column == labelColumn) {
          labels.add(cells[column]);
          labelLines.add(line);
        } else {
          addFeature(parse(line, column, cells[column]));
        }
      }
    }

    private void layout(int line, String[] cells) {
      firstLine = line;
      names = new String[cells.length];
      for (int column = 0; column < cells.length; column++) {
        names[column] = format.header() == Header.PRESENT ? cells[column] : "column" + (column + 1);
      }
      if (cells.length < 2) {
        throw new CsvFormatException(source, "line " + line + " has " + cells.length + " column; need at least one feature and a label");
      }
      labelColumn = format.label().byName() ? Arrays.asList(names).indexOf(format.label().name()) : normalise(format.label().index());
      if (labelColumn < 0) {
        throw new CsvFormatException(source, "no label column " + format.label() + " in the header " + Arrays.toString(names));
      }
    }

    private int normalise(int index) {
      int column = index < 0 ? index + names.length : index;
      if (column < 0 || column >= names.length) {
        throw new CsvFormatException(source, "label column index " + index + " is outside the " + names.length + " columns");
      }
      return column;
    }

    private double parse(int line, int column, String cell) {
      if (!NUMBER.matcher(cell).matches()) {
        String problem = cell.isEmpty() ? "the cell is empty; expected a number" : "'" + cell + "' is not a number";
        throw new CsvFormatException(source, "line " + line + ", column " + (column + 1) + " ('" + names[column] + "'): " + problem);
      }
      double value = Double.parseDouble(cell);
      String where = "line " + line + ", column " + (column + 1) + " ('" + names[column] + "'): '" + cell + "'";
      if (Double.isInfinite(value)) {
        throw new CsvFormatException(source, where + " is too large for a double");
      }
      // Finite as a double is not finite as a float: 1e39 would become Infinity in a float32 feature.
      if (format.featureType() == DType.FLOAT32 && Float.isInfinite((float) value)) {
        throw new CsvFormatException(source, where + " is too large for a float32 feature (at most " + Float.MAX_VALUE
            + "); read the features as float64");
      }
      return value;
    }

    private void addFeature(double value) {
      if (featureCount == features.length) {
        features = Arrays.copyOf(features, features.length * 2);
      }
      features[featureCount++] = value;
    }

    CsvData finish() {
      if (labels.isEmpty()) {
        throw new CsvFormatException(source, "no data rows");
      }
      int rows = labels.size();
      int columns = names.length - 1;
      NDArray x = NDArray.of(Arrays.copyOf(features, featureCount), rows, columns);
      x = format.featureType() == DType.FLOAT64 ? x : x.astype(format.featureType());
      List<String> featureNames = new ArrayList<>(Arrays.asList(names));
      featureNames.remove(labelColumn);
      List<String> classNames = new ArrayList<>();
      long[] y = encodeLabels(classNames);
      return new CsvData(new ArrayDataset(x, NDArray.of(y, rows)), featureNames, classNames);
    }

    /** Integer labels as they are; otherwise the sorted distinct texts, each label its index among them. */
    private long[] encodeLabels(List<String> classNames) {
      long[] y = new long[labels.size()];
      boolean integers = labels.stream().allMatch(label -> INTEGER.matcher(label).matches());
      if (integers) {
        for (int i = 0; i < y.length; i++) {
          y[i] = Long.parseLong(labels.get(i));
        }
        return y;
      }
      for (int i = 0; i < y.length; i++) {
        if (labels.get(i).isEmpty()) {
          throw new CsvFormatException(source, "line " + labelLines.get(i) + ", column " + (labelColumn + 1) + " ('"
              + names[labelColumn] + "'): the label is empty");
        }
      }
      classNames.addAll(new TreeSet<>(labels));
      for (int i = 0; i < y.length; i++) {
        y[i] = Collections.binarySearch(classNames, labels.get(i));
      }
      return y;
    }
  }
}
