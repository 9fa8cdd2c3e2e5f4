package dev.ruru.models.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.data.graph.MoleculeSet;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.train.Checkpoint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GIN learns molecules' polar surface areas and the BZR ligands' activity classes. */
class MoleculeRunTest {
  private static final Path FIRST_200 = Path.of("src/test/resources/graph/nci_first200.tpsa.csv");

  @Test
  void ginLearnsPolarSurfaceAreasFarBetterThanTheMean(@TempDir Path dir) throws Exception {
    MoleculeSet set = MoleculeSet.read(FIRST_200.toString(), null);
    assertEquals(200, set.size(), "201 lines, one a comment");
    StringWriter printed = new StringWriter();
    GraphSettings settings = new GraphSettings(GraphModel.GIN, "first 200", 32, 0, 0.01, 0, 80, 1);
    MoleculeRun.MoleculeReport report = new MoleculeRun(dir, new PrintWriter(printed)).train(set, MoleculeRun.Task.REGRESSION, 0, settings);
    assertTrue(report.test() < report.baseline() / 2, printed.toString());
    assertTrue(Files.readString(dir.resolve("metrics.json")).contains("\"test_mae\""));
    assertTrue(Files.isRegularFile(dir.resolve("learning_curves.png")));
  }

  @Test
  void aResumedRunEndsExactlyWhereAnUninterruptedOneDoes(@TempDir Path dir) throws Exception {
    MoleculeSet set = MoleculeSet.read(FIRST_200.toString(), null);
    GraphSettings four = new GraphSettings(GraphModel.GIN, FIRST_200.toString(), 8, 0, 0.01, 0, 4, 3);
    double whole = new MoleculeRun(dir.resolve("whole"), null).train(set, MoleculeRun.Task.REGRESSION, 0, four).test();
    Path halves = dir.resolve("halves");
    new MoleculeRun(halves, null).train(set, MoleculeRun.Task.REGRESSION, 0, four.withEpochs(2));
    StringWriter printed = new StringWriter();
    Checkpoint checkpoint = RunCheckpoint.read(halves);
    assertTrue(MoleculeRun.isMoleculeRun(checkpoint));
    double resumed = new MoleculeRun(halves, new PrintWriter(printed)).resume(checkpoint, OptionalInt.of(4)).test();
    assertTrue(printed.toString().contains("resuming"), printed.toString());
    assertEquals(whole, resumed, 0.0, "the same weights after 4 epochs, in one go or 2 + 2");
  }

  @Test
  void ginClassifiesTheBzrLigandsAtLeastAsWellAsTheMajority() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(MoleculeSet.BZR), "rdkit-data is not installed");
    MoleculeSet bzr = MoleculeSet.read("bzr", "ACTIVITY");
    StringWriter printed = new StringWriter();
    GraphSettings settings = new GraphSettings(GraphModel.GIN, "bzr", 32, 0, 0.003, 0, 20, 1);
    MoleculeRun.MoleculeReport report = new MoleculeRun(null, new PrintWriter(printed)).train(bzr, MoleculeRun.Task.CLASSIFICATION, 7.0,
        settings);
    assertEquals(163, report.molecules());
    assertTrue(report.test() >= report.baseline(), printed.toString());
  }
}
