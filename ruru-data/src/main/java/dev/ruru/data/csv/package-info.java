/**
 * Datasets from CSV files: numeric feature columns and one label column, chosen by name or by index,
 * with or without a header line ({@link dev.ruru.data.csv.CsvFormat}). Labels that are all integers are
 * used as they are; text labels become class indices in sorted order, with the names kept
 * ({@link dev.ruru.data.csv.CsvData#classNames()}). A cell that is not a number or a row of the wrong
 * length fails with a {@link dev.ruru.data.csv.CsvFormatException} naming the line and the column.
 */
package dev.ruru.data.csv;
