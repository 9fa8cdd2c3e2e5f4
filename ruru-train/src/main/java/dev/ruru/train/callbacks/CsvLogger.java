package dev.ruru.train.callbacks;

import dev.ruru.array.io.AtomicFile;
import dev.ruru.train.Callback;
import dev.ruru.train.Trainer;
import dev.ruru.train.metrics.EpochMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Logs every epoch's numbers to a CSV file, Keras's {@code CSVLogger}: a header {@code epoch} and the
 * metrics of the first epoch by their full names (a classifier's
 * {@code epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,seconds,learning_rate}), and
 * one row per epoch (empty cells for numbers not measured). The file is rewritten atomically after each
 * epoch with every row so far, so it is always complete, and after a resume it still holds every epoch.
 */
public final class CsvLogger implements Callback {
  private final Path file;
  private final List<EpochMetrics> rows = new ArrayList<>();

  public CsvLogger(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  @Override
  public void onResume(Trainer trainer, List<EpochMetrics> history) {
    rows.clear();
    rows.addAll(history);
  }

  @Override
  public void onEpochEnd(Trainer trainer, EpochMetrics metrics) {
    rows.add(metrics);
    List<String> columns = new ArrayList<>(rows.get(0).values().keySet());
    StringBuilder text = new StringBuilder("epoch," + String.join(",", columns) + "\n");
    rows.forEach(row -> text.append(row(row, columns)).append('\n'));
    try {
      AtomicFile.writeString(file, text.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("CsvLogger: cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static String row(EpochMetrics metrics, List<String> columns) {
    StringBuilder row = new StringBuilder(Integer.toString(metrics.epoch()));
    columns.forEach(column -> row.append(',').append(cell(metrics.value(column))));
    return row.toString();
  }

  private static String cell(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.6g", value) : "";
  }
}
