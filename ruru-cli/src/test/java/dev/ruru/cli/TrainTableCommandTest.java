package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ruru train --csv and ruru predict on CSV rows, in-process. */
class TrainTableCommandTest {
  @TempDir Path directory;

  /** y = 3x + 40 for colour red, 3x - 40 for blue: a regression that needs the categorical column. */
  private Path table() throws Exception {
    StringBuilder csv = new StringBuilder("x,colour,y\n");
    for (int i = 0; i < 120; i++) {
      double x = i % 40;
      String colour = i % 3 == 0 ? "blue" : "red";
      csv.append(String.format(Locale.ROOT, "%.1f,%s,%.1f%n", x, colour, 3 * x + (colour.equals("red") ? 40 : -40)));
    }
    return Files.writeString(directory.resolve("table.csv"), csv);
  }

  @Test void trainsOnATableAndPredictsItsRows() throws Exception {
    Path out = directory.resolve("run");
    CommandRun train = CommandRun.of("train", "--csv", table().toString(), "--target", "y", "--epochs", "60", "--lr", "0.01",
        "--out", out.toString());
    assertEquals(0, train.exitCode(), train::err);
    assertTrue(train.out().contains("target 'y': regression"), train::out);
    assertTrue(train.out().contains("columns: x (numeric), colour (2 categories)"), train::out);
    assertTrue(train.out().matches("(?s).*test: MSE [0-9.e+-]+, MAE [0-9.e+-]+, R\u00b2 (0\\.9\\d+|1\\.0000) on 24 rows.*"), train::out);
    Path rows = Files.writeString(directory.resolve("rows.csv"), "x,colour\n10,red\n10,blue\n");
    CommandRun predict = CommandRun.of("predict", "--model-dir", out.toString(), "--input", rows.toString());
    assertEquals(0, predict.exitCode(), predict::err);
    String[] lines = predict.out().split("\n");
    assertTrue(lines[0].startsWith(rows + ":2: y = "), predict::out);
    assertEquals(70, Double.parseDouble(lines[0].substring(lines[0].indexOf("= ") + 2)), 15);
    assertEquals(-10, Double.parseDouble(lines[1].substring(lines[1].indexOf("= ") + 2)), 15);
    Path unknown = Files.writeString(directory.resolve("green.csv"), "x,colour\n10,green\n");
    assertEquals("ruru predict: csv: " + unknown + ": line 2, column 2 ('colour'): 'green' is not a category the model knows; it knows"
        + " blue, red\n", CommandRun.of("predict", "--model-dir", out.toString(), "--input", unknown.toString()).err());
  }

  @Test void optionsOfOtherFamiliesAndAMissingTargetAreRefused() throws Exception {
    assertEquals("ruru train: --steps does not apply to --model table (it is for --model char-gru, char-lstm, char-transformer);"
        + " leave it out\n", CommandRun.of("train", "--csv", table().toString(), "--target", "y", "--steps", "5").err());
    assertEquals("ruru train: --csv needs --target COLUMN, the header of the column to predict\n",
        CommandRun.of("train", "--csv", table().toString()).err());
    assertEquals("ruru train: --target does not apply to --model mlp (it is for --model table); leave it out\n",
        CommandRun.of("train", "--target", "y").err());
  }
}
