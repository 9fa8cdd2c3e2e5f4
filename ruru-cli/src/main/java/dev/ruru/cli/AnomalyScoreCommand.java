package dev.ruru.cli;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.data.csv.CsvTable;
import dev.ruru.models.anomaly.AnomalyModelFiles;
import dev.ruru.models.anomaly.AnomalyRun;
import dev.ruru.models.anomaly.TabularDetector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ruru anomaly score}: one score per input image with the saved threshold's verdict, as CSV. */
@Command(name = "score", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Scores images with a detector saved by ruru anomaly train: CSV lines input,score,verdict (anomalous above the threshold).",
        "--input takes .npy arrays ([28, 28] or [n, 28, 28]), pictures, or a directory of them; for a table detector",
        "(ruru anomaly train --csv), a CSV of the same numeric columns, one score per row."})
final class AnomalyScoreCommand implements Callable<Integer> {
  private static final List<Integer> SHAPE = List.of(28, 28);

  @Option(names = "--model-dir", paramLabel = "DIR", required = true, description = "Directory of the saved detector.")
  Path modelDirectory;

  @Option(names = "--input", paramLabel = "FILE|DIR", required = true, description = "An image file, a .npy array, or a directory of them.")
  Path input;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the CSV here (default: standard output).")
  Path csv;

  @Option(names = "--label-column", paramLabel = "NAME", defaultValue = "label",
      description = "--input FILE.csv: a column to leave out when the table has it (default: ${DEFAULT-VALUE}).")
  String labelColumn;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    AnomalyModelFiles.Loaded saved = AnomalyModelFiles.load(modelDirectory);
    List<NDArray> batches = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Path file : files(input)) {
      NDArray images = isCsv(file) ? TabularDetector.rows(CsvTable.read(file, ','), labelColumn) : InputImages.read(file, SHAPE);
      batches.add(images);
      for (int i = 0; i < images.dim(0); i++) {
        names.add(images.dim(0) == 1 && !isCsv(file) ? file.toString() : file + "[" + i + "]");
      }
    }
    List<String> lines = AnomalyRun.scoreLines(saved, NDArray.concatenate(batches, 0), names);
    if (csv != null) {
      AtomicFile.writeString(csv, String.join("\n", lines) + "\n");
      spec.commandLine().getOut().println("wrote " + (lines.size() - 1) + " scores to " + csv);
    } else {
      PrintWriter out = spec.commandLine().getOut();
      lines.forEach(out::println);
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  private static boolean isCsv(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
  }

  /** The input itself, or a directory's .npy, picture and .csv files in name order. */
  private static List<Path> files(Path input) throws IOException {
    if (!Files.isDirectory(input)) {
      return List.of(input);
    }
    try (Stream<Path> listing = Files.list(input)) {
      List<Path> files = listing.filter(Files::isRegularFile).filter(file -> {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".npy") || name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".csv");
      }).sorted().toList();
      if (files.isEmpty()) {
        throw new IllegalArgumentException("anomaly score: " + input + " has no .npy, .png, .jpg or .csv files to score");
      }
      return files;
    }
  }
}
