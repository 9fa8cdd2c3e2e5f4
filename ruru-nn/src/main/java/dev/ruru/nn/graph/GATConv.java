package dev.ruru.nn.graph;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
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
 * Graph attention (Veličković et al., ICLR 2018), as PyTorch Geometric's GATConv: per head k,
 * z = x·W_kᵀ; for each edge j → i (self-loops added) the score e_ij = LeakyReLU(a_k·z_j + b_k·z_i)
 * (slope 0.2), α = softmax of the scores over i's in-edges, dropped out in training, and
 * h'_i = Σ_j α_ij z_j. The heads' outputs are concatenated ([nodes, heads·out]) or averaged
 * ([nodes, out]), then a bias is added. A node learns how much each neighbour matters, where GCN
 * weighs them by degree alone. Shapes: W [heads·out, in], a and b [heads, out] (Glorot uniform),
 * bias zeros.
 */
public final class GATConv implements GraphLayer {
  /** The published negative slope of the scores' LeakyReLU. */
  public static final double NEGATIVE_SLOPE = 0.2;

  private final GatShape shape;
  private final Parameter weight;
  private final Parameter attentionSource;
  private final Parameter attentionTarget;
  private final Parameter bias;
  private final RandomGenerator rng;

  /** The sizes and the two options of one layer: heads, how they combine and the attention dropout. */
  public record GatShape(int in, int out, int heads, HeadCombination combination, double attentionDropout) {
    public GatShape {
      GCNConv.checkSizes("GATConv", in, out);
      if (heads < 1) {
        throw new IllegalArgumentException("GATConv: expected at least one head, got " + heads);
      }
      if (!(attentionDropout >= 0 && attentionDropout < 1)) {
        throw new IllegalArgumentException("GATConv: attention dropout must be in [0, 1), got " + attentionDropout);
      }
    }

    int width() { return combination == HeadCombination.CONCAT ? heads * out : out; }
  }

  /** Whether the heads' outputs are concatenated (hidden layers) or averaged (the output layer). */
  public enum HeadCombination { CONCAT, MEAN }

  public GATConv(GatShape shape, RandomGenerator rng) {
    this.shape = shape;
    this.rng = rng;
    this.weight = new Parameter(Init.xavierUniform().sample(Shape.of(shape.heads() * shape.out(), shape.in()), DType.FLOAT32, rng));
    // Glorot over [1, heads, out] as PyTorch Geometric: fan_in = heads·out, fan_out = out.
    double bound = Math.sqrt(6.0 / (shape.heads() * shape.out() + shape.out()));
    this.attentionSource = new Parameter(Init.uniform(-bound, bound).sample(Shape.of(shape.heads(), shape.out()), DType.FLOAT32, rng));
    this.attentionTarget = new Parameter(Init.uniform(-bound, bound).sample(Shape.of(shape.heads(), shape.out()), DType.FLOAT32, rng));
    this.bias = new Parameter(NDArray.zeros(Shape.of(shape.width())));
  }

  /** Weights and attention dropout masks from the global {@link Seed#generator()}. */
  public GATConv(GatShape shape) {
    this(shape, Seed.generator());
  }

  /** The layer's equations as a pure function; the attention dropout draws its mask from {@code rng}. */
  public static Tensor attend(Tensor x, Graph graph, GatShape shape, Tensor weight, Tensor attentionSource, Tensor attentionTarget,
      Tensor bias, Mode mode, RandomGenerator rng) {
    GraphLayer.checkInput("GATConv", x, graph, shape.in());
    Graph looped = graph.withSelfLoops();
    int nodes = graph.nodes(), edges = looped.edges(), heads = shape.heads();
    int[] sources = looped.sources();
    int[] targets = looped.targets();
    Tensor z = Functional.linear(x, weight).reshape(nodes, heads, shape.out());
    Tensor sourceScore = z.mul(attentionSource).sum(2, Dims.DROP);
    Tensor targetScore = z.mul(attentionTarget).sum(2, Dims.DROP);
    Tensor scores = sourceScore.takeRows(NDArray.wrap(sources, edges)).add(targetScore.takeRows(NDArray.wrap(targets, edges)));
    Tensor alpha = MessagePassing.segmentSoftmax(Functional.leakyRelu(scores, NEGATIVE_SLOPE), targets, nodes);
    alpha = Functional.dropout(alpha, shape.attentionDropout(), mode, rng);
    Tensor combined = MessagePassing.weightedSum(alpha, z, sources, targets, nodes);
    combined = shape.combination() == HeadCombination.CONCAT ? combined.reshape(nodes, heads * shape.out())
        : combined.mean(1, Dims.DROP);
    return combined.add(bias);
  }

  @Override
  public Tensor forward(Tensor x, Graph graph, Mode mode) {
    return attend(x, graph, shape, weight.tensor(), attentionSource.tensor(), attentionTarget.tensor(), bias.tensor(), mode, rng);
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.merge(Params.of("weight", weight, "attention_source", attentionSource, "attention_target", attentionTarget),
        Params.of("bias", bias));
  }

  public GatShape shape() { return shape; }

  @Override
  public String toString() {
    return "GATConv(" + shape.in() + " -> " + shape.out() + " x " + shape.heads() + " heads, " + shape.combination().name().toLowerCase() + ")";
  }
}
