package dev.ruru.models.table;

import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.TrainingControls;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TableRun} trains: the CSV file and its target column, the task (guessed from the target
 * when absent), the network's hidden widths and dropout, the optimiser and the training controls.
 *
 * @param csv the table, with a header line
 * @param target the header of the column to predict
 * @param task classification or regression; empty: guessed ({@link TableEncoding#fit})
 * @param testShare the share of rows held out for the test scores, in (0, 1)
 */
public record TableSettings(Path csv, String target, Optional<TableTask> task, List<Integer> hidden, double dropout,
    OptimizerChoice optimizer, double learningRate, double momentum, double weightDecay, int batchSize, double validationSplit,
    double testShare, long seed, TrainingControls controls) {
  public TableSettings {
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(target, "target");
    hidden = List.copyOf(hidden);
    if (hidden.stream().anyMatch(width -> width < 1)) {
      throw new IllegalArgumentException("Invalid --hidden: " + hidden + " (widths must be >= 1)");
    }
    if (!(validationSplit >= 0 && testShare > 0 && validationSplit + testShare < 1)) {
      throw new IllegalArgumentException("Invalid --validation-split " + validationSplit + ": with the " + testShare
          + " of rows held out for testing it must leave rows to train on");
    }
  }
}
