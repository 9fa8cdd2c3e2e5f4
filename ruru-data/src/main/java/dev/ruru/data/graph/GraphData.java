package dev.ruru.data.graph;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.DataFileException;

/**
 * One graph data set as arrays: {@code nodes} nodes with a feature row each ([nodes, d], float32), a
 * class label each ([nodes], int64, or none), the directed edges {@code sources[e] → targets[e]} (an
 * undirected link is both of its directions) and an optional {@link NodeSplit}. Immutable; arrays are
 * copied in and out. The checks name the source, so a bad file says where it came from.
 */
public final class GraphData {
  private final String source;
  private final int nodes;
  private final int[] sources;
  private final int[] targets;
  private final NDArray features;
  private final NDArray labels;
  private final NodeSplit split;
  private final NDArray edgeFeatures;

  private GraphData(String source, int nodes, int[] sources, int[] targets, NDArray features, NDArray labels, NodeSplit split,
      NDArray edgeFeatures) {
    this.edgeFeatures = edgeFeatures;
    this.source = source;
    this.nodes = nodes;
    this.sources = sources;
    this.targets = targets;
    this.features = features;
    this.labels = labels;
    this.split = split;
  }

  /**
   * The data set read from {@code source} (a file name, for messages). Throws {@link DataFileException}
   * when an edge's end or a split's node is outside [0, nodes), the features are not [nodes, d], or the
   * labels are not [nodes] integers. {@code labels} and {@code split} may be null.
   */
  public static GraphData of(String source, int nodes, int[] sources, int[] targets, NDArray features, NDArray labels, NodeSplit split) {
    if (sources.length != targets.length) {
      throw new DataFileException("graph", source, "the edges have " + sources.length + " sources but " + targets.length + " targets");
    }
    checkNodes(source, "edge", sources, nodes);
    checkNodes(source, "edge", targets, nodes);
    if (features.rank() != 2 || features.dim(0) != nodes) {
      throw new DataFileException("graph", source, "the feature matrix is " + features.shape() + " but the graph has " + nodes
          + " nodes; it needs one row per node, [" + nodes + ", features]");
    }
    checkIsolatedNodesHaveFeatures(source, nodes, sources, targets, features);
    if (labels != null && (!labels.shape().equals(Shape.of(nodes)) || !labels.dtype().isInteger())) {
      throw new DataFileException("graph", source, "expected one integer label per node, [" + nodes + "], got " + labels.dtype() + " "
          + labels.shape());
    }
    if (split != null) {
      checkNodes(source, "train node", split.train(), nodes);
      checkNodes(source, "validation node", split.validation(), nodes);
      checkNodes(source, "test node", split.test(), nodes);
    }
    return new GraphData(source, nodes, sources.clone(), targets.clone(), features.astype(DType.FLOAT32).contiguous(),
        labels == null ? null : labels.astype(DType.INT64), split, null);
  }

  /**
   * A node with no edges and a feature row of zeros gives a network nothing: every layer sees the same
   * empty input for it, so it is a mistake in the data (a lost row, a wrong id), said as one.
   */
  private static void checkIsolatedNodesHaveFeatures(String source, int nodes, int[] sources, int[] targets, NDArray features) {
    boolean[] linked = new boolean[nodes];
    for (int e = 0; e < sources.length; e++) {
      linked[sources[e]] = true;
      linked[targets[e]] = true;
    }
    for (int i = 0; i < nodes; i++) {
      if (!linked[i] && features.dim(1) > 0 && features.slice(0, i, i + 1, 1).abs().max().item() == 0) {
        throw new DataFileException("graph", source, "node " + i + " has no edges and no features (its feature row is all zeros), so"
            + " nothing can tell it from any other; give it features or links, or leave it out");
      }
    }
  }

  private static void checkNodes(String source, String what, int[] indices, int nodes) {
    for (int e = 0; e < indices.length; e++) {
      if (indices[e] < 0 || indices[e] >= nodes) {
        String where = what.equals("edge") ? "edge " + e + " ends at node " + indices[e] : what + " " + indices[e] + " (entry " + e + ")";
        throw new DataFileException("graph", source, where + ", outside [0, " + nodes + "); the graph has " + nodes + " nodes");
      }
    }
  }

  /** Checks every link's two ends against the node count, naming the link as the file holds it. */
  static void checkLinks(String source, int[] u, int[] v, int nodes) {
    for (int e = 0; e < u.length; e++) {
      int outside = u[e] < 0 || u[e] >= nodes ? u[e] : v[e] < 0 || v[e] >= nodes ? v[e] : -1;
      if (outside != -1 || u[e] < 0 || v[e] < 0) {
        throw new DataFileException("graph", source, "link " + e + " (" + u[e] + ", " + v[e] + ") has node " + outside + ", outside [0, "
            + nodes + "); the graph has " + nodes + " nodes");
      }
    }
  }

  /** Each link {@code u[e] — v[e]} as its two directed edges: sources then targets, [2·links] each. */
  static int[][] bothDirections(int[] u, int[] v) {
    int[] sources = java.util.Arrays.copyOf(u, 2 * u.length);
    int[] targets = java.util.Arrays.copyOf(v, 2 * v.length);
    System.arraycopy(v, 0, sources, u.length, v.length);
    System.arraycopy(u, 0, targets, v.length, u.length);
    return new int[][] {sources, targets};
  }

  public String source() { return source; }
  public int nodes() { return nodes; }
  public int edges() { return sources.length; }
  public int[] sources() { return sources.clone(); }
  public int[] targets() { return targets.clone(); }
  /** [nodes, d] float32. */
  public NDArray features() { return features; }
  public int featureCount() { return features.dim(1); }
  /** [nodes] int64, or null when the data set has no labels. */
  public NDArray labels() { return labels; }
  /** The split, or null when the data set has none. */
  public NodeSplit split() { return split; }

  /** The number of classes: one more than the largest label (0 without labels). */
  public int classes() {
    return labels == null || nodes == 0 ? 0 : (int) labels.max().item() + 1;
  }

  /** The same graph with another split. */
  public GraphData withSplit(NodeSplit newSplit) {
    GraphData copy = of(source, nodes, sources, targets, features, labels, newSplit);
    return edgeFeatures == null ? copy : copy.withEdgeFeatures(edgeFeatures);
  }

  /**
   * The same graph with a feature row per edge, [edges, k] (a molecule's bond types), in the order of
   * {@link #sources}; throws {@link DataFileException} when the rows do not match the edges.
   */
  public GraphData withEdgeFeatures(NDArray perEdge) {
    if (perEdge.rank() != 2 || perEdge.dim(0) != edges()) {
      throw new DataFileException("graph", source, "the edge feature matrix is " + perEdge.shape() + " but the graph has " + edges()
          + " edges; it needs one row per edge, [" + edges() + ", features]");
    }
    return new GraphData(source, nodes, sources, targets, features, labels, split, perEdge.astype(DType.FLOAT32).contiguous());
  }

  /** [edges, k] float32, or null when the edges carry no features. */
  public NDArray edgeFeatures() { return edgeFeatures; }

  @Override
  public String toString() {
    return "GraphData(" + source + ": " + nodes + " nodes, " + sources.length + " edges, " + featureCount() + " features"
        + (labels == null ? "" : ", " + classes() + " classes") + (split == null ? "" : ", " + split) + ")";
  }
}
