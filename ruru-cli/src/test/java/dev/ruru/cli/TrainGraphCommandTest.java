package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ruru train --model gcn|gat --graph ...} end to end on the karate club and a user's CSV edge list. */
class TrainGraphCommandTest {
  @Test
  void gcnOnTheKarateClubWritesMetricsCurvesAndPictures(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("gcn");
    CommandRun run = CommandRun.of("train", "--model", "gcn", "--graph", "karate", "--epochs", "80", "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertEquals("gcn", metrics.get("model").asText());
    assertEquals(80, metrics.get("epochs").size());
    assertTrue(metrics.get("test_accuracy").asDouble() > 0.8, run.out());
    for (String file : new String[] {"learning_curves.png", "graph.png", "node_codes.png"}) {
      assertTrue(Files.isRegularFile(out.resolve(file)), file);
    }
  }

  @Test
  void gatTrainsOnACsvFolderAndTheOptionsThatWereGivenApply(@TempDir Path dir) throws Exception {
    StringBuilder edges = new StringBuilder("source,target\n"), nodes = new StringBuilder("node,label\n");
    for (int i = 0; i < 20; i++) {
      edges.append(i).append(',').append(i < 10 ? (i + 1) % 10 : 10 + (i + 1) % 10).append('\n');
      nodes.append(i).append(',').append(i < 10 ? 0 : 1).append('\n');
    }
    Files.writeString(dir.resolve("edges.csv"), edges);
    Files.writeString(dir.resolve("nodes.csv"), nodes);
    Path out = dir.resolve("gat");
    CommandRun run = CommandRun.of("train", "--model", "gat", "--graph", dir.toString(), "--epochs", "5", "--hidden", "4", "--seed", "3",
        "--out", out.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertEquals(5, metrics.get("epochs").size());
    assertEquals(3, metrics.get("seed").asLong());
    assertTrue(metrics.get("network").asText().contains("GATConv(20 -> 4 x 8 heads"), metrics.get("network").asText());
  }

  @Test
  void ginClassifiesTheAtlasGraphsByWhetherTheyHaveATriangle(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(dev.ruru.data.graph.GraphAtlas.DEBIAN), "no networkx atlas");
    CommandRun run = CommandRun.of("train", "--model", "gin", "--task", "graph", "--epochs", "3", "--out", dir.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode metrics = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
    assertEquals(1252, metrics.get("graphs").asInt());
    assertTrue(metrics.get("test_accuracy").asDouble() > 0.75, run.out());
  }

  @Test
  void ginLearnsMoleculesPolarSurfaceAreasFromSmiles(@TempDir Path dir) throws Exception {
    String csv = Path.of("../ruru-models/src/test/resources/graph/nci_first200.tpsa.csv").toString();
    CommandRun run = CommandRun.of("train", "--model", "gin", "--task", "regression", "--graph", csv, "--epochs", "4", "--hidden", "16",
        "--out", dir.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode metrics = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
    assertEquals(200, metrics.get("molecules").asInt());
    assertEquals(4, metrics.get("epochs").size());
    assertTrue(metrics.get("test_mae").asDouble() > 0, run.out());
    CommandRun resumed = CommandRun.of("train", "--resume", "--epochs", "6", "--out", dir.toString());
    assertEquals(0, resumed.exitCode(), resumed.err());
    assertTrue(resumed.out().contains("resuming"), resumed.out());
    assertEquals(6, new ObjectMapper().readTree(dir.resolve("metrics.json").toFile()).get("epochs").size());
  }

  @Test
  void sageTrainsOnSampledNeighbourhoodsInMinibatches(@TempDir Path dir) throws Exception {
    CommandRun run = CommandRun.of("train", "--model", "sage", "--graph", "karate", "--fanouts", "4,3", "--batch-size", "8", "--epochs", "40",
        "--out", dir.toString());
    assertEquals(0, run.exitCode(), run.err());
    JsonNode metrics = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
    assertTrue(metrics.get("test_accuracy").asDouble() > 0.6, run.out());
    CommandRun oneFanout = CommandRun.of("train", "--model", "sage", "--graph", "karate", "--fanouts", "4", "--out", dir.toString());
    assertTrue(oneFanout.err().contains("--fanouts: the graph networks have two layers, so two fan-outs (e.g. 25,10)"), oneFanout.err());
    CommandRun batchAlone = CommandRun.of("train", "--model", "gcn", "--graph", "karate", "--batch-size", "8", "--out", dir.toString());
    assertTrue(batchAlone.err().contains("give --fanouts too, or leave --batch-size out"), batchAlone.err());
  }

  @Test
  void graphClassificationAndBadGraphsGetClearMessages(@TempDir Path dir) {
    CommandRun task = CommandRun.of("train", "--model", "gcn", "--task", "graph", "--out", dir.toString());
    assertEquals(2, task.exitCode());
    assertTrue(task.err().contains("--task graph trains a graph isomorphism network; use --model gin"), task.err());
    CommandRun property = CommandRun.of("train", "--model", "gin", "--task", "graph", "--property", "planar", "--out", dir.toString());
    assertTrue(property.err().contains("--property planar: the atlas's graphs are labelled by 'triangle' or 'bipartite'"), property.err());
    CommandRun missing = CommandRun.of("train", "--model", "gcn", "--graph", dir.resolve("none.npz").toString());
    assertTrue(missing.err().contains("does not exist"), missing.err());
  }
}
