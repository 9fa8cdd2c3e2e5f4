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
 * {@code ruru train --model gin --task graph --graph atlas}: does a graph have a triangle? Every graph
 * of NetworkX's atlas (up to 7 nodes, the empty graph left out) labelled exactly, 80 % of them (seeded
 * shuffle) to train a {@link GraphClassifier} by {@link GraphClassification}, 20 % held out, which the
 * run reports on (metrics.json, learning curves). The nodes carry no features, so the network must
 * learn the answer from the structure alone.
 */
public final class GraphClassificationRun {
  /** The largest degree in the atlas: 6, in the complete graph on 7 nodes. */
  static final int MAX_DEGREE = 6;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final Path directory;
  private final PrintWriter out;

  /** A run writing into {@code directory} (null: no files), printing to {@code out} (null: silent). */
  public GraphClassificationRun(Path directory, PrintWriter out) {
    this.directory = directory;
    this.out = out;
  }

  /** The graphs named by {@code spec}: {@code atlas} (the installed atlas) or an atlas file. */
  public static List<GraphData> readGraphs(String spec) throws IOException {
    List<GraphData> graphs = spec.equalsIgnoreCase("atlas") ? GraphAtlas.readInstalled() : GraphAtlas.read(Path.of(spec));
    return graphs.stream().filter(g -> g.nodes() > 0).map(GraphClassificationRun::withDegreeFeatures).toList();
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

  /** Trains on 80 % of {@code graphs} for the triangle task; returns the held-out accuracy. */
  public double train(List<GraphData> graphs, GraphSettings settings) throws IOException {
    int n = graphs.size();
    long[] labels = new long[n];
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) {
      labels[i] = GraphClassification.hasTriangle(graphs.get(i));
      ids[i] = i;
    }
    ArrayDataset all = new ArrayDataset(NDArray.of(ids, n), NDArray.of(labels, n));
    int[] order = GraphRun.randomSplit(n, settings.seed()).train();
    int[] rest = GraphRun.randomSplit(n, settings.seed()).validation();
    int[] test = GraphRun.randomSplit(n, settings.seed()).test();
    int[] train = java.util.stream.IntStream.concat(java.util.Arrays.stream(order), java.util.Arrays.stream(rest)).toArray();
    ResumableRandom random = new ResumableRandom(settings.seed());
    GraphClassifier model = new GraphClassifier(graphs.getFirst().featureCount(), settings.hidden(), 3, 2, random);
    GraphClassification objective = new GraphClassification(model, graphs, new Adam(model.parameters(), AdamConfig.adam(settings.learningRate())));
    Trainer trainer = Trainer.builder(objective).quiet().build();
    print("%s: %d graphs, %d with a triangle; %d to train, %d held out%n", settings.graph(), n, java.util.Arrays.stream(labels).sum(),
        train.length, test.length);
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
      write(history, settings, n, accuracy);
    }
    return accuracy;
  }

  private void write(History history, GraphSettings settings, int graphs, double accuracy) throws IOException {
    Files.createDirectories(directory);
    ObjectNode root = JSON.createObjectNode();
    root.put("task", "graph-classification: has a triangle");
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
