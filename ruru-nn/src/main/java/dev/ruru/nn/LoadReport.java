package dev.ruru.nn;

import dev.ruru.array.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * What a non-strict load ({@link Layer#loadStateDictNonStrict}) did with every entry: the model's paths
 * it set, the model's paths the file did not have (left as they were), the file's names the model does
 * not have (ignored), and the names both have with different shapes (left as they were).
 *
 * @param loaded the model's paths that were set, in the model's order
 * @param missing the model's paths with no entry, in the model's order
 * @param unexpected the entries' names that are no path of the model, in the entries' order
 * @param mismatched entries whose shapes differ from the model's, in the model's order
 * @param converted the loaded paths whose values were converted to the model's floating dtype
 */
public record LoadReport(List<String> loaded, List<String> missing, List<String> unexpected, List<Mismatch> mismatched,
    List<String> converted) {
  /** One entry whose shape is not the model's. */
  public record Mismatch(String path, Shape inFile, Shape inModel) {
    @Override
    public String toString() {
      return path + " " + inFile + " (the model has " + inModel + ")";
    }
  }

  public LoadReport {
    loaded = List.copyOf(loaded);
    missing = List.copyOf(missing);
    unexpected = List.copyOf(unexpected);
    mismatched = List.copyOf(mismatched);
    converted = List.copyOf(converted);
  }

  /** Whether every path was loaded and nothing was left over: what a strict load demands. */
  public boolean isComplete() {
    return missing.isEmpty() && unexpected.isEmpty() && mismatched.isEmpty();
  }

  /**
   * The report in lines, one per kind that has entries, e.g.
   * {@code loaded 4: 1.weight, 1.bias, 3.weight, 3.bias} and {@code missing 2: ...}.
   */
  @Override
  public String toString() {
    List<String> lines = new ArrayList<>();
    lines.add(line("loaded", loaded));
    if (!converted.isEmpty()) {
      lines.add(line("converted to the model's dtype", converted));
    }
    if (!missing.isEmpty()) {
      lines.add(line("missing (kept the model's values)", missing));
    }
    if (!unexpected.isEmpty()) {
      lines.add(line("unexpected (ignored)", unexpected));
    }
    if (!mismatched.isEmpty()) {
      lines.add(line("shape mismatched (kept the model's values)", mismatched.stream().map(Mismatch::toString).toList()));
    }
    return String.join("\n", lines);
  }

  private static String line(String kind, List<String> names) {
    return kind + " " + names.size() + (names.isEmpty() ? "" : ": " + String.join(", ", names));
  }
}
