package dev.ruru.models.graph;

import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Buffer;
import dev.ruru.nn.Functional;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.nn.graph.Graph;
import dev.ruru.nn.graph.GraphLayer;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Two graph layers with dropout before each and a nonlinearity between, the network of the GCN and
 * GAT papers: scores = second(dropout(σ(first(dropout(x))))), x [nodes, features] → [nodes, classes].
 * Two layers let each node see its neighbours' neighbours; more tend to blur the classes together.
 * The hidden layer's output is the node's learned code ({@link #codes}).
 */
public final class GraphNetwork implements GraphLayer {
  /** The nonlinearity between the layers: ReLU (GCN) or ELU (GAT). */
  public enum Activation { RELU, ELU }

  private final GraphLayer first;
  private final GraphLayer second;
  private final Activation activation;
  private final double dropout;
  private final RandomGenerator rng;

  public GraphNetwork(GraphLayer first, GraphLayer second, Activation activation, double dropout, RandomGenerator rng) {
    this.first = first;
    this.second = second;
    this.activation = activation;
    this.dropout = dropout;
    this.rng = rng;
  }

  @Override
  public Tensor forward(Tensor x, Graph graph, Mode mode) {
    Tensor hidden = hidden(x, graph, mode);
    return second.forward(Functional.dropout(hidden, dropout, mode, rng), graph, mode);
  }

  /** The hidden layer's output, each node's code [nodes, hidden], in evaluation mode. */
  public Tensor codes(Tensor x, Graph graph) {
    return hidden(x, graph, Mode.EVAL);
  }

  private Tensor hidden(Tensor x, Graph graph, Mode mode) {
    Tensor h = first.forward(Functional.dropout(x, dropout, mode, rng), graph, mode);
    return activation == Activation.ELU ? Functional.elu(h, 1) : h.relu();
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.merge(Params.nested("first", first.parameters()), Params.nested("second", second.parameters()));
  }

  @Override
  public Map<String, Buffer> buffers() {
    return Params.merge(Params.nested("first", first.buffers()), Params.nested("second", second.buffers()));
  }

  public GraphLayer first() { return first; }
  public GraphLayer second() { return second; }

  @Override
  public String toString() {
    return first + " -> " + activation.name().toLowerCase() + " -> " + second + ", dropout " + dropout;
  }
}
