package dev.ruru.models.graph;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.data.BatchSource;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Losses;
import dev.ruru.nn.Mode;
import dev.ruru.nn.graph.Graph;
import dev.ruru.nn.graph.NeighbourSampler;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import dev.ruru.train.objective.Supervised;
import java.util.List;
import java.util.Map;

/**
 * Semi-supervised node classification, the objective of the GCN and GAT papers: the network runs on
 * the whole graph, every node's features passing messages, but the loss (softmax cross-entropy) and
 * the accuracy count only the nodes of the batch, a set of labelled node ids. A batch is
 * {@code features} = node ids [k] (int64) and {@code labels} = their classes [k]; {@link #nodes} makes
 * one from a split, and an epoch is one full-graph step. With a {@link NeighbourSampler} a batch runs
 * on its nodes' sampled neighbourhoods instead of the whole graph (GraphSAGE's minibatches), so a
 * DataLoader of node ids can train on a graph too large for one pass.
 *
 * <pre>{@code
 * NodeClassification objective = new NodeClassification(network, graph, features, adam, dropoutRandom);
 * trainer.fit(NodeClassification.nodes(split.train(), labels), NodeClassification.nodes(split.validation(), labels), 200);
 * }</pre>
 */
public final class NodeClassification implements Objective {
  private final GraphNetwork network;
  private final Graph graph;
  private final Tensor features;
  private final List<Phase> phases;
  private final ResumableRandom dropout;
  private final NeighbourSampler sampler;
  private final ResumableRandom sampling;

  /** @param dropout the generator the network's dropout draws from: checkpoints save its state */
  public NodeClassification(GraphNetwork network, Graph graph, NDArray features, Optimizer optimizer, ResumableRandom dropout) {
    this(network, graph, features, optimizer, dropout, null, null);
  }

  /**
   * Training and scoring each batch on its sampled neighbourhoods ({@code sampler} null: on the whole graph).
   *
   * @param sampling the generator the sampler draws from: checkpoints save its state
   */
  public NodeClassification(GraphNetwork network, Graph graph, NDArray features, Optimizer optimizer, ResumableRandom dropout,
      NeighbourSampler sampler, ResumableRandom sampling) {
    if (features.rank() != 2 || features.dim(0) != graph.nodes()) {
      throw new IllegalArgumentException("NodeClassification: expected features [" + graph.nodes() + ", d] (one row per node), got "
          + features.shape());
    }
    this.network = network;
    this.graph = graph;
    this.features = Tensor.constant(features);
    this.phases = List.of(Phase.of(optimizer));
    this.dropout = dropout;
    this.sampler = sampler;
    this.sampling = sampling;
  }

  @Override
  public Map<String, Layer> models() {
    return Map.of("model", network);
  }

  @Override
  public List<Phase> phases() {
    return phases;
  }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    Tensor scores = sampler == null ? network.forward(features, graph, mode).takeRows(batch.features()) : sampledScores(batch, mode);
    Tensor loss = Losses.crossEntropy(scores, batch.labels());
    Result result = new Result(loss, Map.of(), mode == Mode.EVAL ? scores.value() : null);
    return result.with("accuracy", Supervised.accuracy(scores.value(), batch.labels()));
  }

  /** The batch's scores from its sampled neighbourhoods: the seeds are the sample's first rows. */
  private Tensor sampledScores(Batch batch, Mode mode) {
    long[] ids = batch.features().toLongArray();
    int[] seeds = new int[ids.length];
    long[] first = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      seeds[i] = (int) ids[i];
      first[i] = i;
    }
    NeighbourSampler.Sample sample = sampler.sample(seeds, sampling);
    int[] kept = sample.nodes();
    Tensor x = features.takeRows(NDArray.wrap(kept, kept.length));
    return network.forward(x, sample.graph(), mode).takeRows(NDArray.of(first, ids.length));
  }

  @Override
  public Map<String, ResumableRandom> generators() {
    return sampler == null ? Map.of("dropout", dropout) : Map.of("dropout", dropout, "sampling", sampling);
  }

  /** Every node's class scores [nodes, classes], in evaluation mode. */
  public NDArray scores() {
    return dev.ruru.autodiff.Autodiff.noGrad(() -> network.forward(features, graph, Mode.EVAL).value());
  }

  /** Every node's code, the hidden layer's output [nodes, hidden]. */
  public NDArray codes() {
    return dev.ruru.autodiff.Autodiff.noGrad(() -> network.codes(features, graph).value());
  }

  /** One batch of the given node ids and their labels: the nodes a pass trains or scores on. */
  public static BatchSource nodes(int[] ids, NDArray labels) {
    long[] wide = new long[ids.length];
    for (int i = 0; i < ids.length; i++) {
      wide[i] = ids[i];
    }
    NDArray idArray = NDArray.of(wide, ids.length);
    Batch batch = new Batch(idArray, labels.take(idArray, 0));
    return new BatchSource() {
      public int batchCount() { return 1; }
      public long exampleCount() { return ids.length; }
      public Iterable<Batch> epoch(int epoch) { return List.of(batch); }
    };
  }
}
