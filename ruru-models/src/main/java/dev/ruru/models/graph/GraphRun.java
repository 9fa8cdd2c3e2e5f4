package dev.ruru.models.graph;

import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.BatchSource;
import dev.ruru.data.DataLoader;
import dev.ruru.data.graph.EdgeListCsv;
import dev.ruru.data.graph.GraphArchive;
import dev.ruru.data.graph.GraphData;
import dev.ruru.data.graph.KarateClub;
import dev.ruru.data.graph.NodeSplit;
import dev.ruru.nn.Params;
import dev.ruru.nn.graph.Graph;
import dev.ruru.nn.graph.NeighbourSampler;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.optim.ParameterGroup;
import dev.ruru.train.Callback;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.metrics.EpochMetrics;
import dev.ruru.train.plot.LearningCurves;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One node-classification run, {@code ruru train --model gcn|gat|sage|gin --graph FILE|DIR}, top to
 * bottom: reads the graph, builds the family's network, trains {@link NodeClassification} with the
 * one {@link Trainer} (one full-graph step per epoch), keeps the best validation epoch's weights,
 * scores the test nodes, and writes metrics.json, the learning curves, the graph drawn in true and
 * predicted classes, and the node codes in 2-D.
 *
 * <pre>{@code
 * GraphReport report = new GraphRun(Path.of("runs/gcn"), out).train(GraphRun.readGraph("karate"), settings);
 * }</pre>
 */
public final class GraphRun {
  public static final String CURVES = "learning_curves.png";
  public static final String DRAWING = "graph.png";
  public static final String CODES = "node_codes.png";

  private final Path directory;
  private final PrintWriter out;
  private final int batchSize;
  private final int[] fanouts;

  /** A run writing into {@code directory} (null: no files) and printing to {@code out} (null: silent). */
  public GraphRun(Path directory, PrintWriter out) {
    this(directory, out, 0, null);
  }

  private GraphRun(Path directory, PrintWriter out, int batchSize, int[] fanouts) {
    this.directory = directory;
    this.out = out;
    this.batchSize = batchSize;
    this.fanouts = fanouts;
  }

  /**
   * This run in minibatches of {@code batchSize} training nodes, each on its sampled neighbourhood
   * ({@link NeighbourSampler}: {@code fanouts[0]} in-neighbours of each node, {@code fanouts[1]} of
   * theirs), for a graph too large for full-graph steps. The networks have two layers: two fan-outs.
   */
  public GraphRun sampled(int newBatchSize, int... newFanouts) {
    if (newFanouts.length != 2 || newBatchSize < 1) {
      throw new IllegalArgumentException("--fanouts: the graph networks have two layers, so two fan-outs (e.g. 25,10) and a positive"
          + " batch size are needed; got " + java.util.Arrays.toString(newFanouts) + " and batch size " + newBatchSize);
    }
    return new GraphRun(directory, out, newBatchSize, newFanouts.clone());
  }

  /** {@code karate} (embedded), an .npz graph archive, a CSV edge list, or a folder with edges.csv (and nodes.csv). */
  public static GraphData readGraph(String spec) throws IOException {
    if (spec.equalsIgnoreCase("karate")) {
      return KarateClub.load();
    }
    Path path = Path.of(spec);
    if (Files.isDirectory(path)) {
      return EdgeListCsv.readFolder(path);
    }
    if (!Files.exists(path)) {
      throw new IllegalArgumentException("--graph: " + spec + " does not exist; give an .npz graph archive, a CSV edge list, a folder "
          + "with edges.csv, or 'karate'");
    }
    return spec.toLowerCase(Locale.ROOT).endsWith(".csv") ? EdgeListCsv.read(path, null) : GraphArchive.read(path);
  }

  /** Trains a network of {@code settings} on {@code data}'s labelled nodes and reports it. */
  public GraphReport train(GraphData data, GraphSettings settings) throws IOException {
    if (data.labels() == null) {
      throw new IllegalArgumentException("graph run: " + data.source() + " has no labels; node classification needs one label per node "
          + "(a 'labels' array in the archive, or nodes.csv beside edges.csv)");
    }
    NodeSplit split = data.split() != null ? data.split() : randomSplit(data.nodes(), settings.seed());
    Graph graph = Graph.directed(data.nodes(), data.sources(), data.targets());
    ResumableRandom random = new ResumableRandom(settings.seed());
    GraphNetwork network = settings.model().build(data.featureCount(), data.classes(), settings.hidden(), settings.dropout(), random);
    NeighbourSampler sampler = fanouts == null ? null : new NeighbourSampler(graph, fanouts);
    NodeClassification objective = new NodeClassification(network, graph, rowNormalised(data.features()), optimizer(network, settings),
        random, sampler, sampler == null ? null : new ResumableRandom(settings.seed() ^ 0x5A3B1EL));
    BestValidation best = new BestValidation(network);
    Trainer trainer = Trainer.builder(objective).quiet().callbacks(best, printer(settings.epochs())).build();
    BatchSource validation = split.validation().length == 0 ? null : NodeClassification.nodes(split.validation(), data.labels());
    print("%s on %s: %d nodes, %d edges, %d features, %d classes; %d train, %d validation, %d test nodes%n", network, data.source(),
        data.nodes(), data.edges(), data.featureCount(), data.classes(), split.train().length, split.validation().length,
        split.test().length);
    History history = trainer.fit(trainingBatches(split.train(), data.labels(), settings.seed()), validation, settings.epochs());
    boolean restored = best.restore();
    double test = split.test().length == 0 ? Double.NaN
        : Trainer.evaluate(objective, NodeClassification.nodes(split.test(), data.labels())).values().get("accuracy");
    double seconds = history.epochs().stream().mapToDouble(EpochMetrics::seconds).average().orElse(Double.NaN);
    GraphReport report = new GraphReport(settings, network.toString(), Params.count(network.parameters()), data.nodes(), data.edges(),
        history.epochs(), restored ? best.bestEpoch() : history.epochs().size(), restored ? best.bestAccuracy() : Double.NaN, test,
        seconds);
    String weights = restored ? String.format(Locale.ROOT, "weights of epoch %d, validation accuracy %.4f", report.bestEpoch(),
        report.validationAccuracy()) : "the last epoch's weights: no validation nodes";
    print("test accuracy %.4f (%s); %.4f s per epoch%n", test, weights, seconds);
    if (directory != null) {
      write(report, data, objective, settings.seed());
    }
    return report;
  }

  /** The training nodes as one batch (full-graph steps) or, when sampled, as shuffled minibatches. */
  private BatchSource trainingBatches(int[] train, NDArray labels, long seed) {
    if (fanouts == null) {
      return NodeClassification.nodes(train, labels);
    }
    long[] ids = java.util.Arrays.stream(train).asLongStream().toArray();
    NDArray idArray = NDArray.of(ids, ids.length);
    return DataLoader.of(new ArrayDataset(idArray, labels.take(idArray, 0)), batchSize).shuffled(seed);
  }

  /** Adam with the family's L2 penalty on the first layer (and on the second, for GAT). */
  private static Adam optimizer(GraphNetwork network, GraphSettings settings) {
    AdamConfig decayed = AdamConfig.adam(settings.learningRate()).withWeightDecay(settings.weightDecay());
    AdamConfig second = settings.model().decayBothLayers() ? decayed : decayed.withWeightDecay(0);
    return new Adam(List.of(new ParameterGroup<>(Params.nested("first", network.first().parameters()), decayed),
        new ParameterGroup<>(Params.nested("second", network.second().parameters()), second)));
  }

  /**
   * Non-negative features (bag-of-words counts, one-hot identities) scaled so each row sums to 1, as
   * the GCN and GAT papers preprocess Cora: a paper with many words then does not speak louder than
   * one with few. Features with negative values are left as they are; so is a row of zeros.
   */
  static NDArray rowNormalised(NDArray features) {
    if (features.size() == 0 || features.min().item() < 0) {
      return features;
    }
    NDArray sums = features.sum(1, dev.ruru.array.Dims.KEEP);
    return features.div(NDArray.where(sums.gt(0), sums, NDArray.ones(sums.shape(), sums.dtype())));
  }

  /** 60 % train, 20 % validation, 20 % test of the nodes, shuffled by {@code seed}: for a graph that comes without a split. */
  static NodeSplit randomSplit(int nodes, long seed) {
    return randomSplit(nodes, seed, 0.6, 0.2);
  }

  /** The fractions {@code train} and {@code validation} of the items 0..n-1, shuffled by {@code seed}; the rest is the test set. */
  static NodeSplit randomSplit(int nodes, long seed, double trainFraction, double validationFraction) {
    int[] order = new int[nodes];
    for (int i = 0; i < nodes; i++) {
      order[i] = i;
    }
    ResumableRandom random = new ResumableRandom(seed ^ 0x5EEDL);
    for (int i = nodes - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int train = (int) Math.round(nodes * trainFraction), validation = (int) Math.round(nodes * validationFraction);
    return new NodeSplit(java.util.Arrays.copyOfRange(order, 0, train), java.util.Arrays.copyOfRange(order, train, train + validation),
        java.util.Arrays.copyOfRange(order, train + validation, nodes));
  }

  private Callback printer(int epochs) {
    int every = Math.max(1, epochs / 10);
    return new Callback() {
      @Override
      public void onEpochEnd(Trainer trainer, EpochMetrics m) {
        if (m.epoch() % every == 0 || m.epoch() == epochs || m.epoch() == 1) {
          print("epoch %4d/%d  train loss %.4f accuracy %.4f  validation loss %.4f accuracy %.4f  %.1f ms%n", m.epoch(), epochs,
              m.trainLoss(), m.trainAccuracy(), m.validationLoss(), m.validation().getOrDefault("accuracy", Double.NaN), m.seconds() * 1e3);
        }
      }
    };
  }

  private void write(GraphReport report, GraphData data, NodeClassification objective, long seed) throws IOException {
    Files.createDirectories(directory);
    List<Path> written = new ArrayList<>();
    written.add(report.write(directory));
    Path curves = directory.resolve(CURVES);
    LearningCurves.write(curves, report.epochs());
    written.add(curves);
    long[] truth = data.labels().toLongArray();
    long[] predicted = objective.scores().argmax(1).toLongArray();
    double[][] positions = ForceLayout.layout(data.nodes(), data.sources(), data.targets(), new ResumableRandom(seed));
    Path drawing = directory.resolve(DRAWING);
    GraphPictures.writeGraph(drawing, positions, data.sources(), data.targets(), truth, predicted);
    written.add(drawing);
    Path codes = directory.resolve(CODES);
    NDArray hidden = objective.codes();
    GraphPictures.writeCodes(codes, hidden, truth);
    written.add(codes);
    written.forEach(path -> print("wrote %s%n", path));
  }

  private void print(String format, Object... values) {
    if (out != null) {
      out.printf(Locale.ROOT, format, values);
      out.flush();
    }
  }
}
