package dev.ruru.models.anomaly;

import dev.ruru.array.NDArray;
import dev.ruru.data.Standardizer;
import dev.ruru.data.csv.CsvTable;

/**
 * A detector of table rows: each numeric column is standardised with the normal training rows' mean
 * and standard deviation (so a column in metres weighs no more than one in millimetres), and the
 * standardised rows go to {@code detector}.
 *
 * <pre>{@code
 * Standardizer columns = Standardizer.fit(normalRows);                     // [n, features]
 * AnomalyDetector detector = new TabularDetector(columns, PcaDetector.fit(columns.apply(normalRows), 4));
 * }</pre>
 *
 * @param standardizer the normal training rows' column statistics, [features] each
 * @param detector the detector fitted on the standardised rows
 */
public record TabularDetector(Standardizer standardizer, AnomalyDetector detector) implements AnomalyDetector {
  @Override
  public NDArray scores(NDArray inputs) {
    return detector.scores(standardizer.apply(inputs));
  }

  /**
   * The numeric rows of {@code table} as float32 [rows, columns], every column but {@code leftOut} (a
   * label column, or null when the table has none), for {@link #scores}.
   *
   * @throws IllegalArgumentException naming the line and column of a cell that is not a number
   */
  public static NDArray rows(CsvTable table, String leftOut) {
    int skipped = leftOut == null || !table.header().contains(leftOut) ? -1 : table.column(leftOut);
    int columns = table.header().size() - (skipped < 0 ? 0 : 1);
    float[] values = new float[table.rows().size() * columns];
    int at = 0;
    for (int r = 0; r < table.rows().size(); r++) {
      String[] cells = table.rows().get(r);
      for (int c = 0; c < cells.length; c++) {
        if (c == skipped) {
          continue;
        }
        if (!CsvTable.isNumber(cells[c].strip())) {
          throw new IllegalArgumentException("anomaly score: " + table.source() + ", " + table.where(r, c) + ": '" + cells[c]
              + "' is not a number; the detector takes numeric columns (name the label column with --label-column)");
        }
        values[at++] = Float.parseFloat(cells[c].strip());
      }
    }
    return NDArray.wrap(values, table.rows().size(), columns);
  }

  /** The number of columns the detector takes. */
  public int features() {
    return standardizer.mean().dim(0);
  }

  @Override
  public String describe() {
    return detector.describe() + " of " + features() + " standardised columns";
  }
}
