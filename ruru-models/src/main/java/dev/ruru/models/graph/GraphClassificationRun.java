package dev.ruru.models.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.AtomicFile;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.DataLoader;
import dev.ruru.data.graph.GraphAtlas;
import dev.ruru.data.graph.GraphData;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.History;
import dev.ruru.train.MetricsJson;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.plot.LearningCurves;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code ruru train --model gin --task graph --graph atlas [--property triangle|bipartite]}: does a
 * graph have a triangle, is it bipartite? Every graph of NetworkX's atlas (up to 7 nodes, the empty
 * graph left out) labelled exactly, 80 % of them (seeded shuffle) to train a {@link GraphClassifier} by
 * {@link GraphClassification}, 20 % held out, which the run reports on (metrics.json, learning curves).
 *
 * <p>The nodes carry no features of their own, so the network learns from the structure alone, and
 * message passing alone is blind to some of it: it is at most as strong as the Weisfeiler-Lehman
 * test (Xu et al., 2019), which cannot tell two triangles from a hexagon. In the atlas, 12 of the
 * 1,252 graphs share their WL colouring with a graph of the other answer for triangles, 8 for
 * bipartiteness (networkx's WL hash). So each node gets, besides its degree, the number of closed walks
 * of length 3 to {@value #LONGEST_WALK} that start and end at it, {@code diag(A^k)}: the identity-aware
 * GNN's fast variant (You et al., AAAI 2021). Closed 3-walks are twice the triangles through a node;
 * a graph is bipartite when no node has an odd closed walk. The network still has to learn which
 * counts matter and how to pool them.
 */
public final class GraphClassificationRun {
  /** The largest degree in the atlas: 6, in the complete graph on 7 nodes. */
  static final int MAX_DEGREE = 6;
  /** The longest closed walk counted: the longest odd cycle in a graph of 7 nodes. */
  static final int LONGEST_WALK = 7;
  /** The network's depth: GIN-0 layers. */
  static final int LAYERS = 4;

  /** What each node starts with: its degree alone, or its degree and its closed-walk counts. */
  public enum Features { DEGREE, CLOSED_WALKS }
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path directory;
  private final PrintWriter out;

  /** A run writing into {@code directory} (null: no files), printing to {@code out} (null: silent). */
  public GraphClassificationRun(Path directory, PrintWriter out) {
    this.directory = directory;
    this.out = out;
  }

  /** The graphs named by {@code spec}: {@code atlas} (the installed atlas) or an atlas file, each node with {@code features}. */
  public static List<GraphData> readGraphs(String spec, Features features) throws IOException {
    List<GraphData> graphs = spec.equalsIgnoreCase("atlas") ? GraphAtlas.readInstalled() : GraphAtlas.read(Path.of(spec));
    return graphs.stream().filter(g -> g.nodes() > 0)
        .map(g -> features == Features.DEGREE ? withDegreeFeatures(g) : withClosedWalks(withDegreeFeatures(g))).toList();
  }

  /**
   * The graph with log(1 + diag(A^k)) for k = 3..{@value #LONGEST_WALK} appended to each node's
   * features: the closed walks of length k through it (logarithms, as the counts grow as degree^k).
   */
  static GraphData withClosedWalks(GraphData graph) {
    int n = graph.nodes(), columns = graph.featureCount(), walks = LONGEST_WALK - 2;
    long[][] adjacency = new long[n][n];
    int[] s = graph.sources(), t = graph.targets();
    for (int e = 0; e < s.length; e++) {
      adjacency[t[e]][s[e]] = 1;
    }
    float[] old = graph.features().toFloatArray();
    float[] rows = new float[n * (columns + walks)];
    long[][] power = adjacency;
    for (int k = 2; k <= LONGEST_WALK; k++) {
      power = product(power, adjacency);
      for (int i = 0; i < n && k >= 3; i++) {
        rows[i * (columns + walks) + columns + k - 3] = (float) Math.log1p(power[i][i]);
      }
    }
    for (int i = 0; i < n; i++) {
      System.arraycopy(old, i * columns, rows, i * (columns + walks), columns);
    }
    return GraphData.of(graph.source(), n, s, t, NDArray.wrap(rows, n, columns + walks), graph.labels(), graph.split());
  }

  private static long[][] product(long[][] a, long[][] b) {
    int n = a.length;
    long[][] out = new long[n][n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        for (int j = 0; j < n && a[i][k] != 0; j++) {
          out[i][j] += a[i][k] * b[k][j];
        }
      }
    }
    return out;
  }

  /**
   * Each node's degree, one-hot over 0..{@value #MAX_DEGREE} (PyTorch Geometric's OneHotDegree): the
   * atlas's nodes have no features, and this gives the first layer a distinct input per degree rather
   * than a constant it can only scale.
   */
  static GraphData withDegreeFeatures(GraphData graph) {
    int n = graph.nodes();
    float[] oneHot = new float[n * (MAX_DEGREE + 1)];
    int[] degree = new int[n];
    for (int target : graph.targets()) {
      degree[target]++;
    }
    for (int i = 0; i < n; i++) {
      oneHot[i * (MAX_DEGREE + 1) + Math.min(degree[i], MAX_DEGREE)] = 1;
    }
    return GraphData.of(graph.source(), n, graph.sources(), graph.targets(), NDArray.wrap(oneHot, n, MAX_DEGREE + 1), graph.labels(),
        graph.split());
  }

  /** Trains on 80 % of {@code graphs} to tell whether each has {@code property}; returns the held-out accuracy. */
  public double train(List<GraphData> graphs, GraphClassification.Property property, GraphSettings settings) throws IOException {
    int n = graphs.size();
    long[] labels = new long[n];
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = property.of(graphs.get(i));
      ids[i] = i;
    }
    ArrayDataset all = new ArrayDataset(NDArray.of(ids, n), NDArray.of(labels, n));
    int[] order = GraphRun.randomSplit(n, settings.seed()).train();
    int[] rest = GraphRun.randomSplit(n, settings.seed()).validation();
    int[] test = GraphRun.randomSplit(n, settings.seed()).test();
    int[] train = java.util.stream.IntStream.concat(java.util.Arrays.stream(order), java.util.Arrays.stream(rest)).toArray();
    ResumableRandom random = new ResumableRandom(settings.seed());
    GraphClassifier model = new GraphClassifier(graphs.getFirst().featureCount(), settings.hidden(), LAYERS, 2, random);
    GraphClassification objective = new GraphClassification(model, graphs, new Adam(model.parameters(), AdamConfig.adam(settings.learningRate())));
    Trainer trainer = Trainer.builder(objective).quiet().build();
    print("%s: %d graphs, %d of them %s; %d to train, %d held out%n", settings.graph(), n, java.util.Arrays.stream(labels).sum(),
        property == GraphClassification.Property.TRIANGLE ? "with a triangle" : "bipartite", train.length, test.length);
    History history = trainer.fit(DataLoader.of(all.subset(train), 32).shuffled(settings.seed()), DataLoader.of(all.subset(test), 256),
        settings.epochs());
    for (EpochMetrics m : history.epochs()) {
      if (m.epoch() % Math.max(1, settings.epochs() / 10) == 0) {
        print("epoch %3d: train loss %.4f accuracy %.4f, held-out accuracy %.4f%n", m.epoch(), m.trainLoss(), m.trainAccuracy(),
            m.validation().get("accuracy"));
      }
    }
    double accuracy = history.last().validation().get("accuracy");
    print("held-out accuracy %.4f%n", accuracy);
    if (directory != null) {
      write(history, settings, property, n, accuracy);
    }
    return accuracy;
  }

  private void write(History history, GraphSettings settings, GraphClassification.Property property, int graphs, double accuracy)
      throws IOException {
    Files.createDirectories(directory);
    ObjectNode root = JSON.createObjectNode();
    root.put("task", "graph-classification: " + (property == GraphClassification.Property.TRIANGLE ? "has a triangle" : "is bipartite"));
    root.put("model", "gin");
    root.put("graph", settings.graph());
    root.put("graphs", graphs);
    root.put("seed", settings.seed());
    var list = root.putArray("epochs");
    history.epochs().forEach(epoch -> list.add(MetricsJson.epoch(epoch)));
    MetricsJson.number(root, "test_accuracy", accuracy);
    AtomicFile.writeString(directory.resolve(GraphReport.METRICS), JSON.writeValueAsString(root) + "\n");
    LearningCurves.write(directory.resolve(GraphRun.CURVES), history.epochs());
    print("wrote %s%nwrote %s%n", directory.resolve(GraphReport.METRICS), directory.resolve(GraphRun.CURVES));
  }

  private void print(String format, Object... values) {
    if (out != null) {
      out.printf(Locale.ROOT, format, values);
      out.flush();
    }
  }
}
