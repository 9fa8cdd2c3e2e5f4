package dev.ruru.nn;

import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.Tensor;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One layer of the Transformer encoder (Vaswani et al., 2017), as torch.nn.TransformerEncoderLayer
 * with {@code batch_first=True}: self-attention and then a position-wise feed-forward block, each
 * inside a residual connection with dropout and layer normalisation, placed after the residual sum
 * (post-norm, PyTorch's default) or before the sub-layer (pre-norm, {@code norm_first=True}); see
 * {@link TransformerLayerConfig}. Shapes: x [B, T, d_model] to [B, T, d_model]. Parameter names are
 * PyTorch's: {@code self_attn.*}, {@code linear1.*}, {@code linear2.*}, {@code norm1.*}, {@code norm2.*}.
 *
 * <pre>{@code
 * TransformerEncoderLayer layer = new TransformerEncoderLayer(TransformerLayerConfig.of(64, 4).withFeedforwardDim(256), rng);
 * Tensor y = layer.forward(x, AttentionMask.keyPadding(padding), Mode.TRAIN);   // x [B, T, 64]
 * }</pre>
 */
public final class TransformerEncoderLayer implements Layer {
  private final TransformerLayerConfig config;
  private final RandomGenerator rng;
  private final MultiheadAttention selfAttention;
  private final FeedForward feedForward;
  private final LayerNorm norm1;
  private final LayerNorm norm2;

  /** PyTorch's defaults ({@link TransformerLayerConfig#of}). */
  public TransformerEncoderLayer(int dModel, int numHeads, RandomGenerator rng) {
    this(TransformerLayerConfig.of(dModel, numHeads), rng);
  }

  /** As {@link #TransformerEncoderLayer(int, int, RandomGenerator)}, weights and dropout masks from the global {@link Seed#generator()}. */
  public TransformerEncoderLayer(int dModel, int numHeads) {
    this(dModel, numHeads, Seed.generator());
  }

  /** Parameters initialised as PyTorch's; {@code rng} also draws the dropout masks in training. */
  public TransformerEncoderLayer(TransformerLayerConfig config, RandomGenerator rng) {
    this.config = config;
    this.rng = rng;
    this.selfAttention = new MultiheadAttention(config.dModel(), config.numHeads(), config.dropout(), config.dtype(), rng);
    this.feedForward = new FeedForward(config, rng);
    this.norm1 = config.layerNorm();
    this.norm2 = config.layerNorm();
  }

  /** As {@link #TransformerEncoderLayer(TransformerLayerConfig, RandomGenerator)}, weights and dropout masks from the global {@link Seed#generator()}. */
  public TransformerEncoderLayer(TransformerLayerConfig config) {
    this(config, Seed.generator());
  }

  /** The layer with every position attending to every other. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return forward(input, AttentionMask.none(), mode);
  }

  /**
   * The layer with self-attention restricted by {@code mask}: PyTorch's {@code src_mask} (bool) is
   * {@link AttentionMask#blocking}, {@code is_causal} {@link AttentionMask#causal} and
   * {@code src_key_padding_mask} {@link AttentionMask#keyPadding}; combine them with {@link AttentionMask#and}.
   */
  public Tensor forward(Tensor input, AttentionMask mask, Mode mode) {
    checkInput(this, input, config.dModel());
    TransformerLayerConfig.NormPlacement placement = config.normPlacement();
    Tensor x = placement.residual(input, norm1, h -> dropout(selfAttention.forward(h, h, h, mask, mode).output(), mode), mode);
    return placement.residual(x, norm2, h -> dropout(feedForward.forward(h, mode), mode), mode);
  }

  private Tensor dropout(Tensor x, Mode mode) {
    return Functional.dropout(x, config.dropout(), mode, rng);
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.merge(Params.nested("self_attn", selfAttention.parameters()), feedForward.parameters(),
        Params.nested("norm1", norm1.parameters()), Params.nested("norm2", norm2.parameters()));
  }

  public TransformerLayerConfig config() { return config; }
  public MultiheadAttention selfAttention() { return selfAttention; }
  public Linear linear1() { return feedForward.linear1(); }
  public Linear linear2() { return feedForward.linear2(); }
  public LayerNorm norm1() { return norm1; }
  public LayerNorm norm2() { return norm2; }

  /** A Transformer layer's input must be [B, T, d_model]. */
  static void checkInput(Layer layer, Tensor x, int dModel) {
    if (x.rank() == 3 && x.shape().dim(2) == dModel) {
      return;
    }
    String message = layer + ": expected input [batch, length, " + dModel + "], got " + x.shape();
    if (x.rank() == 2 && x.shape().dim(1) == dModel) {
      message += "; add a batch axis: reshape to [1, " + x.shape().dim(0) + ", " + dModel + "]";
    }
    throw new ShapeMismatchException(message);
  }

  @Override
  public String toString() {
    return "TransformerEncoderLayer(dModel=" + config.dModel() + ", numHeads=" + config.numHeads() + ", feedforwardDim="
        + config.feedforwardDim() + ", dropout=" + config.dropout() + ", " + config.activation() + ", " + config.normPlacement() + ")";
  }
}
