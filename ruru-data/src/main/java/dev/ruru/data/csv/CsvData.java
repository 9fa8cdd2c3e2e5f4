package dev.ruru.data.csv;

import dev.ruru.data.ArrayDataset;
import java.util.List;

/**
 * A dataset read from CSV: features {@code [rows, columns − 1]}, labels {@code [rows]} int64, the feature
 * column names (from the header, or {@code column1, column2, ...} by 1-based position), and the class
 * names for text labels (label {@code i} is {@code classNames().get(i)}; empty when the labels were
 * integers already).
 */
public record CsvData(ArrayDataset dataset, List<String> featureNames, List<String> classNames) {
  public CsvData {
    featureNames = List.copyOf(featureNames);
    classNames = List.copyOf(classNames);
  }
}
