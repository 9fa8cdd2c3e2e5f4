package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.io.Npy;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ruru anomaly train, score and benchmark on the embedded Fashion-MNIST sample with the PCA detector, and train on a CSV table. */
class AnomalyCommandTest {
  @TempDir Path directory;

  /** As {@link CommandRun#withEmbeddedSample}, for the anomaly subcommands' loaders. */
  private CommandRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = Ruru.commandLine();
    CommandLine anomaly = commandLine.getSubcommands().get("anomaly");
    Path home = directory.resolve("home");
    ((AnomalyTrainCommand) anomaly.getSubcommands().get("train").getCommand()).loaderSetup = loader -> loader.searching(Map.of(), home, List.of());
    ((AnomalyBenchmarkCommand) anomaly.getSubcommands().get("benchmark").getCommand()).loaderSetup =
        loader -> loader.searching(Map.of(), home, List.of());
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return new CommandRun(commandLine.execute(args), out.toString(), err.toString());
  }

  @Test void trainsScoresAFileAndADirectory() throws Exception {
    Path model = directory.resolve("model");
    CommandRun train = run("anomaly", "train", "--normal-class", "1", "--out", model.toString());
    assertEquals(0, train.exitCode(), train::err);
    assertTrue(train.out().contains("PCA reconstruction, 32 components, class 1: AUROC 0.99"), train::out);
    assertTrue(Files.isRegularFile(model.resolve("roc.png")) && Files.isRegularFile(model.resolve("extremes.png")));

    Path inputs = Files.createDirectories(directory.resolve("inputs"));
    var test = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT).test();
    Npy.write(inputs.resolve("a.npy"), test.features().slice(0, 0, 3, 1));
    Npy.write(inputs.resolve("b.npy"), test.features().slice(0, 3, 4, 1).reshape(28, 28));
    CommandRun file = run("anomaly", "score", "--model-dir", model.toString(), "--input", inputs.resolve("a.npy").toString());
    assertEquals(0, file.exitCode(), file::err);
    List<String> lines = file.out().lines().toList();
    assertEquals(4, lines.size(), file::out);
    assertEquals("input,score,verdict", lines.get(0));
    assertTrue(lines.get(1).startsWith(inputs.resolve("a.npy") + "[0],"), lines.get(1));

    Path csv = directory.resolve("scores.csv");
    CommandRun folder = run("anomaly", "score", "--model-dir", model.toString(), "--input", inputs.toString(), "--out", csv.toString());
    assertEquals(0, folder.exitCode(), folder::err);
    List<String> written = Files.readAllLines(csv);
    assertEquals(5, written.size());
    assertTrue(written.get(4).startsWith(inputs.resolve("b.npy") + ","), written.get(4));
    // Test image 3 is a trouser (class 1): normal.
    assertTrue(written.get(4).endsWith(",normal"), written.get(4));
  }

  @Test void benchmarkPrintsEveryClassAndTheMean() {
    CommandRun run = run("anomaly", "benchmark", "--components", "8");
    assertEquals(0, run.exitCode(), run::err);
    List<String> lines = run.out().lines().toList();
    assertEquals("| normal class | PCA-8 AUROC | PCA-8 AUPRC |", lines.get(0));
    assertEquals(13, lines.size(), run::out);
    assertTrue(lines.get(12).startsWith("| mean | **0."), lines.get(12));
  }

  @Test void badClassesAndDetectorsAreRefusedByName() {
    CommandRun outside = run("anomaly", "train", "--normal-class", "12", "--out", directory.resolve("x").toString());
    assertEquals(Ruru.USAGE_ERROR, outside.exitCode());
    assertTrue(outside.err().contains("--normal-class 12 is not one of the data's classes 0..9"), outside::err);
    CommandRun unknown = run("anomaly", "benchmark", "--detectors", "isolation-forest");
    assertEquals(Ruru.USAGE_ERROR, unknown.exitCode());
    assertTrue(unknown.err().contains("unknown detector 'isolation-forest'; expected one of [pca, deep-svdd, autoencoder, vae]"), unknown::err);
  }

  /** Class 0 rows lie near a plane of six columns (two free values, little noise); class 1 rows are pushed off it by much more noise. */
  @Test void trainsAnAutoencoderOnACsvTable() throws Exception {
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    StringBuilder table = new StringBuilder("a,b,c,d,e,f,kind\n");
    for (int row = 0; row < 300; row++) {
      boolean normal = row % 5 != 0;
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      for (double value : new double[] {a, b, a + b, a - b, 2 * a, b - 2 * a}) {
        table.append(value + (normal ? 0.05 : 1.5) * random.nextGaussian()).append(',');
      }
      table.append(normal ? 0 : 1).append('\n');
    }
    Path csv = Files.writeString(directory.resolve("table.csv"), table);
    Path model = directory.resolve("table-model");
    CommandRun train = run("anomaly", "train", "--csv", csv.toString(), "--label-column", "kind", "--normal-class", "0", "--detector", "autoencoder",
        "--components", "2", "--epochs", "60", "--batch-size", "16", "--out", model.toString());
    assertEquals(0, train.exitCode(), train::err);
    assertTrue(train.out().contains("300 rows of 6 columns; normal class 0; 210 training and 90 test rows"), train::out);
    assertTrue(train.out().contains("autoencoder reconstruction error, autoencoder 6-12-2 of 6 standardised columns, class 0: AUROC 0.9"),
        train::out);
    assertTrue(Files.isRegularFile(model.resolve("roc.png")) && !Files.exists(model.resolve("extremes.png")));

    CommandRun score = run("anomaly", "score", "--model-dir", model.toString(), "--input", csv.toString(), "--label-column", "kind");
    assertEquals(0, score.exitCode(), score::err);
    List<String> lines = score.out().lines().toList();
    assertEquals(301, lines.size(), score::out);
    assertTrue(lines.get(1).startsWith(csv + "[0],") && lines.get(1).endsWith(",anomalous"), lines.get(1) + " (row 0 is of class 1)");
    long flagged = lines.stream().skip(1).filter(line -> line.endsWith(",anomalous")).count();
    assertTrue(flagged >= 50 && flagged <= 110, flagged + " of 300 rows flagged; 60 are anomalies");
    Path bad = Files.writeString(directory.resolve("bad.csv"), "a,b,c,d,e,f\n1,2,x,4,5,6\n");
    CommandRun refused = run("anomaly", "score", "--model-dir", model.toString(), "--input", bad.toString());
    assertEquals(Ruru.USAGE_ERROR, refused.exitCode());
    assertTrue(refused.err().contains(bad + ", line 2, column 3 ('c'): 'x' is not a number"), refused::err);
  }
}
