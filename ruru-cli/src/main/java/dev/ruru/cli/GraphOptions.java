package dev.ruru.cli;

import dev.ruru.models.graph.GraphClassificationRun;
import dev.ruru.models.graph.GraphModel;
import dev.ruru.models.graph.GraphRun;
import dev.ruru.models.graph.GraphSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@code ruru train --model gcn|gat|sage|gin}: the graph and the task. The shared
 * options mean the same as for other models where given ({@code --epochs}, {@code --hidden} (one
 * width), {@code --dropout}, {@code --lr}, {@code --weight-decay}, {@code --seed}); left out, each
 * family's published settings apply (200 epochs; GCN: 16 hidden, dropout 0.5, lr 0.01).
 */
final class GraphOptions {
  static final List<String> MODELS = List.of("gcn", "gat", "sage", "gin");

  @Option(names = "--graph", paramLabel = "FILE|DIR",
      description = "gcn, gat, sage, gin: an .npz graph archive (e.g. cora.npz), a CSV edge list, a folder with edges.csv and nodes.csv,"
          + " or 'karate' (the embedded karate club, the default).")
  private String graph = "karate";

  /** Runs the graph family {@code model}, reading the shared options that were given from {@code parsed}. */
  void train(String model, Path directory, PrintWriter out, ParseResult parsed) throws IOException {
    // --task is one option of ruru train, declared with the tables' (TableOptions); for graphs: node or graph.
    String task = parsed.matchedOptionValue("--task", "node");
    if (parsed.hasMatchedOption("--resume")) {
      throw new IllegalArgumentException("--resume: graph runs keep no checkpoint (a run is seconds of full-graph steps); start it again");
    }
    if (!task.equals("node") && !task.equals("graph")) {
      throw new IllegalArgumentException("--task " + task + ": expected node (classify the nodes of one graph) or graph (classify whole graphs)");
    }
    if (task.equals("graph") && !model.equals("gin")) {
      throw new IllegalArgumentException("--task graph trains a graph isomorphism network; use --model gin");
    }
    GraphModel family = GraphModel.named(model);
    GraphSettings defaults = GraphSettings.defaults(family, graph, parsed.matchedOptionValue("--seed", 0L));
    List<Integer> hidden = parsed.matchedOptionValue("--hidden", List.of(defaults.hidden()));
    if (hidden.size() != 1) {
      throw new IllegalArgumentException("--hidden for " + model + ": one width per head of the hidden layer, got " + hidden);
    }
    GraphSettings settings = new GraphSettings(family, graph, hidden.getFirst(), parsed.matchedOptionValue("--dropout", defaults.dropout()),
        parsed.matchedOptionValue("--lr", defaults.learningRate()), parsed.matchedOptionValue("--weight-decay", defaults.weightDecay()),
        parsed.matchedOptionValue("--epochs", defaults.epochs()), defaults.seed());
    if (task.equals("graph")) {
      String graphs = graph.equals("karate") ? "atlas" : graph;
      int epochs = parsed.matchedOptionValue("--epochs", 30);
      out.printf(Locale.ROOT, "ruru train --model gin --task graph --graph %s%n", graphs);
      GraphSettings named = new GraphSettings(family, graphs, settings.hidden(), settings.dropout(), settings.learningRate(),
          settings.weightDecay(), epochs, settings.seed());
      new GraphClassificationRun(directory, out).train(GraphClassificationRun.readGraphs(graphs), named);
      return;
    }
    out.printf(Locale.ROOT, "ruru train --model %s --graph %s%n", model, graph);
    new GraphRun(directory, out).train(GraphRun.readGraph(graph), settings);
  }
}
