package dev.ruru.nn.graph;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.MessagePassing;
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
 * Graph convolution (Kipf and Welling, ICLR 2017): H' = Â·(X·Wᵀ) + b with Â = D^-1/2 (A + I) D^-1/2,
 * each node's new features a degree-weighted mean of its own and its neighbours' transformed features.
 * Shapes: X [nodes, in], W [out, in] (Glorot uniform, as the paper and PyTorch Geometric), b [out]
 * (zeros), H' [nodes, out]. Transforming before propagating multiplies the sparse matrix with the
 * narrower of the two widths when out &lt; in, as on Cora (1,433 → 16).
 */
public final class GCNConv implements GraphLayer {
  private final Parameter weight;
  private final Parameter bias;

  public GCNConv(int in, int out, RandomGenerator rng) {
    checkSizes("GCNConv", in, out);
    this.weight = new Parameter(Init.xavierUniform().sample(Shape.of(out, in), DType.FLOAT32, rng));
    this.bias = new Parameter(NDArray.zeros(Shape.of(out)));
  }

  /** Weights from the global {@link Seed#generator()}. */
  public GCNConv(int in, int out) {
    this(in, out, Seed.generator());
  }

  /** The layer's equation as a pure function: Â·(x·weightᵀ) + bias (bias may be null). */
  public static Tensor convolve(Tensor x, Graph graph, Tensor weight, Tensor bias) {
    GraphLayer.checkInput("GCNConv", x, graph, weight.shape().dim(1));
    Tensor transformed = Functional.linear(x, weight);
    Tensor h = MessagePassing.matmul(graph.gcnPropagation(transformed.dtype()), transformed);
    return bias == null ? h : h.add(bias);
  }

  @Override
  public Tensor forward(Tensor x, Graph graph, Mode mode) {
    return convolve(x, graph, weight.tensor(), bias.tensor());
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.of("weight", weight, "bias", bias);
  }

  public Parameter weight() { return weight; }
  public Parameter bias() { return bias; }

  static void checkSizes(String layer, int in, int out) {
    if (in < 1 || out < 1) {
      throw new IllegalArgumentException(layer + ": feature counts must be positive, got " + in + " -> " + out);
    }
  }

  @Override
  public String toString() {
    return "GCNConv(" + weight.shape().dim(1) + " -> " + weight.shape().dim(0) + ")";
  }
}
