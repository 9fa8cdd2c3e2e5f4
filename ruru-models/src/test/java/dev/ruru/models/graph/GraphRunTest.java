package dev.ruru.models.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.data.graph.GraphData;
import dev.ruru.data.graph.KarateClub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Node classification runs on Zachary's karate club, one labelled member per faction. */
class GraphRunTest {
  @TempDir
  Path folder;

  @Test
  void gcnLabelsTheKarateClubFromTwoLabelledMembersAndWritesItsReports() throws Exception {
    StringWriter printed = new StringWriter();
    GraphReport report = new GraphRun(folder, new PrintWriter(printed)).train(KarateClub.load(),
        GraphSettings.defaults(GraphModel.GCN, "karate", 1).withEpochs(100));
    assertTrue(report.testAccuracy() >= 0.85, printed.toString());
    for (String file : new String[] {GraphReport.METRICS, GraphRun.CURVES, GraphRun.DRAWING, GraphRun.CODES}) {
      assertTrue(Files.size(folder.resolve(file)) > 1000, file);
    }
    JsonNode metrics = new ObjectMapper().readTree(folder.resolve(GraphReport.METRICS).toFile());
    assertEquals("gcn", metrics.get("model").asText());
    assertEquals(100, metrics.get("epochs").size());
    assertEquals(report.testAccuracy(), metrics.get("test_accuracy").asDouble(), 1e-12);
    assertTrue(printed.toString().contains("test accuracy"), printed.toString());
  }

  @Test
  void everyFamilyLearnsTheClubBetterThanChance() throws Exception {
    for (GraphModel model : GraphModel.values()) {
      GraphReport report = new GraphRun(null, null).train(KarateClub.load(), GraphSettings.defaults(model, "karate", 2).withEpochs(60));
      assertTrue(report.testAccuracy() >= 0.7, model + ": " + report.testAccuracy());
      assertTrue(report.epochs().getLast().trainLoss() < report.epochs().getFirst().trainLoss(), model + " loss did not fall");
    }
  }

  @Test
  void aSeedGivesTheSameRunTwice() throws Exception {
    GraphSettings settings = GraphSettings.defaults(GraphModel.GAT, "karate", 5).withEpochs(20);
    GraphReport first = new GraphRun(null, null).train(KarateClub.load(), settings);
    GraphReport second = new GraphRun(null, null).train(KarateClub.load(), settings);
    assertEquals(first.epochs().getLast().trainLoss(), second.epochs().getLast().trainLoss());
  }

  @Test
  void aGraphWithoutLabelsOrWithoutTheFileIsRefusedWithAHint() throws Exception {
    Files.writeString(folder.resolve("edges.csv"), "0,1\n1,2\n");
    GraphData unlabelled = GraphRun.readGraph(folder.toString());
    assertEquals("graph run: edges.csv has no labels; node classification needs one label per node (a 'labels' array in the archive, "
        + "or nodes.csv beside edges.csv)", assertThrows(IllegalArgumentException.class,
            () -> new GraphRun(null, null).train(unlabelled, GraphSettings.defaults(GraphModel.GCN, "x", 1))).getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> GraphRun.readGraph("no/such.npz")).getMessage()
        .startsWith("--graph: no/such.npz does not exist"));
    assertEquals(34, Arrays.stream(GraphRun.randomSplit(34, 3).train()).count() + GraphRun.randomSplit(34, 3).validation().length
        + GraphRun.randomSplit(34, 3).test().length);
  }
}
