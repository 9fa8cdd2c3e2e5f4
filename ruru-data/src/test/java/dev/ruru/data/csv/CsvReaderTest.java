package dev.ruru.data.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.DType;
import dev.ruru.array.Shape;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  @TempDir
  Path dir;

  private static final String IRIS = """
      sepal_length,sepal_width,species,petal_length
      5.1,3.5,setosa,1.4
      7.0,3.2,versicolor,4.7

      6.3,3.3,virginica,6.0
      4.9,3.0,setosa,1.4
      """;

  static CsvData read(String text, CsvFormat format) throws IOException {
    return CsvReader.read(new StringReader(text), "test.csv", format);
  }

  static String failure(String text, CsvFormat format) {
    return assertThrows(CsvFormatException.class, () -> read(text, format)).getMessage();
  }

  @Test
  void namedTextLabelsBecomeSortedClassIndices() throws IOException {
    CsvData data = read(IRIS, CsvFormat.withHeader(LabelColumn.named("species")));
    assertEquals(List.of("sepal_length", "sepal_width", "petal_length"), data.featureNames());
    assertEquals(List.of("setosa", "versicolor", "virginica"), data.classNames());
    assertEquals(Shape.of(4, 3), data.dataset().features().shape());
    assertEquals(DType.FLOAT32, data.dataset().features().dtype());
    assertArrayEquals(new float[] {5.1f, 3.5f, 1.4f, 7.0f, 3.2f, 4.7f, 6.3f, 3.3f, 6.0f, 4.9f, 3.0f, 1.4f},
        data.dataset().features().toFloatArray());
    assertArrayEquals(new long[] {0, 1, 2, 0}, data.dataset().labels().toLongArray());
  }

  @Test
  void labelByIndexWithoutHeaderKeepsIntegerLabels() throws IOException {
    CsvData data = read("1;0.5;-2e-1\n0;+3;.25\n", CsvFormat.withoutHeader(LabelColumn.at(0)).separator(';').featureType(DType.FLOAT64));
    assertEquals(List.of("column2", "column3"), data.featureNames());
    assertEquals(List.of(), data.classNames());
    assertArrayEquals(new double[] {0.5, -0.2, 3, 0.25}, data.dataset().features().toDoubleArray());
    assertEquals(DType.FLOAT64, data.dataset().features().dtype());
    assertArrayEquals(new long[] {1, 0}, data.dataset().labels().toLongArray());
  }

  @Test
  void negativeIndexCountsFromTheEndAndQuotesAreRemoved() throws IOException {
    CsvData data = read("\"a\",\"b\",\"label\"\n\"1\", 2 ,\"7\"\n", CsvFormat.withHeader(LabelColumn.at(-1)));
    assertEquals(List.of("a", "b"), data.featureNames());
    assertArrayEquals(new float[] {1, 2}, data.dataset().features().toFloatArray());
    assertArrayEquals(new long[] {7}, data.dataset().labels().toLongArray());
  }

  @Test
  void filesAreReadAsUtf8() throws IOException {
    Path file = dir.resolve("data.csv");
    Files.writeString(file, "\uFEFFx,größe\n1,a\n2,b\n");
    CsvData data = CsvReader.read(file, CsvFormat.withHeader(LabelColumn.named("größe")));
    assertEquals(List.of("x"), data.featureNames());
    assertEquals(List.of("a", "b"), data.classNames());
  }

  @Test
  void bytesThatAreNotUtf8NameTheFileLineAndOffset() throws IOException {
    // Found by CsvFuzzTest: the reader's MalformedInputException said only "Input length = 1".
    Path file = dir.resolve("latin1.csv");
    Files.write(file, "x,label\n1,caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    CsvFormatException error = assertThrows(CsvFormatException.class, () -> CsvReader.read(file, CsvFormat.withHeader(LabelColumn.at(1))));
    assertEquals("csv: " + file + ": not valid UTF-8: line 2 has the bytes e9 (at byte offset 13), which are not a UTF-8 character;"
        + " save the file as UTF-8 (for example: iconv -f latin1 -t utf-8)", error.getMessage());
  }

  @Test
  void aValueBeyondTheFeatureTypeIsRefused() throws IOException {
    // Found by CsvFuzzTest: 1e39 is a finite double but became Infinity as a float32 feature, silently.
    assertEquals("csv: test.csv: line 2, column 1 ('x'): '-1e39' is too large for a float32 feature (at most 3.4028235E38);"
        + " read the features as float64", failure("x,label\n-1e39,0\n", CsvFormat.withHeader(LabelColumn.at(1))));
    CsvData wide = read("x,label\n-1e39,0\n", CsvFormat.withHeader(LabelColumn.at(1)).featureType(dev.ruru.array.DType.FLOAT64));
    assertArrayEquals(new double[] {-1e39}, wide.dataset().features().toDoubleArray());
  }

  @Test
  void aMissingFileOrADirectorySaysSo() {
    CsvFormat format = CsvFormat.withHeader(LabelColumn.at(1));
    Path missing = dir.resolve("missing.csv");
    assertEquals(missing + ": no such file", assertThrows(java.nio.file.NoSuchFileException.class, () -> CsvReader.read(missing, format))
        .getMessage());
    assertEquals("csv: " + dir + ": is a directory, not a file", assertThrows(CsvFormatException.class, () -> CsvReader.read(dir, format))
        .getMessage());
  }

  @Test
  void aCellThatIsNotANumberNamesLineAndColumn() {
    String text = IRIS.replace("6.3,3.3", "6.3,abc");
    assertEquals("csv: test.csv: line 5, column 2 ('sepal_width'): 'abc' is not a number",
        failure(text, CsvFormat.withHeader(LabelColumn.named("species"))));
  }

  @Test
  void javaOnlyNumberFormsAreRefused() {
    assertEquals("csv: test.csv: line 2, column 1 ('column1'): '1f' is not a number",
        failure("1,0\n1f,1\n", CsvFormat.withoutHeader(LabelColumn.at(1))));
    assertEquals("csv: test.csv: line 1, column 1 ('column1'): 'NaN' is not a number",
        failure("NaN,0\n", CsvFormat.withoutHeader(LabelColumn.at(1))));
  }

  @Test
  void anEmptyCellIsReported() {
    assertEquals("csv: test.csv: line 2, column 2 ('y'): the cell is empty; expected a number",
        failure("x,y,label\n1,,0\n", CsvFormat.withHeader(LabelColumn.named("label"))));
  }

  @Test
  void raggedRowsAreReported() {
    assertEquals("csv: test.csv: line 4 has 2 columns, expected 3 (as line 1)",
        failure("x,y,label\n1,2,0\n\n3,1\n", CsvFormat.withHeader(LabelColumn.named("label"))));
  }

  @Test
  void anUnknownLabelColumnIsReported() {
    assertEquals("csv: test.csv: no label column 'class' in the header [x, y, label]",
        failure("x,y,label\n1,2,0\n", CsvFormat.withHeader(LabelColumn.named("class"))));
    assertEquals("csv: test.csv: label column index 3 is outside the 3 columns",
        failure("1,2,0\n", CsvFormat.withoutHeader(LabelColumn.at(3))));
  }

  @Test
  void aHeaderWithoutRowsIsReported() {
    assertEquals("csv: test.csv: no data rows", failure("x,label\n\n", CsvFormat.withHeader(LabelColumn.named("label"))));
  }

  @Test
  void namingALabelWithoutAHeaderIsAFormatError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CsvFormat(Header.ABSENT, LabelColumn.named("label"), ',', DType.FLOAT32));
    assertEquals("CsvFormat: label column 'label' is chosen by name, but the file has no header", e.getMessage());
  }
}
