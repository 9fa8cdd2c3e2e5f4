package dev.ruru.models.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.data.csv.CsvFormatException;
import dev.ruru.data.csv.CsvTable;
import dev.ruru.models.run.OptimizerChoice;
import dev.ruru.models.run.TrainingControls;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own table, learnt and predicted: the tables of make_tables.py, and the mistakes a CSV file can hold. */
class TableRunTest {
  @TempDir Path directory;

  private static Path table(String name) throws URISyntaxException {
    return Path.of(TableRunTest.class.getResource(name).toURI());
  }

  private static TableSettings settings(Path csv, String target, Optional<TableTask> task) {
    return new TableSettings(csv, target, task, List.of(64), 0, OptimizerChoice.ADAM, 0.01, 0, 0, 32, 0.1, 0.2, 0,
        TrainingControls.NONE);
  }

  private TableModel train(Path csv, String target, int epochs, StringWriter log) throws IOException {
    return new TableRun(directory, new PrintWriter(log, true)).train(settings(csv, target, Optional.empty()), epochs);
  }

  @Test void aRegressionWithACategoricalColumnLearnsThePriceAndPredictsNewRows() throws Exception {
    StringWriter log = new StringWriter();
    train(table("houses.csv"), "price", 40, log);
    assertTrue(log.toString().contains("columns: area (numeric), rooms (numeric), district (3 categories)"), log::toString);
    JsonNode metrics = new ObjectMapper().readTree(directory.resolve("metrics.json").toFile());
    assertEquals("regression", metrics.get("task").asText());
    // price = 2 area + 15 rooms + district offset + noise of std 10, over prices of std about 110.
    assertTrue(metrics.get("test_r2").asDouble() > 0.95, metrics::toString);
    assertTrue(metrics.get("test_mae").asDouble() < 25, metrics::toString);
    assertTrue(Files.isRegularFile(directory.resolve(TableRun.PREDICTIONS)));
    TableModel loaded = TableModel.load(directory);
    List<String> answers = loaded.predict(CsvTable.parse("district,rooms,area\nnorth,3,100\nsouth,3,100\n", "rows.csv", ','));
    double north = Double.parseDouble(answers.get(0).substring("price = ".length()));
    double south = Double.parseDouble(answers.get(1).substring("price = ".length()));
    // True values 345 and 195: the one-hot district is applied as in training, whatever the column order.
    assertEquals(345, north, 30);
    assertEquals(195, south, 30);
  }

  @Test void aClassificationOfWordsIsGuessedAndScored() throws Exception {
    StringWriter log = new StringWriter();
    TableModel model = train(table("fruit.csv"), "fruit", 30, log);
    assertEquals(TableTask.CLASSIFICATION, model.encoding().task());
    assertEquals(List.of("apple", "banana", "lime"), model.encoding().classes());
    JsonNode metrics = new ObjectMapper().readTree(directory.resolve("metrics.json").toFile());
    assertTrue(metrics.get("test_accuracy").asDouble() > 0.9, metrics::toString);
    assertTrue(TableModel.isTableModel(directory));
    String answer = TableModel.load(directory).predict(CsvTable.parse("weight,sweetness,colour\n58,2,green\n", "rows.csv", ',')).get(0);
    assertTrue(answer.startsWith("fruit: lime "), answer);
  }

  @Test void csvMistakesAreNamedWithTheirLine() throws Exception {
    Path missing = Files.writeString(directory.resolve("a.csv"), "x,y\n1,2\n3,4\n5,6\n7,8\n9,10\n");
    assertEquals("csv: " + missing + ": no column 'price' in the header [x, y]", message(missing, "price"));
    Path ragged = Files.writeString(directory.resolve("b.csv"), "x,y\n1,2\n3,4,5\n");
    assertEquals("csv: " + ragged + ": line 3 has 3 fields, expected 2 as in the header [x, y]", message(ragged, "y"));
    Path typo = Files.writeString(directory.resolve("c.csv"), "x,y\n1,2\n3,4\nthree,5\n6,7\n8,9\n");
    assertEquals("csv: " + typo + ": line 4, column 1 ('x'): 'three' is not a number, though 4 of the column's 5 cells are; correct it",
        message(typo, "y"));
    Path text = Files.writeString(directory.resolve("d.csv"), "x,y\n1,2\n3,4\n5,many\n6,7\n8,9\n");
    assertTrue(message(text, "y", TableTask.REGRESSION).contains("line 4, column 2 ('y'): 'many' is not a number"), () -> message(text, "y"));
    Path empty = Files.writeString(directory.resolve("e.csv"), "x,y\n1,2\n,4\n5,6\n6,7\n8,9\n");
    assertTrue(message(empty, "y").contains("line 3, column 1 ('x'): the cell is empty"), () -> message(empty, "y"));
  }

  private String message(Path csv, String target) {
    return message(csv, target, null);
  }

  private String message(Path csv, String target, TableTask task) {
    return assertThrows(CsvFormatException.class, () -> new TableRun(directory, new PrintWriter(new StringWriter()))
        .train(settings(csv, target, Optional.ofNullable(task)), 1)).getMessage();
  }
}
