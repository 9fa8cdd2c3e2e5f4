package dev.ruru.models.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.data.csv.CsvFormatException;
import dev.ruru.data.csv.CsvTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * How one input column of a table becomes model inputs: a numeric column is standardised with its
 * training mean and standard deviation, {@code (x - mean) / std}; a categorical one (its cells are words)
 * becomes one input per category, 1 for the row's category and 0 for the others (one-hot). The choice
 * and its numbers are saved with the model, so {@code ruru predict} encodes new rows exactly as training did.
 *
 * @param name the column's header
 * @param mean the training mean (numeric)
 * @param std the training standard deviation, 1 where it is 0 (numeric)
 * @param categories the categories in order (categorical); empty for a numeric column
 */
public record TableColumn(String name, double mean, double std, List<String> categories) {
  public TableColumn {
    categories = List.copyOf(categories);
  }

  /** Whether the column is one-hot encoded. */
  public boolean categorical() {
    return !categories.isEmpty();
  }

  /** Inputs the column gives the model: 1, or one per category. */
  public int width() {
    return categorical() ? categories.size() : 1;
  }

  /**
   * The encoding of column {@code column} of {@code table}: numeric when every cell is a number, with the
   * mean and std of the rows {@code training}; categorical when most cells are words. A column of numbers
   * with a few words in it is a typing mistake, named with its line, as is an empty cell.
   */
  static TableColumn fit(CsvTable table, int column, int[] training) {
    List<Integer> words = new ArrayList<>();
    for (int row = 0; row < table.rows().size(); row++) {
      String cell = table.rows().get(row)[column];
      if (cell.isEmpty()) {
        throw new CsvFormatException(table.source(), table.where(row, column) + ": the cell is empty; fill it in or drop the row"
            + " (Ruru does not guess missing values)");
      }
      if (!CsvTable.isNumber(cell)) {
        words.add(row);
      }
    }
    String name = table.header().get(column);
    if (words.isEmpty()) {
      return numeric(table, column, training);
    }
    int numbers = table.rows().size() - words.size();
    if (numbers >= words.size()) {
      int row = words.get(0);
      throw new CsvFormatException(table.source(), table.where(row, column) + ": '" + table.rows().get(row)[column] + "' is not a"
          + " number, though " + numbers + " of the column's " + table.rows().size() + " cells are; correct it");
    }
    TreeSet<String> categories = new TreeSet<>();
    table.rows().forEach(cells -> categories.add(cells[column]));
    return new TableColumn(name, 0, 1, new ArrayList<>(categories));
  }

  private static TableColumn numeric(CsvTable table, int column, int[] training) {
    double sum = 0;
    for (int row : training) {
      sum += Double.parseDouble(table.rows().get(row)[column]);
    }
    double mean = sum / training.length;
    double squares = 0;
    for (int row : training) {
      double deviation = Double.parseDouble(table.rows().get(row)[column]) - mean;
      squares += deviation * deviation;
    }
    double std = Math.sqrt(squares / training.length);
    // A constant column is centred, not divided by zero.
    return new TableColumn(table.header().get(column), mean, std > 1e-12 ? std : 1, List.of());
  }

  /** Writes the inputs for {@code cell} (row {@code row} of {@code table}) into {@code out} from {@code offset}. */
  void encode(CsvTable table, int row, int column, float[] out, int offset) {
    String cell = table.rows().get(row)[column];
    if (!categorical()) {
      if (!CsvTable.isNumber(cell)) {
        throw new CsvFormatException(table.source(), table.where(row, column) + ": '" + cell + "' is not a number; the model was"
            + " trained on numbers in this column");
      }
      out[offset] = (float) ((Double.parseDouble(cell) - mean) / std);
      return;
    }
    int index = categories.indexOf(cell);
    if (index < 0) {
      throw new CsvFormatException(table.source(), table.where(row, column) + ": '" + cell + "' is not a category the model knows;"
          + " it knows " + String.join(", ", categories));
    }
    out[offset + index] = 1;
  }

  /** The column in model.json: {@code {"name", "kind": "numeric", "mean", "std"}} or {@code {"name", "kind": "categorical", "categories"}}. */
  void writeTo(ObjectNode node) {
    node.put("name", name);
    node.put("kind", categorical() ? "categorical" : "numeric");
    if (categorical()) {
      categories.forEach(node.putArray("categories")::add);
    } else {
      node.put("mean", mean);
      node.put("std", std);
    }
  }

  static TableColumn readFrom(JsonNode node, String source) {
    String kind = node.path("kind").asText();
    String name = node.path("name").asText();
    if (kind.equals("categorical") && node.path("categories").isArray() && !node.path("categories").isEmpty()) {
      List<String> categories = new ArrayList<>();
      node.path("categories").forEach(category -> categories.add(category.asText()));
      return new TableColumn(name, 0, 1, categories);
    }
    if (kind.equals("numeric") && node.path("mean").isNumber() && node.path("std").isNumber() && node.path("std").asDouble() > 0) {
      return new TableColumn(name, node.path("mean").asDouble(), node.path("std").asDouble(), List.of());
    }
    throw new IllegalArgumentException(source + ": column '" + name + "': expected {\"kind\": \"numeric\", \"mean\", \"std\" > 0} or"
        + " {\"kind\": \"categorical\", \"categories\": [...]}, found " + node);
  }

  /** {@code "age (numeric)"} or {@code "colour (3 categories)"}. */
  public String describe() {
    return name + (categorical() ? String.format(Locale.ROOT, " (%d categories)", categories.size()) : " (numeric)");
  }
}
