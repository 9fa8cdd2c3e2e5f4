package dev.ruru.models.graph;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.data.graph.GraphData;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Losses;
import dev.ruru.nn.Mode;
import dev.ruru.nn.graph.Graph;
import dev.ruru.nn.graph.GraphBatch;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import dev.ruru.train.objective.Supervised;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whole-graph classification: a batch names graphs ({@code features} = graph ids [b], int64) and their
 * classes ({@code labels} [b]); the step joins the named graphs into one block-diagonal
 * {@link GraphBatch}, stacks their node features, and scores each graph with a
 * {@link GraphClassifier} under softmax cross-entropy. So an ordinary shuffled DataLoader over graph
 * ids feeds it, and the Trainer runs it like any other objective.
 */
public final class GraphClassification implements Objective {
  private final GraphClassifier model;
  private final List<GraphData> graphs;
  private final List<Graph> structures = new ArrayList<>();
  private final List<Phase> phases;

  public GraphClassification(GraphClassifier model, List<GraphData> graphs, Optimizer optimizer) {
    this.model = model;
    this.graphs = List.copyOf(graphs);
    for (GraphData data : graphs) {
      structures.add(Graph.directed(data.nodes(), data.sources(), data.targets()));
    }
    this.phases = List.of(Phase.of(optimizer));
  }

  @Override
  public Map<String, Layer> models() {
    return Map.of("model", model);
  }

  @Override
  public List<Phase> phases() {
    return phases;
  }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    long[] ids = batch.features().toLongArray();
    List<Graph> parts = new ArrayList<>();
    List<NDArray> features = new ArrayList<>();
    for (long id : ids) {
      parts.add(structures.get((int) id));
      features.add(graphs.get((int) id).features());
    }
    Tensor scores = model.forward(Tensor.constant(NDArray.concatenate(features, 0)), GraphBatch.of(parts), mode);
    Tensor loss = Losses.crossEntropy(scores, batch.labels());
    return new Result(loss, Map.of(), mode == Mode.EVAL ? scores.value() : null)
        .with("accuracy", Supervised.accuracy(scores.value(), batch.labels()));
  }

  /** The atlas's exact labels: does the graph have a triangle, is it bipartite. */
  public enum Property {
    TRIANGLE, BIPARTITE;

    /** 1 when {@code graph} has the property, else 0. */
    public long of(GraphData graph) {
      return this == TRIANGLE ? hasTriangle(graph) : isBipartite(graph);
    }

    /** {@code triangle} or {@code bipartite}; the message lists them otherwise. */
    public static Property named(String name) {
      for (Property property : values()) {
        if (property.name().equalsIgnoreCase(name)) {
          return property;
        }
      }
      throw new IllegalArgumentException("--property " + name + ": the atlas's graphs are labelled by 'triangle' or 'bipartite'");
    }
  }

  /** 1 when the nodes can be coloured in two colours with every link between the colours (no odd cycle), else 0. */
  public static long isBipartite(GraphData graph) {
    int n = graph.nodes();
    int[] colour = new int[n];
    int[] s = graph.sources(), t = graph.targets();
    java.util.Arrays.fill(colour, -1);
    for (int start = 0; start < n; start++) {
      if (colour[start] >= 0) {
        continue;
      }
      colour[start] = 0;
      boolean changed = true;
      while (changed) {  // relax until stable: the atlas's graphs have at most 7 nodes
        changed = false;
        for (int e = 0; e < s.length; e++) {
          int a = colour[s[e]], b = colour[t[e]];
          if (a >= 0 && a == b) {
            return 0;
          }
          if (a >= 0 && b < 0 || b >= 0 && a < 0) {
            colour[a >= 0 ? t[e] : s[e]] = 1 - Math.max(a, b);
            changed = true;
          }
        }
      }
    }
    return 1;
  }

  /** 1 when the graph has a triangle (three mutually linked nodes), else 0: the atlas task. */
  public static long hasTriangle(GraphData graph) {
    int n = graph.nodes();
    boolean[][] linked = new boolean[n][n];
    int[] s = graph.sources(), t = graph.targets();
    for (int e = 0; e < s.length; e++) {
      linked[s[e]][t[e]] = true;
      linked[t[e]][s[e]] = true;
    }
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        for (int c = b + 1; c < n && linked[a][b]; c++) {
          if (linked[a][c] && linked[b][c]) {
            return 1;
          }
        }
      }
    }
    return 0;
  }
}
