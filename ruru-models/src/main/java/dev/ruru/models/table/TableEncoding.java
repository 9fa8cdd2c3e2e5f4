package dev.ruru.models.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.NDArray;
import dev.ruru.data.csv.CsvFormatException;
import dev.ruru.data.csv.CsvTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How a table's rows become a model's inputs and targets, fitted on the training rows and saved with the
 * model: each input column's {@link TableColumn} encoding, and the target's (the class names of a
 * classification; the mean and standard deviation a regression's target is standardised with, so that
 * the network learns numbers of order 1 whatever the units).
 *
 * @param target the target column's header
 * @param task classification or regression
 * @param inputs the input columns, in the file's order
 * @param classes the class names (classification); empty for a regression
 * @param targetMean the training targets' mean (regression)
 * @param targetStd their standard deviation, 1 where it is 0 (regression)
 */
public record TableEncoding(String target, TableTask task, List<TableColumn> inputs, List<String> classes, double targetMean,
    double targetStd) {
  /** Integer targets with at most this many distinct values are taken for classes when no task is given. */
  static final int MAX_INTEGER_CLASSES = 20;

  public TableEncoding {
    inputs = List.copyOf(inputs);
    classes = List.copyOf(classes);
  }

  /**
   * The encoding of {@code table} predicting {@code target}, fitted on the rows {@code training}. Without a
   * task, a target of words or of at most {@value #MAX_INTEGER_CLASSES} distinct integers is a
   * classification, any other numbers a regression.
   */
  public static TableEncoding fit(CsvTable table, String target, Optional<TableTask> asked, int[] training) {
    int targetColumn = table.column(target);
    TableTask task = asked.orElseGet(() -> guessTask(table, targetColumn));
    List<TableColumn> inputs = new ArrayList<>();
    for (int column = 0; column < table.header().size(); column++) {
      if (column != targetColumn) {
        inputs.add(TableColumn.fit(table, column, training));
      }
    }
    if (inputs.isEmpty()) {
      throw new CsvFormatException(table.source(), "the only column is the target '" + target + "'; a model needs input columns too");
    }
    if (task == TableTask.CLASSIFICATION) {
      TreeSet<String> classes = new TreeSet<>();
      table.rows().forEach(cells -> classes.add(cells[targetColumn]));
      if (classes.size() < 2) {
        throw new CsvFormatException(table.source(), "the target '" + target + "' has one value only (" + classes.first()
            + "); a classification needs two classes or more");
      }
      return new TableEncoding(target, task, inputs, new ArrayList<>(classes), 0, 1);
    }
    TableColumn scale = TableColumn.fit(table, targetColumn, training);
    if (scale.categorical()) {
      int row = firstWord(table, targetColumn);
      throw new CsvFormatException(table.source(), table.where(row, targetColumn) + ": '" + table.rows().get(row)[targetColumn]
          + "' is not a number; a regression predicts numbers (or use --task classification)");
    }
    return new TableEncoding(target, task, inputs, List.of(), scale.mean(), scale.std());
  }

  private static TableTask guessTask(CsvTable table, int column) {
    TreeSet<String> distinct = new TreeSet<>();
    boolean integers = true;
    for (String[] cells : table.rows()) {
      integers &= cells[column].matches("[+-]?\\d{1,18}");
      distinct.add(cells[column]);
    }
    boolean numbers = firstWord(table, column) < 0;
    return !numbers || integers && distinct.size() <= MAX_INTEGER_CLASSES ? TableTask.CLASSIFICATION : TableTask.REGRESSION;
  }

  private static int firstWord(CsvTable table, int column) {
    for (int row = 0; row < table.rows().size(); row++) {
      if (!CsvTable.isNumber(table.rows().get(row)[column])) {
        return row;
      }
    }
    return -1;
  }

  /** Inputs per row: the sum of the columns' widths. */
  public int width() {
    return inputs.stream().mapToInt(TableColumn::width).sum();
  }

  /** Outputs of the network: one score per class, or the one predicted number. */
  public int outputs() {
    return task == TableTask.CLASSIFICATION ? classes.size() : 1;
  }

  /** The encoded inputs of every row of {@code table}, float32 {@code [rows, width]}; columns are found by name, in any order. */
  public NDArray features(CsvTable table) {
    int[] columns = inputs.stream().mapToInt(input -> table.column(input.name())).toArray();
    int width = width();
    float[] values = new float[table.rows().size() * width];
    for (int row = 0; row < table.rows().size(); row++) {
      int offset = row * width;
      for (int i = 0; i < columns.length; i++) {
        inputs.get(i).encode(table, row, columns[i], values, offset);
        offset += inputs.get(i).width();
      }
    }
    return NDArray.of(values, table.rows().size(), width);
  }

  /** The targets: class indices int64 {@code [rows]}, or standardised numbers float32 {@code [rows, 1]}. */
  public NDArray targets(CsvTable table) {
    int column = table.column(target);
    int rows = table.rows().size();
    if (task == TableTask.CLASSIFICATION) {
      long[] labels = new long[rows];
      for (int row = 0; row < rows; row++) {
        labels[row] = classes.indexOf(table.rows().get(row)[column]);
        if (labels[row] < 0) {
          throw new CsvFormatException(table.source(), table.where(row, column) + ": '" + table.rows().get(row)[column]
              + "' is not one of the classes " + classes);
        }
      }
      return NDArray.of(labels, rows);
    }
    float[] values = new float[rows];
    TableColumn scale = new TableColumn(target, targetMean, targetStd, List.of());
    for (int row = 0; row < rows; row++) {
      scale.encode(table, row, column, values, row);
    }
    return NDArray.of(values, rows, 1);
  }

  /** A regression's network outputs in the target's own units: {@code output * std + mean}. */
  public NDArray inTargetUnits(NDArray outputs) {
    return outputs.mul(targetStd).add(targetMean);
  }

  void writeTo(ObjectNode node) {
    node.put("task", task.id());
    node.put("target", target);
    inputs.forEach(input -> input.writeTo(node.withArray("columns").addObject()));
    if (task == TableTask.CLASSIFICATION) {
      classes.forEach(node.putArray("classes")::add);
    } else {
      node.put("target_mean", targetMean);
      node.put("target_std", targetStd);
    }
  }

  static TableEncoding readFrom(JsonNode node, String source) {
    TableTask task = TableTask.fromId(node.path("task").asText());
    List<TableColumn> inputs = new ArrayList<>();
    node.path("columns").forEach(column -> inputs.add(TableColumn.readFrom(column, source)));
    List<String> classes = new ArrayList<>();
    node.path("classes").forEach(name -> classes.add(name.asText()));
    if (inputs.isEmpty() || task == TableTask.CLASSIFICATION && classes.size() < 2 || !node.path("target").isTextual()) {
      throw new IllegalArgumentException(source + ": expected \"target\", \"columns\" and, for a classification, two or more \"classes\"");
    }
    double std = node.path("target_std").asDouble(1);
    return new TableEncoding(node.path("target").asText(), task, inputs, classes, node.path("target_mean").asDouble(0), std > 0 ? std : 1);
  }
}
