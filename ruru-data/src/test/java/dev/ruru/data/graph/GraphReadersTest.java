package dev.ruru.data.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.io.Npz;
import dev.ruru.data.DataFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .npz graph archive (a piece of Cora, made by src/test/resources/graph/make_cora_subgraph.py), CSV edge lists and the karate club. */
class GraphReadersTest {
  private static final Path CORA_PIECE = Path.of("src/test/resources/graph/cora_bfs300.npz");

  @TempDir
  Path folder;

  @Test
  void readsCoraFormatWithCsrFeaturesLinksBothWaysAndTheSplit() throws Exception {
    GraphData cora = GraphArchive.read(CORA_PIECE);
    Map<String, NDArray> check = Npz.read(CORA_PIECE);
    assertEquals(300, cora.nodes());
    assertEquals(2 * 508, cora.edges());
    assertEquals(Shape.of(300, 1433), cora.features().shape());
    assertTrue(cora.features().sum(1).allClose(check.get("check_feature_counts").astype(cora.features().dtype()), 0, 0));
    int[] degree = new int[300];
    for (int target : cora.targets()) {
      degree[target]++;
    }
    assertArrayEquals(check.get("check_degree").toIntArray(), degree);

    assertEquals(16, cora.split().train().length);
    assertEquals(113, cora.split().test().length);
  }

  @Test
  void refusesEdgesOutsideTheNodesAndFeaturesWithTheWrongRowCount() throws Exception {
    Path bad = folder.resolve("bad.npz");
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    arrays.put("edges", NDArray.of(new long[] {0, 1, 1, 4}, 2, 2));
    arrays.put("features", NDArray.zeros(Shape.of(4, 3)));
    Npz.write(bad, arrays);
    assertEquals("graph: bad.npz: link 1 (1, 4) has node 4, outside [0, 4); the graph has 4 nodes",
        assertThrows(DataFileException.class, () -> GraphArchive.read(bad)).getMessage());
    arrays.put("num_nodes", NDArray.of(new long[] {5}, 1).reshape(new int[0]));
    Npz.write(bad, arrays);
    assertEquals("graph: bad.npz: the feature matrix is [4, 3] but the graph has 5 nodes; it needs one row per node, [5, features]",
        assertThrows(DataFileException.class, () -> GraphArchive.read(bad)).getMessage());
  }

  @Test
  void anEdgeListThatIsNotUtf8IsRefusedNamingTheFile() throws Exception {
    Path file = folder.resolve("latin1.csv");
    Files.write(file, new byte[] {'u', ',', 'v', '\n', '0', ',', '1', '\n', (byte) 0xE9, '\n'});
    assertEquals("graph: latin1.csv: not valid UTF-8: the bytes at offset 8 (e9); save the file as UTF-8 (for example: iconv -f latin1 -t"
        + " utf-8)", assertThrows(DataFileException.class, () -> EdgeListCsv.read(file, null)).getMessage());
  }

  @Test
  void aNodeWithNeitherEdgesNorFeaturesIsRefused() throws Exception {
    Path file = folder.resolve("lonely.npz");
    NDArray features = NDArray.of(new float[][] {{1, 0}, {0, 1}, {0, 0}, {1, 1}});
    Npz.write(file, Map.of("edges", NDArray.of(new long[] {0, 1, 1, 3}, 2, 2), "features", features));
    assertEquals("graph: lonely.npz: node 2 has no edges and no features (its feature row is all zeros), so nothing can tell it from any"
        + " other; give it features or links, or leave it out", assertThrows(DataFileException.class, () -> GraphArchive.read(file)).getMessage());
    Npz.write(file, Map.of("edges", NDArray.of(new long[] {0, 1, 1, 2}, 2, 2), "features", features));
    assertEquals(4, GraphArchive.read(file).nodes(), "node 3 has no edges but has features; node 2 has links now");
  }

  @Test
  void anArchiveWithOnlyDirectedEdgesGetsIdentityFeatures() throws Exception {
    Path file = folder.resolve("directed.npz");
    Npz.write(file, Map.of("edges", NDArray.of(new long[] {0, 1, 1, 2}, 2, 2), "directed", NDArray.of(new long[] {1}, 1)));
    GraphData graph = GraphArchive.read(file);
    assertEquals(3, graph.nodes());
    assertArrayEquals(new int[] {0, 1}, graph.sources());
    assertArrayEquals(new int[] {1, 2}, graph.targets());
    assertTrue(graph.features().allClose(NDArray.eye(3), 0, 0));
  }

  @Test
  void readsTheGraphAtlasExcerptAndRefusesAStrayLine() throws Exception {
    java.util.List<GraphData> atlas = GraphAtlas.read(Path.of("src/test/resources/graph/atlas_first20.dat"));
    assertEquals(20, atlas.size());
    assertArrayEquals(new int[] {0, 1, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 5},
        atlas.stream().mapToInt(GraphData::nodes).toArray());
    assertArrayEquals(new int[] {0, 0, 0, 1, 0, 1, 2, 3, 0, 1, 2, 2, 3, 3, 3, 4, 4, 5, 6, 0},
        atlas.stream().mapToInt(g -> g.edges() / 2).toArray());
    assertEquals(Shape.of(3, 1), atlas.get(7).features().shape());  // counts from networkx.graph_atlas_g()
    Files.writeString(folder.resolve("bad.dat"), "GRAPH 0\nNODES 2\n0 1\n0 x\n");
    assertEquals("atlas: bad.dat: line 4 is '0 x'; expected GRAPH i, NODES n or a link 'u v'",
        assertThrows(DataFileException.class, () -> GraphAtlas.read(folder.resolve("bad.dat"))).getMessage());
  }

  @Test
  void karateClubHas34Members78FriendshipsAndTwoFactions() {
    GraphData club = KarateClub.load();
    assertEquals(34, club.nodes());
    assertEquals(156, club.edges());
    assertEquals(2, club.classes());
    assertEquals(17.0, club.labels().sum().item());
    assertArrayEquals(new int[] {0, 33}, club.split().train());
    assertEquals(1L, club.labels().toLongArray()[33]);
  }

  @Test
  void readsAnEdgeListWithAHeaderAndLabelsAndSaysWhichLineIsWrong() throws Exception {
    Files.writeString(folder.resolve("edges.csv"), "source,target\n0,1\n# a comment\n1,2\n2,3\n");
    Files.writeString(folder.resolve("nodes.csv"), "node,label\n0,0\n1,0\n2,1\n3,1\n");
    GraphData graph = EdgeListCsv.readFolder(folder);
    assertEquals(4, graph.nodes());
    assertEquals(6, graph.edges());
    assertArrayEquals(new long[] {0, 0, 1, 1}, graph.labels().toLongArray());
    Files.writeString(folder.resolve("edges.csv"), "0,1\n1,x\n");
    assertEquals("graph: edges.csv: line 2 is '1,x'; expected two non-negative integers such as '3,17'",
        assertThrows(DataFileException.class, () -> EdgeListCsv.read(folder.resolve("edges.csv"), null)).getMessage());
    Files.writeString(folder.resolve("edges.csv"), "0,1\n1,5\n");
    assertEquals("graph: nodes.csv: node 4 has no label (or a negative one); every node from 0 to 5 needs a line 'node,label'",
        assertThrows(DataFileException.class, () -> EdgeListCsv.readFolder(folder)).getMessage());
  }
}
