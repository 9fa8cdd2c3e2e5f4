package dev.ruru.data.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.io.Fuzz;
import dev.ruru.data.DataFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated SD files and SMILES lists (see {@link Fuzz}) either read as molecule graphs whose features
 * have one row per atom and per edge, or fail with a {@link DataFileException} naming the file.
 */
class MoleculeFuzzTest {
  static final int INPUTS = 2000;
  private static final long ALLOCATION_BUDGET = 4L << 20;

  @TempDir Path dir;

  @Test
  @Timeout(60)
  void mutatedSdFilesReadOrFailNamingTheFile() throws Exception {
    List<byte[]> corpus = List.of(Files.readAllBytes(Path.of("src/test/resources/graph/nci_first3.sdf")));
    Path file = dir.resolve("molecules.sdf");
    Fuzz.Report report = new Fuzz("sdf", corpus, 400, 29).run(INPUTS, input -> {
      Fuzz.overwrite(file, input);
      return SdfReader.read(file).stream().map(MoleculeGraph::of).toList();
    }, MoleculeFuzzTest::checkGraphs, error -> error instanceof DataFileException, "molecules.sdf", ALLOCATION_BUDGET);
    System.out.println(report);
    assertEquals(Map.of(), report.crashes(), report::toString);
    assertTrue(report.parsed() > INPUTS / 50 && report.refused() > INPUTS / 10, report::toString);
  }

  @Test
  @Timeout(60)
  void mutatedSmilesListsReadOrFailNamingTheFile() {
    List<byte[]> corpus = List.of(("# comment\nCC1=CC(=O)C=CC1=O,34.14\nOc1c(Cl)cc(cc1[N+](=O)[O-])[N+](=O)[O-],106.51\n"
        + "[NH4+].[Co+3]C%12CC%12,1.5\nS(Sc1nc2ccccc2s1)c3nc4ccccc4s3,25.78\n").getBytes(StandardCharsets.UTF_8));
    Path file = dir.resolve("molecules.csv");
    Fuzz.Report report = new Fuzz("smiles", corpus, Integer.MAX_VALUE, 31).run(INPUTS, input -> {
      Fuzz.overwrite(file, input);
      return MoleculeSet.smilesCsv(file).graphs();
    }, MoleculeFuzzTest::checkGraphs, error -> error instanceof DataFileException, "molecules.csv", ALLOCATION_BUDGET);
    System.out.println(report);
    assertEquals(Map.of(), report.crashes(), report::toString);
    assertTrue(report.parsed() > INPUTS / 50 && report.refused() > INPUTS / 10, report::toString);
  }

  private static void checkGraphs(Object result) {
    for (Object item : (List<?>) result) {
      GraphData graph = (GraphData) item;
      assertEquals(graph.nodes(), graph.features().dim(0));
      assertEquals(graph.edges(), graph.edgeFeatures().dim(0));
    }
  }
}
