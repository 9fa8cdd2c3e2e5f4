package dev.ruru.nn;

import dev.ruru.array.ShapeMismatchException;
import dev.ruru.autodiff.Tensor;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One layer of the Transformer decoder (Vaswani et al., 2017), as torch.nn.TransformerDecoderLayer with
 * {@code batch_first=True}: self-attention over the target, attention from the target to the encoder's
 * output ({@code memory}), then a position-wise feed-forward block, each inside a residual connection
 * with dropout and layer normalisation placed as {@link TransformerLayerConfig.NormPlacement} says.
 * Shapes: target [B, T, d_model], memory [B, S, d_model], output [B, T, d_model]. Parameter names are
 * PyTorch's: {@code self_attn.*}, {@code multihead_attn.*}, {@code linear1.*}, {@code linear2.*},
 * {@code norm1.*}, {@code norm2.*}, {@code norm3.*}.
 *
 * <pre>{@code
 * TransformerDecoderLayer layer = new TransformerDecoderLayer(TransformerLayerConfig.of(64, 4), rng);
 * Tensor y = layer.forward(target, memory, AttentionMask.causal(t, t), AttentionMask.keyPadding(sourcePadding), Mode.TRAIN);
 * }</pre>
 */
public final class TransformerDecoderLayer implements Layer {
  private final TransformerLayerConfig config;
  private final RandomGenerator rng;
  private final MultiheadAttention selfAttention;
  private final MultiheadAttention crossAttention;
  private final FeedForward feedForward;
  private final LayerNorm norm1;
  private final LayerNorm norm2;
  private final LayerNorm norm3;

  /** PyTorch's defaults ({@link TransformerLayerConfig#of}). */
  public TransformerDecoderLayer(int dModel, int numHeads, RandomGenerator rng) {
    this(TransformerLayerConfig.of(dModel, numHeads), rng);
  }

  /** As {@link #TransformerDecoderLayer(int, int, RandomGenerator)}, weights and dropout masks from the global {@link Seed#generator()}. */
  public TransformerDecoderLayer(int dModel, int numHeads) {
    this(dModel, numHeads, Seed.generator());
  }

  /** Parameters initialised as PyTorch's; {@code rng} also draws the dropout masks in training. */
  public TransformerDecoderLayer(TransformerLayerConfig config, RandomGenerator rng) {
    this.config = config;
    this.rng = rng;
    this.selfAttention = new MultiheadAttention(config.dModel(), config.numHeads(), config.dropout(), config.dtype(), rng);
    this.crossAttention = new MultiheadAttention(config.dModel(), config.numHeads(), config.dropout(), config.dtype(), rng);
    this.feedForward = new FeedForward(config, rng);
    this.norm1 = config.layerNorm();
    this.norm2 = config.layerNorm();
    this.norm3 = config.layerNorm();
  }

  /** As {@link #TransformerDecoderLayer(TransformerLayerConfig, RandomGenerator)}, weights and dropout masks from the global {@link Seed#generator()}. */
  public TransformerDecoderLayer(TransformerLayerConfig config) {
    this(config, Seed.generator());
  }

  /**
   * Refused: a decoder layer attends to the encoder's output, so it needs two inputs. Call
   * {@link #forward(Tensor, Tensor, AttentionMask, AttentionMask, Mode)}; a decoder-only model (GPT)
   * is a stack of {@link TransformerEncoderLayer}s with a causal mask.
   */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    throw new UnsupportedOperationException(this + ": needs the encoder's output too; call forward(target, memory, targetMask, "
        + "memoryMask, mode), or use TransformerEncoderLayer with AttentionMask.causal for a decoder-only model");
  }

  /**
   * The layer: {@code targetMask} restricts the self-attention (PyTorch's {@code tgt_mask},
   * {@code tgt_is_causal} and {@code tgt_key_padding_mask} together) and {@code memoryMask} the attention
   * to the memory ({@code memory_mask} and {@code memory_key_padding_mask}); see {@link AttentionMask}.
   */
  public Tensor forward(Tensor target, Tensor memory, AttentionMask targetMask, AttentionMask memoryMask, Mode mode) {
    TransformerEncoderLayer.checkInput(this, target, config.dModel());
    if (memory.rank() != 3 || memory.shape().dim(0) != target.shape().dim(0) || memory.shape().dim(2) != config.dModel()) {
      throw new ShapeMismatchException(this + ": expected memory [" + target.shape().dim(0) + ", S, " + config.dModel()
          + "] for target " + target.shape() + ", got " + memory.shape());
    }
    TransformerLayerConfig.NormPlacement placement = config.normPlacement();
    Tensor x = placement.residual(target, norm1, h -> dropout(selfAttention.forward(h, h, h, targetMask, mode).output(), mode), mode);
    x = placement.residual(x, norm2, h -> dropout(crossAttention.forward(h, memory, memory, memoryMask, mode).output(), mode), mode);
    return placement.residual(x, norm3, h -> dropout(feedForward.forward(h, mode), mode), mode);
  }

  private Tensor dropout(Tensor x, Mode mode) {
    return Functional.dropout(x, config.dropout(), mode, rng);
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.merge(Params.nested("self_attn", selfAttention.parameters()),
        Params.nested("multihead_attn", crossAttention.parameters()), feedForward.parameters(),
        Params.nested("norm1", norm1.parameters()), Params.nested("norm2", norm2.parameters()), Params.nested("norm3", norm3.parameters()));
  }

  public TransformerLayerConfig config() { return config; }
  public MultiheadAttention selfAttention() { return selfAttention; }
  /** The attention from the target to the memory (PyTorch's {@code multihead_attn}). */
  public MultiheadAttention crossAttention() { return crossAttention; }
  public Linear linear1() { return feedForward.linear1(); }
  public Linear linear2() { return feedForward.linear2(); }
  public LayerNorm norm1() { return norm1; }
  public LayerNorm norm2() { return norm2; }
  public LayerNorm norm3() { return norm3; }

  @Override
  public String toString() {
    return "TransformerDecoderLayer(dModel=" + config.dModel() + ", numHeads=" + config.numHeads() + ", feedforwardDim="
        + config.feedforwardDim() + ", dropout=" + config.dropout() + ", " + config.activation() + ", " + config.normPlacement() + ")";
  }
}
