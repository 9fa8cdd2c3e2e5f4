package dev.ruru.models.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.data.graph.MoleculeSet;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
