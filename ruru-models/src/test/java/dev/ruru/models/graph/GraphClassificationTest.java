package dev.ruru.models.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.data.graph.GraphAtlas;
import dev.ruru.data.graph.GraphData;
import dev.ruru.models.graph.GraphClassification.Property;
import dev.ruru.models.graph.GraphClassificationRun.Features;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GIN learns "has a triangle" and "is bipartite" on the graph atlas (the installed one; the training tests are skipped without it). */
class GraphClassificationTest {
  private static final Path EXCERPT = Path.of("../ruru-data/src/test/resources/graph/atlas_first20.dat");

  @Test
  void theLabelsAndClosedWalkCountsAreExact() throws Exception {
    List<GraphData> graphs = GraphClassificationRun.readGraphs(EXCERPT.toString(), Features.CLOSED_WALKS);
    // The excerpt's graphs 1..19 (the empty graph left out); networkx: triangles and is_bipartite of graph_atlas(i).
    long[] triangle = graphs.stream().mapToLong(Property.TRIANGLE::of).toArray();
    long[] bipartite = graphs.stream().mapToLong(Property.BIPARTITE::of).toArray();
    assertEquals(List.of(6, 11, 14, 16, 17), indicesOf(triangle, 1), "graph 7 is the triangle");
    assertEquals(List.of(6, 11, 14, 16, 17), indicesOf(bipartite, 0), "on at most 5 nodes here, every odd cycle found is a triangle");
    GraphData triangleGraph = graphs.get(6);
    // Node 0 of a triangle: closed walks of length 3..7 through it, numpy's matrix_power(A, k)[0, 0].
    double[] expected = {2, 6, 10, 22, 42};
    for (int k = 0; k < expected.length; k++) {
      assertEquals(Math.log1p(expected[k]), triangleGraph.features().getDouble(0, GraphClassificationRun.MAX_DEGREE + 1 + k), 1e-6);
    }
  }

  @Test
  void ginTellsGraphsWithATriangleFromGraphsWithout() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(GraphAtlas.DEBIAN), "python3-networkx's atlas is not installed");
    List<GraphData> graphs = GraphClassificationRun.readGraphs("atlas", Features.CLOSED_WALKS);
    assertEquals(1252, graphs.size());
    assertEquals(1, GraphClassification.hasTriangle(graphs.get(6)), "graph 7 of the atlas is the triangle");
    StringWriter printed = new StringWriter();
    GraphSettings settings = new GraphSettings(GraphModel.GIN, "atlas", 32, 0, 0.003, 0, 8, 1);
    double accuracy = new GraphClassificationRun(null, new PrintWriter(printed)).train(graphs, Property.TRIANGLE, settings);
    assertTrue(accuracy >= 0.95, printed.toString());
  }

  private static List<Integer> indicesOf(long[] values, long wanted) {
    return java.util.stream.IntStream.range(0, values.length).filter(i -> values[i] == wanted).boxed().toList();
  }
}
