package dev.ruru.models.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.data.graph.GraphAtlas;
import dev.ruru.data.graph.GraphData;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GIN learns "has a triangle" on the graph atlas (the installed one; the test is skipped without it). */
class GraphClassificationTest {
  @Test
  void ginTellsGraphsWithATriangleFromGraphsWithout() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(GraphAtlas.DEBIAN), "python3-networkx's atlas is not installed");
    List<GraphData> graphs = GraphClassificationRun.readGraphs("atlas");
    assertEquals(1252, graphs.size());
    assertEquals(1, GraphClassification.hasTriangle(graphs.get(6)), "graph 7 of the atlas is the triangle");
    StringWriter printed = new StringWriter();
    double accuracy = new GraphClassificationRun(null, new PrintWriter(printed))
        .train(graphs, GraphSettings.defaults(GraphModel.GIN, "atlas", 1).withEpochs(8));
    assertTrue(accuracy >= 0.9, printed.toString());
  }
}
