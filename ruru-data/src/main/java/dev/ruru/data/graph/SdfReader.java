package dev.ruru.data.graph;

import dev.ruru.data.DataFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MDL molfiles (V2000) and SD files, the exchange format of chemistry: a header of three lines, a
 * counts line ({@code aaabbb ... V2000}), one fixed-column line per atom (coordinates, symbol, charge
 * code) and per bond (two atom numbers from 1, the bond type 1, 2, 3 or 4 = aromatic), property lines
 * ({@code M  CHG} sets charges) up to {@code M  END}, and in an SD file the record's data items
 * ({@code >  <ACTIVITY>} then its value lines) up to {@code $$$$}. Counts are three-digit fields, so
 * no record can make the reader allocate more than 999 atoms or bonds; a malformed field is reported
 * with its file, line and name. Coordinates are not kept: a graph needs only who is bonded to whom.
 *
 * <pre>{@code
 * List<Molecule> ligands = SdfReader.read(Path.of("/usr/share/RDKit/Projects/DbCLI/testData/bzr.sdf"));
 * double activity = Double.parseDouble(ligands.get(0).properties().get("ACTIVITY"));
 * }</pre>
 */
public final class SdfReader {
  private static final String FORMAT = "sdf";
  /** MDL's charge codes 0..7 in the atom block: 1 is +3, 2 is +2, 3 is +1, 4 a doublet radical (charge 0), 5 is −1, … */
  private static final int[] CHARGE_CODES = {0, 3, 2, 1, 0, -1, -2, -3};

  private final String source;
  private final List<String> lines;
  private int next;

  private SdfReader(String source, List<String> lines) {
    this.source = source;
    this.lines = lines;
  }

  /** Every record of an SD file (or the one molecule of a .mol file), in order. */
  public static List<Molecule> read(Path file) throws IOException {
    return parse(String.valueOf(file.getFileName()), Files.readAllLines(file, StandardCharsets.ISO_8859_1));
  }

  /** Every record of {@code text}; {@code source} names it in messages. */
  public static List<Molecule> parse(String source, List<String> lines) {
    SdfReader reader = new SdfReader(source, lines);
    List<Molecule> molecules = new ArrayList<>();
    while (reader.hasRecord()) {
      molecules.add(reader.record());
    }
    if (molecules.isEmpty()) {
      throw new DataFileException(FORMAT, source, "holds no molecule; expected a molfile header, counts line and atom block");
    }
    return molecules;
  }

  private boolean hasRecord() {
    for (int i = next; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return true;
      }
    }
    return false;
  }

  private Molecule record() {
    String name = line("the molecule's name (header line 1)").strip();
    line("header line 2");
    line("header line 3");
    String counts = line("the counts line");
    if (counts.contains("V3000")) {
      throw error(next, "is a V3000 molfile; only V2000 is read (convert it, e.g. with RDKit or Open Babel)");
    }
    int atoms = field(counts, 0, 3, "atom count", 0, 999);
    int bonds = field(counts, 3, 6, "bond count", 0, 999);
    String[] elements = new String[atoms];
    int[] charges = new int[atoms];
    for (int i = 0; i < atoms; i++) {
      String atom = line("atom " + (i + 1) + " of " + atoms);
      elements[i] = symbol(atom);
      charges[i] = CHARGE_CODES[atom.length() < 39 ? 0 : field(atom, 36, 39, "charge code", 0, 7)];
    }
    int[] bondAtoms = new int[2 * bonds];
    int[] orders = new int[bonds];
    for (int k = 0; k < bonds; k++) {
      String bond = line("bond " + (k + 1) + " of " + bonds);
      bondAtoms[2 * k] = field(bond, 0, 3, "first atom", 1, atoms) - 1;
      bondAtoms[2 * k + 1] = field(bond, 3, 6, "second atom", 1, atoms) - 1;
      orders[k] = field(bond, 6, 9, "bond type (1, 2, 3 or 4 = aromatic)", 1, 4);
    }
    propertyBlock(charges);
    int[] hydrogens = new int[atoms];
    java.util.Arrays.fill(hydrogens, Molecule.IMPLICIT);
    return Molecule.of(name.isEmpty() ? source + " record at line " + next : name, elements, charges, hydrogens, bondAtoms, orders,
        dataItems());
  }

  /** The lines up to {@code M  END}; {@code M  CHG} replaces every charge of the atom block, as the format says. */
  private void propertyBlock(int[] charges) {
    boolean reset = false;
    while (true) {
      String line = line("the property block ending in 'M  END'");
      if (line.startsWith("M  END")) {
        return;
      }
      if (line.startsWith("M  CHG")) {
        if (!reset) {
          java.util.Arrays.fill(charges, 0);
          reset = true;
        }
        int entries = field(line, 6, 9, "CHG entry count", 1, 8);
        for (int j = 0; j < entries; j++) {
          int atom = field(line, 10 + 8 * j, 13 + 8 * j, "CHG atom", 1, charges.length);
          charges[atom - 1] = field(line, 14 + 8 * j, 17 + 8 * j, "CHG charge", -15, 15);
        }
      }
    }
  }

  /** The data items after {@code M  END}, up to {@code $$$$} or the end of the file. */
  private Map<String, String> dataItems() {
    Map<String, String> items = new LinkedHashMap<>();
    while (next < lines.size()) {
      String line = lines.get(next++);
      if (line.startsWith("$$$$")) {
        break;
      }
      int open = line.indexOf('<'), close = line.indexOf('>', open + 1);
      if (line.startsWith(">") && open > 0 && close > open) {
        StringBuilder value = new StringBuilder();
        while (next < lines.size() && !lines.get(next).isBlank() && !lines.get(next).startsWith("$$$$")) {
          value.append(value.isEmpty() ? "" : "\n").append(lines.get(next++).strip());
        }
        items.put(line.substring(open + 1, close), value.toString());
      }
    }
    return items;
  }

  private String symbol(String atom) {
    String symbol = atom.length() < 34 ? "" : atom.substring(31, 34).strip();
    if (!symbol.matches("[A-Z][a-z]?")) {
      throw error(next, "atom block field 'symbol' (columns 32-34) is '" + symbol + "'; expected an element symbol such as C or Cl "
          + "(query atoms and lists are not read)");
    }
    return symbol;
  }

  private String line(String what) {
    if (next >= lines.size()) {
      throw new DataFileException(FORMAT, source, "ends at line " + lines.size() + " where " + what + " should be; the file is truncated");
    }
    return lines.get(next++);
  }

  /** The integer in columns [from, to) of the line just read, checked to lie in [min, max]. */
  private int field(String line, int from, int to, String name, int min, int max) {
    String text = line.length() < to ? line.substring(Math.min(from, line.length())) : line.substring(from, to);
    int value;
    try {
      value = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw error(next, "field '" + name + "' (columns " + (from + 1) + "-" + to + ") is '" + text + "'; expected an integer in ["
          + min + ", " + max + "]");
    }
    if (value < min || value > max) {
      throw error(next, "field '" + name + "' is " + value + ", outside [" + min + ", " + max + "]");
    }
    return value;
  }

  private DataFileException error(int lineNumber, String problem) {
    return new DataFileException(FORMAT, source, "line " + lineNumber + ": " + problem);
  }
}
