package dev.ruru.data.csv;

/**
 * Which column holds the label: by header name ({@link #named(String)}) or by 0-based index
 * ({@link #at(int)}; negative counts from the end, so {@code at(-1)} is the last column).
 */
public record LabelColumn(String name, int index) {
  /** The column whose header is {@code name} (the file needs a header). */
  public static LabelColumn named(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("LabelColumn: name must not be blank");
    }
    return new LabelColumn(name, 0);
  }

  /** The column at {@code index}, 0-based; negative counts from the end. */
  public static LabelColumn at(int index) {
    return new LabelColumn(null, index);
  }

  /** Whether the column is chosen by name. */
  public boolean byName() {
    return name != null;
  }

  @Override
  public String toString() {
    return byName() ? "'" + name + "'" : "index " + index;
  }
}
