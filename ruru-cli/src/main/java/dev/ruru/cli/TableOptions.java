package dev.ruru.cli;

import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.TrainingControls;
import dev.ruru.models.table.TableSettings;
import dev.ruru.models.table.TableTask;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of {@code ruru train --csv FILE --target COLUMN}: a user's own table (the run is {@link dev.ruru.models.table.TableRun}). */
final class TableOptions {
  /** The --model name of this family, implied by --csv. */
  static final String MODEL = "table";
  /** Hidden widths unless --hidden is given: a table has tens of inputs, not 784. */
  static final List<Integer> DEFAULT_HIDDEN = List.of(64);
  /** Epochs unless --epochs is given: a table of hundreds of rows makes a few steps per epoch. */
  static final int DEFAULT_EPOCHS = 50;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "Train on your own table: a CSV file with a header line; numeric columns are standardised, columns of words one-hot encoded.")
  Path csv;

  @Option(names = "--target", paramLabel = "COLUMN", description = "--csv: the header of the column to predict.")
  String target;

  @Option(names = "--task", paramLabel = "TASK",
      description = "--csv: classification or regression (default: classification for words or a few integers, else regression);"
          + " gcn, gat, sage, gin: node (default) or graph (gin).")
  String task;

  /** The settings of the run these options and the shared ones describe. */
  TableSettings settings(List<Integer> hidden, boolean hiddenGiven, double dropout, OptimizerChoice optimizer, double learningRate,
      double momentum, double weightDecay, int batchSize, double validationSplit, long seed, TrainingControls controls) {
    if (csv == null) {
      throw new IllegalArgumentException("--model table needs --csv FILE, the table to train on");
    }
    if (target == null) {
      throw new IllegalArgumentException("--csv needs --target COLUMN, the header of the column to predict");
    }
    Optional<TableTask> chosen = task == null ? Optional.empty() : Optional.of(TableTask.fromId(task));
    return new TableSettings(csv, target, chosen, hiddenGiven ? hidden : DEFAULT_HIDDEN, dropout, optimizer, learningRate, momentum,
        weightDecay, batchSize, validationSplit, 0.2, seed, controls);
  }
}
