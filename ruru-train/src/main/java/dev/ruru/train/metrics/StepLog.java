package dev.ruru.train.metrics;

import dev.ruru.array.NDArray;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training metrics of every step of a run, in order: what the learning curves draw per step when a
 * run has too few epochs for a curve per epoch (a language model trained for 300 steps is one epoch).
 * A metric a step did not report is NaN there. Checkpoints carry it, so a resumed run's curves are whole.
 */
public final class StepLog {
  private final Map<String, double[]> values = new LinkedHashMap<>();
  private int size;

  /** Appends one step's metrics. */
  public void add(Map<String, Double> metrics) {
    metrics.forEach((name, value) -> column(name)[size] = value);
    size++;
  }

  private double[] column(String name) {
    double[] column = values.computeIfAbsent(name, key -> filledNaN(Math.max(16, size + 1)));
    if (column.length <= size) {
      column = grown(column, Math.max(size + 1, 2 * column.length));
      values.put(name, column);
    }
    return column;
  }

  /** Steps logged. */
  public int size() {
    return size;
  }

  /** The metric's value at every step (NaN where it was not reported); empty for a metric never reported. */
  public double[] values(String name) {
    double[] column = values.get(name);
    return column == null ? new double[0] : grown(column, size);
  }

  /** Each metric's values as a float64 array [steps], for a checkpoint. */
  public Map<String, NDArray> toArrays() {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    values.keySet().forEach(name -> arrays.put(name, NDArray.of(values(name), size)));
    return arrays;
  }

  /** The log written by {@link #toArrays}: every array one-dimensional, all of one length. */
  public static StepLog of(Map<String, NDArray> arrays) {
    StepLog log = new StepLog();
    int length = -1;
    for (Map.Entry<String, NDArray> entry : arrays.entrySet()) {
      NDArray array = entry.getValue();
      if (array.rank() != 1 || (length >= 0 && array.dim(0) != length)) {
        throw new IllegalArgumentException("step log: expected one-dimensional arrays of one length, got '" + entry.getKey() + "' "
            + array.shape() + (length >= 0 ? " after length " + length : ""));
      }
      length = array.dim(0);
      log.values.put(entry.getKey(), array.toDoubleArray());
    }
    log.size = Math.max(0, length);
    return log;
  }

  private static double[] filledNaN(int length) {
    double[] column = new double[length];
    Arrays.fill(column, Double.NaN);
    return column;
  }

  private static double[] grown(double[] column, int length) {
    double[] copy = Arrays.copyOf(column, length);
    if (length > column.length) {
      Arrays.fill(copy, column.length, length, Double.NaN);
    }
    return copy;
  }
}
