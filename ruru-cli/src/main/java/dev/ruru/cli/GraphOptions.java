package dev.ruru.cli;

import dev.ruru.data.graph.MoleculeSet;
import dev.ruru.models.graph.GraphClassification;
import dev.ruru.models.graph.GraphClassificationRun;
import dev.ruru.models.graph.GraphModel;
import dev.ruru.models.graph.GraphRun;
import dev.ruru.models.graph.GraphSettings;
import dev.ruru.models.graph.MoleculeRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@code ruru train --model gcn|gat|sage|gin}: the graph, the task and what to learn. The
 * shared options mean the same as for other models where given ({@code --epochs}, {@code --hidden} (one
 * width), {@code --dropout}, {@code --lr}, {@code --weight-decay}, {@code --seed}); left out, each
 * family's published settings apply (200 epochs; GCN: 16 hidden, dropout 0.5, lr 0.01). Tasks:
 * {@code node} (classify one graph's nodes), {@code graph} (classify whole graphs: the atlas's, or an SD
 * file's molecules by a data item and a threshold) and {@code regression} (a number per molecule).
 */
final class GraphOptions {
  static final List<String> MODELS = List.of("gcn", "gat", "sage", "gin");

  @Option(names = "--graph", paramLabel = "FILE|DIR",
      description = "gcn, gat, sage, gin: an .npz graph archive (e.g. cora.npz), a CSV edge list, a folder with edges.csv and nodes.csv,"
          + " or 'karate' (the embedded karate club, the default); with --task graph: 'atlas' (the default), 'bzr', an .sdf file or"
          + " a CSV of SMILES,value lines; with --task regression: 'tpsa' (the default), such a CSV or an .sdf file.")
  private String graph = "karate";

  @Option(names = "--property", paramLabel = "NAME",
      description = "gin --task graph|regression: the atlas's label, 'triangle' (default) or 'bipartite'; for an SD file, the data item"
          + " to learn (default: ACTIVITY).")
  private String property;

  @Option(names = "--threshold", paramLabel = "X",
      description = "gin --task graph on molecules: a molecule is class 1 when its value is at least X (default: ${DEFAULT-VALUE},"
          + " a pIC50 of 7 is an IC50 of at most 100 nM).")
  private double threshold = 7.0;

  @Option(names = "--fanouts", paramLabel = "F1,F2", split = ",",
      description = "gcn, gat, sage, gin on one graph: train in minibatches of --batch-size nodes, each on its sampled neighbourhood"
          + " (GraphSAGE): F1 in-neighbours of each node, F2 of each of theirs (e.g. 25,10); for graphs too large for full-graph steps.")
  private List<Integer> fanouts;

  /** Runs the graph family {@code model}, reading the shared options that were given from {@code parsed}. */
  void train(String model, Path directory, PrintWriter out, ParseResult parsed) throws IOException {
    // --task is one option of ruru train, declared with the tables' (TableOptions); for graphs: node, graph or regression.
    String task = parsed.matchedOptionValue("--task", "node");
    if (parsed.hasMatchedOption("--resume")) {
      throw new IllegalArgumentException("--resume takes the model and settings from the run's checkpoint: give only --resume and --out"
          + " (and --epochs for a new total); molecule runs (--task regression, or graph on molecules) keep one, node-classification and"
          + " atlas runs, seconds long, do not");
    }
    if (!List.of("node", "graph", "regression").contains(task)) {
      throw new IllegalArgumentException("--task " + task + ": expected node (classify the nodes of one graph), graph (classify whole"
          + " graphs) or regression (a number per molecule)");
    }
    if (!task.equals("node") && (fanouts != null || parsed.hasMatchedOption("--batch-size"))) {
      throw new IllegalArgumentException((fanouts != null ? "--fanouts" : "--batch-size") + " is for sampled node classification on one"
          + " large graph; --task " + task + " batches whole small graphs at its own size; leave it out");
    }
    if (!task.equals("node") && !model.equals("gin")) {
      throw new IllegalArgumentException("--task " + task + " trains a graph isomorphism network; use --model gin");
    }
    GraphModel family = GraphModel.named(model);
    GraphSettings defaults = GraphSettings.defaults(family, graph, parsed.matchedOptionValue("--seed", 0L));
    if (!task.equals("node")) {
      trainWholeGraphs(task, directory, out, parsed, defaults);
      return;
    }
    out.printf(Locale.ROOT, "ruru train --model %s --graph %s%n", model, graph);
    GraphRun run = new GraphRun(directory, out);
    if (fanouts != null) {
      run = run.sampled(parsed.matchedOptionValue("--batch-size", 64), fanouts.stream().mapToInt(Integer::intValue).toArray());
    } else if (parsed.hasMatchedOption("--batch-size")) {
      throw new IllegalArgumentException("--batch-size for " + model + ": node classification takes full-graph steps unless --fanouts"
          + " asks for sampled minibatches; give --fanouts too, or leave --batch-size out");
    }
    run.train(GraphRun.readGraph(graph), settings(parsed, defaults, graph, defaults.hidden(), defaults.epochs(), defaults.learningRate(),
        defaults.weightDecay()));
  }

  /** The settings: the options given, else {@code defaults} with the task's own width, epochs, learning rate and weight decay. */
  private static GraphSettings settings(ParseResult parsed, GraphSettings defaults, String data, int hidden, int epochs, double lr,
      double decay) {
    List<Integer> widths = parsed.matchedOptionValue("--hidden", List.of(hidden));
    if (widths.size() != 1) {
      throw new IllegalArgumentException("--hidden for " + defaults.model().cliName() + ": one width per head of the hidden layer, got "
          + widths);
    }
    return new GraphSettings(defaults.model(), data, widths.getFirst(), parsed.matchedOptionValue("--dropout", defaults.dropout()),
        parsed.matchedOptionValue("--lr", lr), parsed.matchedOptionValue("--weight-decay", decay), parsed.matchedOptionValue("--epochs", epochs),
        defaults.seed());
  }

  /** The atlas (--task graph), molecules' classes (--task graph on an SD file) or values (--task regression). */
  private void trainWholeGraphs(String task, Path directory, PrintWriter out, ParseResult parsed, GraphSettings defaults)
      throws IOException {
    boolean regression = task.equals("regression");
    String data = !graph.equals("karate") ? graph : regression ? "tpsa" : "atlas";
    out.printf(Locale.ROOT, "ruru train --model gin --task %s --graph %s%n", task, data);
    if (!regression && !data.equalsIgnoreCase("bzr") && !data.toLowerCase(Locale.ROOT).matches(".*\\.(sdf|mol|csv)")) {
      GraphSettings settings = settings(parsed, defaults, data, 64, 30, 0.003, 0);
      GraphClassification.Property label = GraphClassification.Property.named(property == null ? "triangle" : property);
      new GraphClassificationRun(directory, out).train(GraphClassificationRun.readGraphs(data,
          GraphClassificationRun.Features.CLOSED_WALKS), label, settings);
      return;
    }
    GraphSettings settings = settings(parsed, defaults, data, 64, regression ? 100 : 300, 0.003, 0);
    new MoleculeRun(directory, out).train(MoleculeSet.read(data, property), regression ? MoleculeRun.Task.REGRESSION
        : MoleculeRun.Task.CLASSIFICATION, threshold, settings);
  }
}
