package dev.ruru.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every round's numbers as a CSV line, where metrics.json holds each epoch's means: the epoch, the round
 * within it, the round's seconds, the part outside the workers' computation, the megabytes exchanged and
 * the objective's metrics. A resumed run appends to the file its first part wrote.
 */
final class RoundLog {
  /** The file's name in a run's directory. */
  static final String FILE = "rounds.csv";

  private final Path file;
  private List<String> columns;

  RoundLog(Path file) {
    this.file = file;
  }

  /** Appends round {@code round} of epoch {@code epoch} (both from 1); the first line written names the columns. */
  void write(int epoch, int round, Map<String, Double> metrics) {
    try {
      StringBuilder text = new StringBuilder();
      if (columns == null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        columns = Files.isRegularFile(file) ? header() : new ArrayList<>(metrics.keySet());
        if (!Files.isRegularFile(file)) {
          text.append("epoch,round,").append(String.join(",", columns)).append('\n');
        }
      }
      text.append(epoch).append(',').append(round);
      for (String column : columns) {
        Double value = metrics.get(column);
        text.append(',').append(value == null ? "" : String.format(Locale.ROOT, "%.6g", value));
      }
      Files.writeString(file, text.append('\n'), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("spark: cannot write the round log " + file + ": " + e.getMessage(), e);
    }
  }

  /** The metric columns of the file a run's first part wrote. */
  private List<String> header() throws IOException {
    String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("epoch,round");
    List<String> names = new ArrayList<>(List.of(first.split(",")));
    return names.subList(Math.min(2, names.size()), names.size());
  }
}
