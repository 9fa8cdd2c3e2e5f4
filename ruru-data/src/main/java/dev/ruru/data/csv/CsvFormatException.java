package dev.ruru.data.csv;

import dev.ruru.data.DataFileException;

/**
 * A CSV file that cannot be read as a dataset. The message reads
 * {@code csv: <file>: line <l>, column <c> ('<name>'): <problem>} when a cell is at fault.
 */
public final class CsvFormatException extends DataFileException {
  private static final long serialVersionUID = 1L;

  public CsvFormatException(String source, String problem) {
    super("csv", source, problem);
  }
}
