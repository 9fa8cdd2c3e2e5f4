package dev.ruru.nn.graph;

import dev.ruru.array.DType;
import dev.ruru.array.sparse.CooMatrix;
import dev.ruru.array.sparse.CsrMatrix;
import java.util.Arrays;

/**
 * The structure of a graph: {@code nodes} nodes and directed edges {@code sources[e] → targets[e]};
 * messages flow from a source to its target, so a node aggregates over its in-edges. An undirected
 * graph holds each link in both directions ({@link #undirected}). Node features are a separate tensor
 * [nodes, d], so one graph serves every layer. Immutable; the arrays given are copied. The matrices
 * layers need (GCN's normalised adjacency) are computed once, on first use.
 *
 * <pre>{@code
 * Graph triangle = Graph.undirected(3, new int[] {0, 1, 2}, new int[] {1, 2, 0});   // 6 directed edges
 * CsrMatrix propagation = triangle.gcnPropagation(DType.FLOAT32);                                 // D^-1/2 (A + I) D^-1/2
 * }</pre>
 */
public final class Graph {
  private final int nodes;
  private final int[] sources;
  private final int[] targets;
  private volatile CsrMatrix gcnPropagation;
  private volatile CsrMatrix gcnPropagationFloat32;

  private Graph(int nodes, int[] sources, int[] targets) {
    this.nodes = nodes;
    this.sources = sources;
    this.targets = targets;
  }

  /**
   * The graph with the directed edges {@code sources[e] → targets[e]}. Throws
   * {@link IllegalArgumentException} when the arrays differ in length or an index is outside [0, nodes).
   */
  public static Graph directed(int nodes, int[] sources, int[] targets) {
    if (nodes < 0) {
      throw new IllegalArgumentException("Graph: the node count must not be negative, got " + nodes);
    }
    if (sources.length != targets.length) {
      throw new IllegalArgumentException("Graph: sources and targets must have one length (one per edge), got "
          + sources.length + " and " + targets.length);
    }
    checkNodes("source", sources, nodes);
    checkNodes("target", targets, nodes);
    return new Graph(nodes, sources.clone(), targets.clone());
  }

  /** The graph with each link {@code u[e] — v[e]} as the two edges u → v and v → u. */
  public static Graph undirected(int nodes, int[] u, int[] v) {
    if (u.length != v.length) {
      throw new IllegalArgumentException("Graph: both ends of every link are needed, got " + u.length + " and " + v.length);
    }
    int[] sources = Arrays.copyOf(u, 2 * u.length);
    int[] targets = Arrays.copyOf(v, 2 * v.length);
    System.arraycopy(v, 0, sources, u.length, v.length);
    System.arraycopy(u, 0, targets, v.length, u.length);
    return directed(nodes, sources, targets);
  }

  private static void checkNodes(String end, int[] indices, int nodes) {
    for (int e = 0; e < indices.length; e++) {
      if (indices[e] < 0 || indices[e] >= nodes) {
        throw new IndexOutOfBoundsException("Graph: edge " + e + " has " + end + " node " + indices[e] + ", outside [0, "
            + nodes + "); the graph has " + nodes + " nodes");
      }
    }
  }

  public int nodes() { return nodes; }
  public int edges() { return sources.length; }
  /** The source of each edge, [edges]; a copy. */
  public int[] sources() { return sources.clone(); }
  /** The target of each edge, [edges]; a copy. */
  public int[] targets() { return targets.clone(); }

  /** This graph plus an edge i → i at every node (GAT and GCN let a node attend to itself). */
  public Graph withSelfLoops() {
    int[] s = Arrays.copyOf(sources, sources.length + nodes);
    int[] t = Arrays.copyOf(targets, targets.length + nodes);
    for (int i = 0; i < nodes; i++) {
      s[sources.length + i] = i;
      t[sources.length + i] = i;
    }
    return new Graph(nodes, s, t);
  }

  /** The number of edges into each node, [nodes]. */
  public int[] inDegrees() {
    int[] degrees = new int[nodes];
    for (int target : targets) {
      degrees[target]++;
    }
    return degrees;
  }

  /** A[target, source] = number of edges source → target, as a float32 CSR matrix: (A·X)[i] sums i's in-neighbours. */
  public CsrMatrix adjacency() {
    return CooMatrix.ofOnes(nodes, nodes, targets, sources).toCsr(DType.FLOAT32);
  }

  /**
   * Â = D^-1/2 (A + I) D^-1/2 with D the degrees of A + I (Kipf and Welling, 2017), in {@code dtype}
   * (float32 or float64), computed in float64 on first use and kept: a graph convolution propagates
   * features by Â on every step.
   */
  public CsrMatrix gcnPropagation(DType dtype) {
    CsrMatrix exact = gcnPropagation;
    if (exact == null) {
      exact = CooMatrix.ofOnes(nodes, nodes, targets, sources).toCsr(DType.FLOAT64).normalizedWithSelfLoops();
      gcnPropagation = exact;
    }
    if (dtype == DType.FLOAT64) {
      return exact;
    }
    CsrMatrix single = gcnPropagationFloat32;
    if (single == null) {
      single = exact.withValues(exact.values().astype(DType.FLOAT32));
      gcnPropagationFloat32 = single;
    }
    return single;
  }

  @Override
  public String toString() {
    return "Graph(" + nodes + " nodes, " + sources.length + " edges)";
  }
}
