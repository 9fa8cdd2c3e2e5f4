package dev.ruru.nn.graph;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import java.util.Map;

/**
 * The graph isomorphism network's layer (Xu, Hu, Leskovec and Jegelka, ICLR 2019):
 * h'_i = MLP((1 + ε)·x_i + Σ_{j → i} x_j). The sum (not a mean or max) and the MLP make it as
 * discriminating as the Weisfeiler-Lehman test: it can count neighbours, so it tells a triangle from a
 * path. ε is a trained scalar or fixed at 0 (GIN-0, the paper's better variant). Shapes: x [nodes, in],
 * the MLP maps [nodes, in] to [nodes, out].
 */
public final class GINConv implements GraphLayer {
  private final Layer mlp;
  private final Parameter epsilon;

  /** With ε fixed at 0 (GIN-0). */
  public GINConv(Layer mlp) {
    this.mlp = mlp;
    this.epsilon = null;
  }

  /** With ε a trained parameter starting at {@code initialEpsilon}. */
  public GINConv(Layer mlp, double initialEpsilon) {
    this.mlp = mlp;
    this.epsilon = new Parameter(NDArray.full(Shape.of(1), initialEpsilon, dev.ruru.array.DType.FLOAT32));
  }

  /** (1 + ε)·x_i + Σ_{j → i} x_j, the input of the MLP ({@code epsilon} null for 0). */
  public static Tensor aggregate(Tensor x, Graph graph, Tensor epsilon) {
    if (x.rank() != 2 || x.shape().dim(0) != graph.nodes()) {
      throw new IllegalArgumentException("GINConv: expected node features [" + graph.nodes() + ", in] (one row per node of " + graph
          + "), got " + x.shape() + "; the feature matrix needs one row per node");
    }
    Tensor neighbours = Aggregation.SUM.reduce(x.takeRows(NDArray.wrap(graph.sources(), graph.edges())), graph.targets(), graph.nodes());
    Tensor self = epsilon == null ? x : x.mul(epsilon.add(1));
    return self.add(neighbours);
  }

  @Override
  public Tensor forward(Tensor x, Graph graph, Mode mode) {
    return mlp.forward(aggregate(x, graph, epsilon == null ? null : epsilon.tensor()), mode);
  }

  @Override
  public Map<String, Parameter> parameters() {
    Map<String, Parameter> inner = Params.nested("mlp", mlp.parameters());
    return epsilon == null ? inner : Params.merge(Params.of("epsilon", epsilon), inner);
  }

  @Override
  public Map<String, dev.ruru.nn.Buffer> buffers() {
    return Params.nested("mlp", mlp.buffers());
  }

  public Layer mlp() { return mlp; }

  @Override
  public String toString() {
    return "GINConv(" + (epsilon == null ? "eps=0" : "trained eps") + ", " + mlp + ")";
  }
}
