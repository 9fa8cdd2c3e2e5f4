package dev.ruru.data.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Fuzz;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated CSV files (see {@link Fuzz}) either read as a dataset whose features are finite and whose rows
 * match its labels, or fail with a {@link CsvFormatException} naming the file.
 */
class CsvFuzzTest {
  static final int INPUTS = 2000;
  private static final long ALLOCATION_BUDGET = 2L << 20;

  @TempDir Path dir;

  @Test
  @Timeout(60)
  void mutatedCsvFilesReadOrFailNamingTheFile() {
    List<byte[]> corpus = List.of(
        "sepal_length,sepal_width,species\n5.1,3.5,setosa\n4.9,3.0,setosa\n6.2,2.9,versicolor\n".getBytes(StandardCharsets.UTF_8),
        "x1,x2,x3,label\n1,2,3,0\n-4.5e-3,\"5\",6,1\n\n7,8,.9,2\n".getBytes(StandardCharsets.UTF_8),
        "\uFEFFa,b,label\n1e3,2,caf\u00e9\n3,4,th\u00e9\n".getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("data.csv");
    CsvFormat format = CsvFormat.withHeader(LabelColumn.at(-1));
    Fuzz.Report report = new Fuzz("csv", corpus, Integer.MAX_VALUE, 43).run(INPUTS, input -> {
      Fuzz.overwrite(file, input);
      return CsvReader.read(file, format);
    }, result -> {
      CsvData data = (CsvData) result;
      NDArray features = data.dataset().features();
      assertEquals(data.dataset().labels().dim(0), features.dim(0));
      assertEquals(data.featureNames().size(), features.dim(1));
      for (double value : features.toDoubleArray()) {
        assertTrue(Double.isFinite(value), "feature " + value);
      }
    }, error -> error instanceof CsvFormatException, file.toString(), ALLOCATION_BUDGET);
    System.out.println(report);
    assertEquals(Map.of(), report.crashes(), report::toString);
    assertTrue(report.parsed() > INPUTS / 50 && report.refused() > INPUTS / 10, report::toString);
  }
}
