package dev.ruru.models.graph;

import dev.ruru.nn.graph.Aggregation;
import dev.ruru.nn.graph.GATConv;
import dev.ruru.nn.graph.GATConv.GatShape;
import dev.ruru.nn.graph.GATConv.HeadCombination;
import dev.ruru.nn.graph.GCNConv;
import dev.ruru.nn.graph.GINConv;
import dev.ruru.nn.graph.GraphLayer;
import dev.ruru.nn.graph.SAGEConv;
import dev.ruru.nn.Linear;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The graph network families and their published settings for semi-supervised node classification on
 * Cora: GCN (Kipf and Welling, 2017: 16 hidden units, dropout 0.5, Adam lr 0.01, L2 5e-4 on the first
 * layer), GAT (Veličković et al., 2018: 8 heads of 8 units, ELU, dropout 0.6 on inputs and attention,
 * lr 0.005, L2 5e-4), GraphSAGE with the mean aggregator and GIN-0, with GCN's settings.
 *
 * <p>Each constant holds: units per head of the hidden layer, attention heads (1 without attention),
 * dropout on the inputs and the hidden layer (and GAT's attention), Adam's learning rate, the L2
 * penalty on the first layer, and whether the second layer is penalised too.
 */
public enum GraphModel {
  GCN(16, 1, 0.5, 0.01, 5e-4, false),
  GAT(8, 8, 0.6, 0.005, 5e-4, true),
  SAGE(16, 1, 0.5, 0.01, 5e-4, false),
  GIN(16, 1, 0.5, 0.01, 5e-4, false);

  private final int hidden;
  private final int heads;
  private final double dropout;
  private final double learningRate;
  private final double weightDecay;
  private final boolean decayBothLayers;

  GraphModel(int hidden, int heads, double dropout, double learningRate, double weightDecay, boolean decayBothLayers) {
    this.hidden = hidden;
    this.heads = heads;
    this.dropout = dropout;
    this.learningRate = learningRate;
    this.weightDecay = weightDecay;
    this.decayBothLayers = decayBothLayers;
  }

  public int hidden() { return hidden; }
  public int heads() { return heads; }
  public double dropout() { return dropout; }
  public double learningRate() { return learningRate; }
  public double weightDecay() { return weightDecay; }
  public boolean decayBothLayers() { return decayBothLayers; }

  /** The name the command line uses: {@code gcn}, {@code gat}, {@code sage}, {@code gin}. */
  public String cliName() { return name().toLowerCase(Locale.ROOT); }

  /** The family named {@code name} (any case); the message lists the names otherwise. */
  public static GraphModel named(String name) {
    for (GraphModel model : values()) {
      if (model.cliName().equalsIgnoreCase(name)) {
        return model;
      }
    }
    throw new IllegalArgumentException("unknown graph model '" + name + "'; expected gcn, gat, sage or gin");
  }

  /** The two-layer network from {@code in} features to {@code classes} scores, with {@code hidden} units per head. */
  public GraphNetwork build(int in, int classes, int hiddenUnits, double dropoutRate, RandomGenerator rng) {
    int width = hiddenUnits * heads;
    GraphLayer first = switch (this) {
      case GCN -> new GCNConv(in, hiddenUnits, rng);
      case GAT -> new GATConv(new GatShape(in, hiddenUnits, heads, HeadCombination.CONCAT, dropoutRate), rng);
      case SAGE -> new SAGEConv(in, hiddenUnits, Aggregation.MEAN, rng);
      case GIN -> new GINConv(new Sequential(new Linear(in, hiddenUnits, rng), new ReLU(), new Linear(hiddenUnits, hiddenUnits, rng)));
    };
    GraphLayer second = switch (this) {
      case GCN -> new GCNConv(width, classes, rng);
      case GAT -> new GATConv(new GatShape(width, classes, 1, HeadCombination.MEAN, dropoutRate), rng);
      case SAGE -> new SAGEConv(width, classes, Aggregation.MEAN, rng);
      case GIN -> new GINConv(new Sequential(new Linear(width, hiddenUnits, rng), new ReLU(), new Linear(hiddenUnits, classes, rng)));
    };
    return new GraphNetwork(first, second, this == GAT ? GraphNetwork.Activation.ELU : GraphNetwork.Activation.RELU, dropoutRate, rng);
  }
}
