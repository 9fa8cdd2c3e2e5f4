package dev.ruru.data.graph;

import dev.ruru.data.DataFileException;
import dev.ruru.data.StrictUtf8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Molecules as graphs ({@link MoleculeGraph}), each with a number to learn: read from a CSV of
 * {@code SMILES,value} lines (the NCI molecules' polar surface areas in Debian's {@code rdkit-data})
 * or from an SD file's data item (the BZR ligands' {@code ACTIVITY}). Immutable.
 *
 * <pre>{@code
 * MoleculeSet tpsa = MoleculeSet.read("tpsa", null);            // 4,999 molecules, TPSA in Å²
 * MoleculeSet bzr = MoleculeSet.read("bzr", "ACTIVITY");        // 163 ligands, pIC50
 * }</pre>
 */
public final class MoleculeSet {
  /** Ertl's topological polar surface area of the first 4,999 NCI molecules, installed by {@code apt-get install rdkit-data}. */
  public static final Path TPSA = Path.of("/usr/share/RDKit/Data/NCI/first_5k.tpsa.csv");
  /** 163 benzodiazepine-receptor ligands with their pIC50 (Sutherland et al., 2003), installed by rdkit-data. */
  public static final Path BZR = Path.of("/usr/share/RDKit/Projects/DbCLI/testData/bzr.sdf");

  private final String source;
  private final List<GraphData> graphs;
  private final double[] targets;
  private final String spec;
  private final String property;

  private MoleculeSet(String source, List<GraphData> graphs, double[] targets, String spec, String property) {
    this.source = source;
    this.graphs = List.copyOf(graphs);
    this.targets = targets.clone();
    this.spec = spec;
    this.property = property;
  }

  /**
   * {@code tpsa} or {@code bzr} (the installed files), a {@code .csv} of SMILES and values, or an
   * {@code .sdf}/{@code .mol} file whose data item {@code property} holds each value.
   */
  public static MoleculeSet read(String spec, String property) throws IOException {
    Path file = spec.equalsIgnoreCase("tpsa") ? TPSA : spec.equalsIgnoreCase("bzr") ? BZR : Path.of(spec);
    if (!Files.isRegularFile(file)) {
      throw new DataFileException("molecules", file.toString(), "not found; " + (file.startsWith("/usr/share/RDKit")
          ? "install it with apt-get install rdkit-data" : "give a CSV of SMILES,value lines or an SD file"));
    }
    boolean csv = file.toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    MoleculeSet set = csv ? smilesCsv(file) : sdf(file, property != null ? property : "ACTIVITY");
    return new MoleculeSet(set.source, set.graphs, set.targets, spec, csv ? null : property != null ? property : "ACTIVITY");
  }

  /** Lines {@code SMILES,value}; blank lines, {@code #} comments and a header whose value is not a number are skipped. */
  public static MoleculeSet smilesCsv(Path file) throws IOException {
    String source = String.valueOf(file.getFileName());
    List<String> lines = utf8Lines(file, "molecules");
    List<GraphData> graphs = new ArrayList<>();
    double[] values = new double[lines.size()];
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      String[] cells = line.split(",");
      if (line.isEmpty() || line.startsWith("#") || graphs.isEmpty() && cells.length == 2 && !number(cells[1])) {
        continue;
      }
      if (cells.length != 2 || !number(cells[1])) {
        throw new DataFileException("molecules", source, "line " + (n + 1) + " is '" + line + "'; expected SMILES,value");
      }
      values[graphs.size()] = Double.parseDouble(cells[1].strip());
      graphs.add(MoleculeGraph.of(Smiles.parse(cells[0], source + " line " + (n + 1))));
    }
    return new MoleculeSet(source, graphs, java.util.Arrays.copyOf(values, graphs.size()), file.toString(), null);
  }

  /** The records of an SD file, each valued by its data item {@code property}. */
  public static MoleculeSet sdf(Path file, String property) throws IOException {
    String source = String.valueOf(file.getFileName());
    List<Molecule> molecules = SdfReader.read(file);
    double[] values = new double[molecules.size()];
    List<GraphData> graphs = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      String value = molecules.get(i).properties().get(property);
      if (value == null || !number(value)) {
        throw new DataFileException("molecules", source, "record " + (i + 1) + " (" + molecules.get(i).name() + ") has "
            + (value == null ? "no data item <" + property + ">" : "<" + property + "> '" + value + "', not a number")
            + "; its items are " + molecules.get(i).properties().keySet());
      }
      values[i] = Double.parseDouble(value.strip());
      graphs.add(MoleculeGraph.of(molecules.get(i)));
    }
    return new MoleculeSet(source, graphs, values, file.toString(), property);
  }

  /** The file's lines; bytes that are not UTF-8 are refused naming the file and the offset, not with a MalformedInputException. */
  static List<String> utf8Lines(Path file, String format) throws IOException {
    String text = StrictUtf8.decode(Files.readAllBytes(file), (offset, bad) -> new DataFileException(format,
        String.valueOf(file.getFileName()), "not valid UTF-8: the bytes at offset " + offset + " (" + bad + "); " + StrictUtf8.HINT));
    return text.lines().toList();
  }

  private static boolean number(String text) {
    try {
      return Double.isFinite(Double.parseDouble(text.strip()));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  public String source() { return source; }
  /** What {@link #read} was given ({@code tpsa}, a path), so that a resumed run reads the same molecules. */
  public String spec() { return spec; }
  /** The SD data item the values came from; null for a CSV. */
  public String property() { return property; }
  public int size() { return graphs.size(); }
  public List<GraphData> graphs() { return graphs; }
  /** Each molecule's value, in order; a copy. */
  public double[] targets() { return targets.clone(); }

  @Override
  public String toString() {
    return "MoleculeSet(" + source + ": " + graphs.size() + " molecules)";
  }
}
