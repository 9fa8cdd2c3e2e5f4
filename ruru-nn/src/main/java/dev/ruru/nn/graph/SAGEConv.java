package dev.ruru.nn.graph;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Functional;
import dev.ruru.nn.Init;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.nn.Seed;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * GraphSAGE's convolution (Hamilton, Ying and Leskovec, NeurIPS 2017), as PyTorch Geometric's
 * SAGEConv: h'_i = W_root·x_i + W_neighbours·agg_{j → i} x_j + b, with agg the mean or the elementwise
 * max of the in-neighbours' features (zeros for a node with none). Keeping the node's own term apart
 * from its neighbours' lets it weigh itself differently. Shapes: x [nodes, in], both W [out, in]
 * (PyTorch's Linear initialisation), b [out], h' [nodes, out].
 */
public final class SAGEConv implements GraphLayer {
  private final Aggregation aggregation;
  private final Parameter rootWeight;
  private final Parameter neighbourWeight;
  private final Parameter bias;

  public SAGEConv(int in, int out, Aggregation aggregation, RandomGenerator rng) {
    GCNConv.checkSizes("SAGEConv", in, out);
    double bound = 1 / Math.sqrt(in);
    this.aggregation = aggregation;
    this.neighbourWeight = new Parameter(Init.uniform(-bound, bound).sample(Shape.of(out, in), DType.FLOAT32, rng));
    this.bias = new Parameter(Init.uniform(-bound, bound).sample(Shape.of(out), DType.FLOAT32, rng));
    this.rootWeight = new Parameter(Init.uniform(-bound, bound).sample(Shape.of(out, in), DType.FLOAT32, rng));
  }

  /** Weights from the global {@link Seed#generator()}. */
  public SAGEConv(int in, int out, Aggregation aggregation) {
    this(in, out, aggregation, Seed.generator());
  }

  /** The layer's equation as a pure function. */
  public static Tensor convolve(Tensor x, Graph graph, Aggregation aggregation, Tensor rootWeight, Tensor neighbourWeight, Tensor bias) {
    GraphLayer.checkInput("SAGEConv", x, graph, rootWeight.shape().dim(1));
    Tensor neighbours = aggregation.reduce(x.takeRows(NDArray.wrap(graph.sources(), graph.edges())), graph.targets(), graph.nodes());
    return Functional.linear(neighbours, neighbourWeight, bias).add(Functional.linear(x, rootWeight));
  }

  @Override
  public Tensor forward(Tensor x, Graph graph, Mode mode) {
    return convolve(x, graph, aggregation, rootWeight.tensor(), neighbourWeight.tensor(), bias.tensor());
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.of("neighbour_weight", neighbourWeight, "bias", bias, "root_weight", rootWeight);
  }

  public Aggregation aggregation() { return aggregation; }

  @Override
  public String toString() {
    return "SAGEConv(" + rootWeight.shape().dim(1) + " -> " + rootWeight.shape().dim(0) + ", " + aggregation.name().toLowerCase() + ")";
  }
}
