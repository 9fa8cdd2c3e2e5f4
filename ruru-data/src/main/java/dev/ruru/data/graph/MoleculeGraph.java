package dev.ruru.data.graph;

import dev.ruru.array.NDArray;
import java.util.List;

/**
 * A {@link Molecule} as a {@link GraphData}: a node per heavy atom, each bond as its two directed
 * edges, and the usual atom and bond features of chemistry's graph networks (as in OGB's and
 * DeepChem's featurisers), one-hot where a value is a category:
 * <ul>
 *   <li>atom, {@value #ATOM_FEATURES} columns: element (C, N, O, S, F, Cl, Br, I, P, other), heavy
 *   neighbours (0..5), hydrogens (0..4), charge (−1, 0, +1; beyond is clamped), aromatic, the number of
 *   its single, double, triple and aromatic bonds, and whether it lies in a three-membered ring;</li>
 *   <li>bond, {@value #BOND_FEATURES} columns per directed edge: single, double, triple, aromatic.</li>
 * </ul>
 * The bond counts put each atom's bond types into its own row, so layers that ignore edge features
 * (GIN, GCN) still see them; the three-ring flag is there because message passing alone cannot tell
 * a triangle from a longer cycle (Xu et al., 2019), and chemistry scores such atoms differently.
 */
public final class MoleculeGraph {
  public static final List<String> ELEMENTS = List.of("C", "N", "O", "S", "F", "Cl", "Br", "I", "P");
  public static final int ATOM_FEATURES = 10 + 6 + 5 + 3 + 1 + 4 + 1;
  public static final int BOND_FEATURES = 4;

  private MoleculeGraph() {}

  /** The graph of {@code molecule}, named by it (its source in messages). */
  public static GraphData of(Molecule molecule) {
    int atoms = molecule.atoms(), bonds = molecule.bonds();
    int[] bondAtoms = molecule.bondAtoms(), orders = molecule.bondOrders();
    int[][] edges = GraphData.bothDirections(everyOther(bondAtoms, 0), everyOther(bondAtoms, 1));
    float[] bondRows = new float[2 * bonds * BOND_FEATURES];
    int[][] bondCounts = new int[atoms][4];
    int[] degree = new int[atoms];
    for (int k = 0; k < bonds; k++) {
      int type = orders[k] - 1;
      bondRows[k * BOND_FEATURES + type] = 1;
      bondRows[(bonds + k) * BOND_FEATURES + type] = 1;
      for (int end = 0; end < 2; end++) {
        bondCounts[bondAtoms[2 * k + end]][type]++;
        degree[bondAtoms[2 * k + end]]++;
      }
    }
    boolean[] inTriangle = inThreeRing(atoms, bondAtoms);
    float[] rows = new float[atoms * ATOM_FEATURES];
    for (int i = 0; i < atoms; i++) {
      int at = i * ATOM_FEATURES;
      int element = ELEMENTS.indexOf(molecule.element(i));
      rows[at + (element < 0 ? ELEMENTS.size() : element)] = 1;
      rows[at + 10 + Math.min(degree[i], 5)] = 1;
      rows[at + 16 + Math.min(molecule.hydrogens(i), 4)] = 1;
      rows[at + 21 + Math.max(-1, Math.min(1, molecule.charge(i))) + 1] = 1;
      rows[at + 24] = bondCounts[i][3] > 0 ? 1 : 0;
      for (int type = 0; type < 4; type++) {
        rows[at + 25 + type] = bondCounts[i][type];
      }
      rows[at + 29] = inTriangle[i] ? 1 : 0;
    }
    GraphData graph = GraphData.of(molecule.name(), atoms, edges[0], edges[1], NDArray.wrap(rows, atoms, ATOM_FEATURES), null, null);
    return graph.withEdgeFeatures(NDArray.wrap(bondRows, 2 * bonds, BOND_FEATURES));
  }

  private static int[] everyOther(int[] values, int start) {
    int[] out = new int[values.length / 2];
    for (int k = 0; k < out.length; k++) {
      out[k] = values[2 * k + start];
    }
    return out;
  }

  /** Atoms a, b, c pairwise bonded; molecules are small (bounded by the readers), so the cubic search is cheap. */
  private static boolean[] inThreeRing(int atoms, int[] bondAtoms) {
    java.util.Set<Long> linked = new java.util.HashSet<>();
    for (int k = 0; k < bondAtoms.length; k += 2) {
      linked.add((long) bondAtoms[k] * atoms + bondAtoms[k + 1]);
      linked.add((long) bondAtoms[k + 1] * atoms + bondAtoms[k]);
    }
    boolean[] in = new boolean[atoms];
    for (int k = 0; k < bondAtoms.length; k += 2) {
      int a = bondAtoms[k], b = bondAtoms[k + 1];
      for (int c = 0; c < atoms; c++) {
        if (c != a && c != b && linked.contains((long) a * atoms + c) && linked.contains((long) b * atoms + c)) {
          in[a] = in[b] = in[c] = true;
        }
      }
    }
    return in;
  }
}
