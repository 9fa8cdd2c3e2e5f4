package dev.ruru.data.csv;

import dev.ruru.array.DType;
import java.util.Objects;

/**
 * How to read a CSV dataset: whether there is a header line, which column is the label, the separator,
 * and the dtype of the features (float32 or float64). Quoted cells are unquoted but may not contain the
 * separator; blank lines are skipped.
 *
 * <pre>{@code
 * CsvFormat format = CsvFormat.withHeader(LabelColumn.named("species"));
 * CsvFormat noHeader = CsvFormat.withoutHeader(LabelColumn.at(-1)).separator(';');
 * }</pre>
 */
public record CsvFormat(Header header, LabelColumn label, char separator, DType featureType) {
  public CsvFormat {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(featureType, "featureType");
    if (!featureType.isFloating()) {
      throw new IllegalArgumentException("CsvFormat: features must be float32 or float64, got " + featureType);
    }
    if (label.byName() && header == Header.ABSENT) {
      throw new IllegalArgumentException("CsvFormat: label column " + label + " is chosen by name, but the file has no header");
    }
    if (separator == '"' || separator == '\n' || separator == '\r') {
      throw new IllegalArgumentException("CsvFormat: separator cannot be " + (separator == '"' ? "a quote" : "a line break"));
    }
  }

  /** A comma-separated file with a header line, float32 features. */
  public static CsvFormat withHeader(LabelColumn label) {
    return new CsvFormat(Header.PRESENT, label, ',', DType.FLOAT32);
  }

  /** A comma-separated file without a header line, float32 features. */
  public static CsvFormat withoutHeader(LabelColumn label) {
    return new CsvFormat(Header.ABSENT, label, ',', DType.FLOAT32);
  }

  /** This format with another separator, such as {@code ';'} or {@code '\t'}. */
  public CsvFormat separator(char newSeparator) {
    return new CsvFormat(header, label, newSeparator, featureType);
  }

  /** This format with features of {@code type} (float32 or float64). */
  public CsvFormat featureType(DType type) {
    return new CsvFormat(header, label, separator, type);
  }
}
