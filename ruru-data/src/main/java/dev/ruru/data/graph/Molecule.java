package dev.ruru.data.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A molecule as a graph of its heavy atoms: each atom's element, formal charge and number of attached
 * hydrogens, and the bonds between atoms with their order (1, 2, 3, or {@link #AROMATIC}). Hydrogens
 * are counts on their atom, not nodes: a hydrogen atom written out in a file (PubChem's SDF files hold
 * them) is folded into its neighbour's count. An atom whose hydrogens the file leaves implicit gets
 * the smallest standard valence that its bonds fit ({@link #implicitHydrogens}), as RDKit and Daylight
 * count them. Immutable; arrays are copied in and out. {@link SdfReader} and {@link Smiles} make them.
 */
public final class Molecule {
  /** The bond order of an aromatic bond (the MDL bond type 4, SMILES's {@code :} or two lowercase atoms). */
  public static final int AROMATIC = 4;
  /** Marks an atom whose hydrogens are implicit: the valence rules give their number. */
  public static final int IMPLICIT = -1;

  private final String name;
  private final String[] elements;
  private final int[] charges;
  private final int[] hydrogens;
  private final int[] bondAtoms;
  private final int[] bondOrders;
  private final Map<String, String> properties;

  private Molecule(String name, String[] elements, int[] charges, int[] hydrogens, int[] bondAtoms, int[] bondOrders,
      Map<String, String> properties) {
    this.name = name;
    this.elements = elements;
    this.charges = charges;
    this.hydrogens = hydrogens;
    this.bondAtoms = bondAtoms;
    this.bondOrders = bondOrders;
    this.properties = Map.copyOf(properties);
  }

  /**
   * The molecule with atoms {@code elements[i]} (symbols such as {@code C}, {@code Cl}), their charges
   * and hydrogen counts ({@link #IMPLICIT}: by valence), and bonds {@code bondAtoms[2k]} —
   * {@code bondAtoms[2k + 1]} of order {@code bondOrders[k]}. The readers have checked the indices.
   */
  public static Molecule of(String name, String[] elements, int[] charges, int[] hydrogens, int[] bondAtoms, int[] bondOrders,
      Map<String, String> properties) {
    int atoms = elements.length;
    int[] extraHydrogens = new int[atoms];
    boolean[] folded = new boolean[atoms];
    int[] degree = new int[atoms];
    for (int b : bondAtoms) {
      degree[b]++;
    }
    for (int k = 0; k < bondOrders.length; k++) {
      for (int end = 0; end < 2; end++) {
        int h = bondAtoms[2 * k + end], other = bondAtoms[2 * k + 1 - end];
        if (elements[h].equals("H") && degree[h] == 1 && !elements[other].equals("H") && charges[h] == 0) {
          folded[h] = true;
          extraHydrogens[other]++;
        }
      }
    }
    return keepHeavy(name, elements, charges, hydrogens, bondAtoms, bondOrders, properties, folded, extraHydrogens);
  }

  private static Molecule keepHeavy(String name, String[] elements, int[] charges, int[] hydrogens, int[] bondAtoms, int[] bondOrders,
      Map<String, String> properties, boolean[] folded, int[] extraHydrogens) {
    int[] newIndex = new int[elements.length];
    List<Integer> kept = new ArrayList<>();
    for (int i = 0; i < elements.length; i++) {
      newIndex[i] = folded[i] ? -1 : kept.size();
      if (!folded[i]) {
        kept.add(i);
      }
    }
    List<int[]> bonds = new ArrayList<>();
    for (int k = 0; k < bondOrders.length; k++) {
      int a = newIndex[bondAtoms[2 * k]], b = newIndex[bondAtoms[2 * k + 1]];
      if (a >= 0 && b >= 0) {
        bonds.add(new int[] {a, b, bondOrders[k]});
      }
    }
    int n = kept.size();
    String[] e = new String[n];
    int[] c = new int[n], h = new int[n], atomsOfBonds = new int[2 * bonds.size()], orders = new int[bonds.size()];
    for (int k = 0; k < bonds.size(); k++) {
      atomsOfBonds[2 * k] = bonds.get(k)[0];
      atomsOfBonds[2 * k + 1] = bonds.get(k)[1];
      orders[k] = bonds.get(k)[2];
    }
    for (int i = 0; i < n; i++) {
      int old = kept.get(i);
      e[i] = elements[old];
      c[i] = charges[old];
      h[i] = extraHydrogens[old] + (hydrogens[old] != IMPLICIT ? hydrogens[old]
          : implicitHydrogens(e[i], c[i], valenceUsed(old, bondAtoms, bondOrders, folded), aromatic(old, bondOrders, bondAtoms)));
    }
    return new Molecule(name, e, c, h, atomsOfBonds, orders, properties);
  }

  private static boolean aromatic(int atom, int[] bondOrders, int[] bondAtoms) {
    for (int k = 0; k < bondOrders.length; k++) {
      if (bondOrders[k] == AROMATIC && (bondAtoms[2 * k] == atom || bondAtoms[2 * k + 1] == atom)) {
        return true;
      }
    }
    return false;
  }

  /** The bond orders at {@code atom} to atoms that stay nodes; aromatic bonds count 1 each, plus 1 for the atom's π electron. */
  private static int valenceUsed(int atom, int[] bondAtoms, int[] bondOrders, boolean[] folded) {
    int sum = 0;
    boolean aromatic = false;
    for (int k = 0; k < bondOrders.length; k++) {
      int a = bondAtoms[2 * k], b = bondAtoms[2 * k + 1];
      if ((a == atom && !folded[b]) || (b == atom && !folded[a])) {
        sum += bondOrders[k] == AROMATIC ? 1 : bondOrders[k];
        aromatic |= bondOrders[k] == AROMATIC;
      }
    }
    return sum + (aromatic ? 1 : 0);
  }

  /**
   * The hydrogens an atom of {@code element} with {@code charge} carries when its bonds use
   * {@code used} valence: the smallest standard valence at least {@code used}, minus {@code used}
   * (0 when none fits, and for elements without standard valences, such as metals). A charge makes
   * the atom behave as its isoelectronic neighbour in the table (N⁺ as C, O⁻ as F), as RDKit does.
   * An aromatic atom may use only its lowest valence: thiophene's sulphur (2 + 1 used) has no hydrogen.
   */
  public static int implicitHydrogens(String element, int charge, int used, boolean aromatic) {
    int number = Arrays.asList(ORGANIC).indexOf(element.equals("Br") || element.equals("I") ? "Cl" : element);
    if (number < 0 || element.isEmpty()) {
      return 0;
    }
    int[] valences = VALENCES[Math.max(0, Math.min(VALENCES.length - 1, number - charge))];
    for (int valence : aromatic && valences.length > 0 ? new int[] {valences[0]} : valences) {
      if (valence >= used) {
        return valence - used;
      }
    }
    return 0;
  }

  /** Elements with standard valences, by atomic number minus 5 (so a charge shifts the index); Br and I count as Cl. */
  private static final String[] ORGANIC = {"B", "C", "N", "O", "F", "", "", "", "", "Si", "P", "S", "Cl"};
  private static final int[][] VALENCES = {{3}, {4}, {3, 5}, {2}, {1}, {}, {}, {}, {}, {4}, {3, 5}, {2, 4, 6}, {1}};

  public String name() { return name; }
  public int atoms() { return elements.length; }
  public int bonds() { return bondOrders.length; }
  public String element(int atom) { return elements[atom]; }
  public int charge(int atom) { return charges[atom]; }
  public int hydrogens(int atom) { return hydrogens[atom]; }
  /** The two atoms of each bond, [2·bonds] (bond k joins entries 2k and 2k + 1); a copy. */
  public int[] bondAtoms() { return bondAtoms.clone(); }
  /** Each bond's order: 1, 2, 3 or {@link #AROMATIC}; a copy. */
  public int[] bondOrders() { return bondOrders.clone(); }
  /** The data items of an SDF record ({@code > <ACTIVITY>}), by name; empty for other sources. */
  public Map<String, String> properties() { return properties; }

  @Override
  public String toString() {
    return "Molecule(" + name + ": " + atoms() + " heavy atoms, " + bonds() + " bonds)";
  }
}
