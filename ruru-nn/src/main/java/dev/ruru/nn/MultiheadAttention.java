package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.Tensor;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Multi-head attention (Vaswani et al., 2017) as torch.nn.MultiheadAttention with
 * {@code batch_first=True}: the query, key and value are projected by the three blocks of
 * {@code in_proj_weight} [3E, E] and {@code in_proj_bias} [3E], split into H heads of E/H features,
 * attended per head ({@link Attention}), joined and projected by {@code out_proj}. Shapes: query
 * [B, L, E], key and value [B, S, E], output [B, L, E], weights [B, H, L, S]. The parameter names are
 * PyTorch's ({@code in_proj_weight}, {@code in_proj_bias}, {@code out_proj.weight}, {@code out_proj.bias}),
 * so a state dictionary moves between the two unchanged. Initialisation is PyTorch's: Xavier-uniform
 * in_proj_weight, zero biases, out_proj.weight U(−1/√E, 1/√E).
 *
 * <pre>{@code
 * MultiheadAttention attention = new MultiheadAttention(64, 8, rng);
 * MultiheadAttention.Output out = attention.forward(x, x, x, AttentionMask.keyPadding(padding), Mode.TRAIN);
 * Tensor y = out.output();                      // [B, L, 64]
 * Tensor w = out.averageWeights();              // [B, L, S], PyTorch's default attn_output_weights
 * }</pre>
 */
public final class MultiheadAttention implements Layer {
  private final int embedDim;
  private final int numHeads;
  private final double dropout;
  private final RandomGenerator rng;
  private final Parameter inProjWeight;
  private final Parameter inProjBias;
  private final Linear outProj;

  /** The attended values [B, L, E] and the attention weights of each head [B, H, L, S] (after dropout, as PyTorch's). */
  public record Output(Tensor output, Tensor weights) {
    /** The weights averaged over the heads, [B, L, S]: PyTorch's {@code average_attn_weights=True}. */
    public Tensor averageWeights() {
      return weights.mean(1, Dims.DROP);
    }
  }

  /** float32, no dropout, PyTorch's initialisation. */
  public MultiheadAttention(int embedDim, int numHeads, RandomGenerator rng) {
    this(embedDim, numHeads, 0, DType.FLOAT32, rng);
  }

  /** As {@link #MultiheadAttention(int, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public MultiheadAttention(int embedDim, int numHeads) {
    this(embedDim, numHeads, Seed.generator());
  }

  /** With {@code dropout} on the attention weights in {@link Mode#TRAIN}; parameters in {@code dtype}. */
  public MultiheadAttention(int embedDim, int numHeads, double dropout, DType dtype, RandomGenerator rng) {
    checkSizes(embedDim, numHeads);
    Functional.checkProbability("MultiheadAttention", dropout);
    this.embedDim = embedDim;
    this.numHeads = numHeads;
    this.dropout = dropout;
    this.rng = rng;
    this.inProjWeight = new Parameter(Init.xavierUniform().sample(Shape.of(3 * embedDim, embedDim), dtype, rng));
    this.inProjBias = new Parameter(NDArray.zeros(Shape.of(3 * embedDim), dtype));
    double bound = 1 / Math.sqrt(embedDim);
    this.outProj = new Linear(embedDim, embedDim, Init.uniform(-bound, bound), Init.zeros(), dtype, rng);
  }

  /** As {@link #MultiheadAttention(int, int, double, DType, RandomGenerator)}, weights and dropout masks from the global {@link Seed#generator()}. */
  public MultiheadAttention(int embedDim, int numHeads, double dropout, DType dtype) {
    this(embedDim, numHeads, dropout, dtype, Seed.generator());
  }

  /** Self-attention with nothing masked: {@code forward(x, x, x, AttentionMask.none(), mode).output()}. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return forward(input, input, input, AttentionMask.none(), mode).output();
  }

  /**
   * Attends from each query position to the key positions that {@code mask} allows. PyTorch's
   * {@code attn_mask} (bool, true = not allowed) is {@link AttentionMask#blocking}, its
   * {@code key_padding_mask} {@link AttentionMask#keyPadding}; combine them with {@link AttentionMask#and}.
   * Masks broadcast against the scores [B, H, L, S].
   */
  public Output forward(Tensor query, Tensor key, Tensor value, AttentionMask mask, Mode mode) {
    checkInputs(query, key, value);
    Tensor q = heads(project(query, 0));
    Tensor k = heads(project(key, 1));
    Tensor v = heads(project(value, 2));
    Tensor weights = Functional.dropout(Attention.weights(toString(), q, k, mask), dropout, mode, rng);
    Tensor attended = weights.matmul(v).permute(0, 2, 1, 3);
    int batch = query.shape().dim(0);
    int length = query.shape().dim(1);
    Tensor joined = attended.reshape(batch * length, embedDim);
    return new Output(outProj.forward(joined, mode).reshape(batch, length, embedDim), weights);
  }

  /** x [B, T, E] times block {@code block} (0: query, 1: key, 2: value) of the input projection: [B, T, E]. */
  private Tensor project(Tensor x, int block) {
    int batch = x.shape().dim(0);
    int length = x.shape().dim(1);
    Tensor weight = inProjWeight.tensor().slice(0, block * embedDim, (block + 1) * embedDim, 1);
    Tensor bias = inProjBias.tensor().slice(0, block * embedDim, (block + 1) * embedDim, 1);
    return Functional.linear(x.reshape(batch * length, embedDim), weight, bias).reshape(batch, length, embedDim);
  }

  /** [B, T, E] to [B, H, T, E/H]. */
  private Tensor heads(Tensor x) {
    int batch = x.shape().dim(0);
    int length = x.shape().dim(1);
    return x.reshape(batch, length, numHeads, embedDim / numHeads).permute(0, 2, 1, 3);
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.merge(Params.of("in_proj_weight", inProjWeight, "in_proj_bias", inProjBias),
        Params.nested("out_proj", outProj.parameters()));
  }

  public int embedDim() { return embedDim; }
  public int numHeads() { return numHeads; }
  public Parameter inProjWeight() { return inProjWeight; }
  public Parameter inProjBias() { return inProjBias; }
  public Linear outProj() { return outProj; }

  private static void checkSizes(int embedDim, int numHeads) {
    if (embedDim < 1 || numHeads < 1) {
      throw new IllegalArgumentException("MultiheadAttention: embedDim and numHeads must be positive, got " + embedDim + " and "
          + numHeads);
    }
    if (embedDim % numHeads != 0) {
      throw new IllegalArgumentException("MultiheadAttention: embedDim " + embedDim + " is not divisible by numHeads " + numHeads
          + " (each head gets embedDim / numHeads features)");
    }
  }

  private void checkInputs(Tensor query, Tensor key, Tensor value) {
    checkRank(query, "query", "L");
    checkRank(key, "key", "S");
    checkRank(value, "value", "S");
    if (key.shape().dim(0) != query.shape().dim(0) || !key.shape().equals(value.shape())) {
      throw new ShapeMismatchException(this + ": query " + query.shape() + ", key " + key.shape() + " and value " + value.shape()
          + " must be [B, L, " + embedDim + "], [B, S, " + embedDim + "] and [B, S, " + embedDim + "] with one B and one S");
    }
  }

  private void checkRank(Tensor x, String name, String length) {
    if (x.rank() == 3 && x.shape().dim(2) == embedDim) {
      return;
    }
    String message = this + ": expected " + name + " [batch, " + length + ", " + embedDim + "], got " + x.shape();
    if (x.rank() == 2 && x.shape().dim(1) == embedDim) {
      message += "; add a batch axis: reshape to [1, " + x.shape().dim(0) + ", " + embedDim + "]";
    }
    throw new ShapeMismatchException(message);
  }

  @Override
  public String toString() {
    return "MultiheadAttention(embedDim=" + embedDim + ", numHeads=" + numHeads + (dropout > 0 ? ", dropout=" + dropout : "") + ")";
  }
}
