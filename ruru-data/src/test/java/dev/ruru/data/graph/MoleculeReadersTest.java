package dev.ruru.data.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.Shape;
import dev.ruru.data.DataFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * SD files and SMILES against what rdkit-data's files say about their own molecules: the counts
 * lines, and Daylight's molecular weight (AMW) and heteroatom count, which check every hydrogen the
 * readers infer. The excerpt is made by src/test/resources/graph/make_molecule_excerpt.sh.
 */
class MoleculeReadersTest {
  private static final Path EXCERPT = Path.of("src/test/resources/graph/nci_first3.sdf");
  private static final Path EXCERPT_SMILES = Path.of("src/test/resources/graph/nci_first3.tpsa.csv");
  private static final Path NCI_SDF = Path.of("/usr/share/RDKit/Data/NCI/first_200.props.sdf");
  private static final Path NCI_SMILES = Path.of("/usr/share/RDKit/Data/NCI/first_200.tpsa.csv");
  private static final Map<String, Double> MASS = Map.ofEntries(Map.entry("H", 1.00794), Map.entry("C", 12.0107),
      Map.entry("N", 14.0067), Map.entry("O", 15.9994), Map.entry("S", 32.065), Map.entry("P", 30.973762), Map.entry("F", 18.9984032),
      Map.entry("Cl", 35.453), Map.entry("Br", 79.904), Map.entry("I", 126.90447));

  @Test
  void readsTheAtomAndBondBlocksAndTheDataItems() throws Exception {
    List<Molecule> molecules = SdfReader.read(EXCERPT);
    assertEquals(3, molecules.size());
    // The counts lines: "  9  9", " 20 23", " 14 14".
    assertEquals(List.of(9, 20, 14), molecules.stream().map(Molecule::atoms).toList());
    assertEquals(List.of(9, 23, 14), molecules.stream().map(Molecule::bonds).toList());
    assertEquals("122.12344", molecules.getFirst().properties().get("AMW"));
    Molecule nitro = molecules.get(2);  // M  CHG  4: two N+ and two O-
    assertEquals(2, java.util.stream.IntStream.range(0, nitro.atoms()).filter(i -> nitro.charge(i) == 1).count());
    assertEquals(2, java.util.stream.IntStream.range(0, nitro.atoms()).filter(i -> nitro.charge(i) == -1).count());
  }

  @Test
  void hydrogensFromMolfilesKekuleAndAromaticSmilesAllGiveDaylightsWeight() throws Exception {
    List<Molecule> fromSdf = SdfReader.read(EXCERPT);
    List<String> kekule = Files.readAllLines(EXCERPT_SMILES).subList(1, 4);
    for (int i = 0; i < 3; i++) {
      Map<String, String> items = fromSdf.get(i).properties();
      double weight = Double.parseDouble(items.get("AMW"));
      assertEquals(weight, weight(fromSdf.get(i)), 0.01, "molfile " + i);
      assertEquals(weight, weight(Smiles.parse(items.get("SMILES"), "aromatic " + i)), 0.01, items.get("SMILES"));
      assertEquals(weight, weight(Smiles.parse(kekule.get(i).split(",")[0], "kekule " + i)), 0.01, kekule.get(i));
      assertEquals(Integer.parseInt(items.get("NUM_HETEROATOMS")), heteroatoms(fromSdf.get(i)));
    }
  }

  @Test
  void everyInstalledNciMoleculeHasDaylightsWeightFromBothFormats() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(NCI_SDF), "rdkit-data is not installed");
    List<Molecule> fromSdf = SdfReader.read(NCI_SDF);
    List<String> lines = Files.readAllLines(NCI_SMILES, StandardCharsets.UTF_8);
    assertEquals(200, fromSdf.size());
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    for (int i = 0; i < 200; i++) {
      Molecule molfile = fromSdf.get(i), smiles = Smiles.parse(lines.get(i + 1).split(",")[0], "line " + (i + 2));
      double expected = Double.parseDouble(molfile.properties().get("AMW"));
      if (Double.isNaN(weight(molfile))) {
        continue;  // an element outside the mass table (a metal)
      }
      checked++;
      if (Math.abs(weight(molfile) - expected) > 0.01 || Math.abs(weight(smiles) - expected) > 0.01) {
        wrong.add(i + ": " + expected + " vs " + weight(molfile) + " (molfile), " + weight(smiles) + " (smiles)");
      }
    }
    assertTrue(checked >= 190, "checked " + checked);
    assertEquals(List.of(), wrong);
  }

  @Test
  void moleculeGraphsHaveAtomAndBondFeatures() throws Exception {
    GraphData quinone = MoleculeGraph.of(Smiles.parse("CC1=CC(=O)C=CC1=O", "toluquinone"));
    assertEquals(9, quinone.nodes());
    assertEquals(18, quinone.edges());
    assertEquals(Shape.of(9, MoleculeGraph.ATOM_FEATURES), quinone.features().shape());
    assertEquals(Shape.of(18, MoleculeGraph.BOND_FEATURES), quinone.edgeFeatures().shape());
    float[] bondTypes = quinone.edgeFeatures().sum(0).toFloatArray();
    assertEquals(List.of(10f, 8f, 0f, 0f), List.of(bondTypes[0], bondTypes[1], bondTypes[2], bondTypes[3]));
    // Atom 4 is the O of C(=O): element O (column 2), one neighbour (11), no H (16), one double bond (26).
    for (int column : new int[] {2, 11, 16, 26}) {
      assertEquals(1.0, quinone.features().getDouble(4, column), "column " + column);
    }
    assertEquals(1.0, MoleculeGraph.of(Smiles.parse("C1CO1", "oxirane")).features().getDouble(0, 29), "a three-membered ring");
    assertEquals(0.0, quinone.features().getDouble(0, 29));
  }

  @Test
  void malformedBlocksAreNamedByLineAndField() {
    List<String> good = lines("  2  1  0  0  0  0  0  0  0  0999 V2000",
        "    0.0000    0.0000    0.0000 C   0  0  0  0  0  0  0  0  0  0  0  0",
        "    0.0000    0.0000    0.0000 O   0  0  0  0  0  0  0  0  0  0  0  0", "  1  2  2  0", "M  END");
    assertEquals(2, SdfReader.parse("good.mol", good).getFirst().atoms());
    List<String> badSymbol = new ArrayList<>(good);
    badSymbol.set(5, "    0.0000    0.0000    0.0000 7   0  0");
    assertEquals("sdf: bad.mol: line 6: atom block field 'symbol' (columns 32-34) is '7'; expected an element symbol such as C or Cl "
        + "(query atoms and lists are not read)", message(() -> SdfReader.parse("bad.mol", badSymbol)));
    List<String> badBond = new ArrayList<>(good);
    badBond.set(6, "  1  3  2  0");
    assertEquals("sdf: bad.mol: line 7: field 'second atom' is 3, outside [1, 2]", message(() -> SdfReader.parse("bad.mol", badBond)));
    List<String> badCount = new ArrayList<>(good);
    badCount.set(3, "  x  1  0  0  0  0  0  0  0  0999 V2000");
    assertEquals("sdf: bad.mol: line 4: field 'atom count' (columns 1-3) is '  x'; expected an integer in [0, 999]",
        message(() -> SdfReader.parse("bad.mol", badCount)));
    assertEquals("sdf: cut.mol: ends at line 6 where bond 1 of 1 should be; the file is truncated",
        message(() -> SdfReader.parse("cut.mol", good.subList(0, 6))));
  }

  @Test
  void malformedSmilesAreNamedByPosition() {
    assertEquals(3, Smiles.parse("C1CC1", "cyclopropane").bonds());
    assertEquals(4, Smiles.parse("[NH4+]", "ammonium").hydrogens(0));
    assertEquals(1, Smiles.parse("c1ccccc1", "benzene").hydrogens(0));
    assertEquals(0, Smiles.parse("c1ccncc1", "pyridine").hydrogens(3));
    assertEquals("smiles: x: position 6 (' ') of 'C1CCC': ring bond 1 is opened but never closed",
        message(() -> Smiles.parse("C1CCC", "x")));
    assertEquals("smiles: x: position 2 ('X') of 'CX': expected an atom (B C N O P S F Cl Br I, lowercase when aromatic, or [..]), "
        + "a bond, a ring number or a branch", message(() -> Smiles.parse("CX", "x")));
  }

  @Test
  void theInstalledDataSetsHaveTheirMolecules() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(MoleculeSet.TPSA) && Files.isRegularFile(MoleculeSet.BZR), "rdkit-data is not installed");
    MoleculeSet tpsa = MoleculeSet.read("tpsa", null);
    assertEquals(4999, tpsa.size());  // 5000 lines, one a comment
    assertEquals(34.14, tpsa.targets()[0]);
    MoleculeSet bzr = MoleculeSet.read("bzr", "ACTIVITY");
    assertEquals(163, bzr.size());  // grep -c '\$\$\$\$' bzr.sdf
    assertEquals(121, java.util.Arrays.stream(bzr.targets()).filter(a -> a >= 7).count());  // awk over the ACTIVITY items
    assertEquals(25, bzr.graphs().getFirst().nodes());  // Adinazolam: 25 heavy atoms
  }

  private static List<String> lines(String... block) {
    List<String> all = new ArrayList<>(List.of("name", "  program", ""));
    all.addAll(List.of(block));
    return all;
  }

  private static String message(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(DataFileException.class, call).getMessage();
  }

  private static double weight(Molecule molecule) {
    double sum = 0;
    for (int i = 0; i < molecule.atoms(); i++) {
      Double mass = MASS.get(molecule.element(i));
      if (mass == null) {
        return Double.NaN;
      }
      sum += mass + molecule.hydrogens(i) * MASS.get("H");
    }
    return sum;
  }

  private static int heteroatoms(Molecule molecule) {
    return (int) java.util.stream.IntStream.range(0, molecule.atoms()).filter(i -> !molecule.element(i).equals("C")).count();
  }
}
