package dev.ruru.nn.graph;

import java.util.Arrays;
import java.util.List;

/**
 * Many small graphs as one: their nodes numbered one after another and their edges shifted to match,
 * so the adjacency is block-diagonal and no message crosses from one graph to another. One forward
 * pass then handles the whole batch; {@link #graphOfNode} says which graph each node belongs to, for
 * {@link GlobalPooling}. Feature rows are stacked in the same order (graph 0's nodes first).
 *
 * @param graph the union, with {@code Σ nodes} nodes
 * @param graphOfNode the graph index of each node, [Σ nodes]
 * @param graphs how many graphs were joined
 */
public record GraphBatch(Graph graph, int[] graphOfNode, int graphs) {
  public GraphBatch {
    graphOfNode = graphOfNode.clone();
  }

  @Override
  public int[] graphOfNode() { return graphOfNode.clone(); }

  /** The block-diagonal union of {@code parts}, in order. */
  public static GraphBatch of(List<Graph> parts) {
    int nodes = parts.stream().mapToInt(Graph::nodes).sum();
    int edges = parts.stream().mapToInt(Graph::edges).sum();
    int[] sources = new int[edges], targets = new int[edges], owner = new int[nodes];
    int nodeOffset = 0, edgeOffset = 0;
    for (int g = 0; g < parts.size(); g++) {
      Graph part = parts.get(g);
      int[] s = part.sources(), t = part.targets();
      for (int e = 0; e < s.length; e++) {
        sources[edgeOffset + e] = s[e] + nodeOffset;
        targets[edgeOffset + e] = t[e] + nodeOffset;
      }
      Arrays.fill(owner, nodeOffset, nodeOffset + part.nodes(), g);
      nodeOffset += part.nodes();
      edgeOffset += s.length;
    }
    return new GraphBatch(Graph.directed(nodes, sources, targets), owner, parts.size());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GraphBatch b && graphs == b.graphs && graph.equals(b.graph) && Arrays.equals(graphOfNode, b.graphOfNode);
  }

  @Override
  public int hashCode() {
    return 31 * graph.hashCode() + Arrays.hashCode(graphOfNode);
  }

  @Override
  public String toString() {
    return "GraphBatch(" + graphs + " graphs, " + graph + ")";
  }
}
