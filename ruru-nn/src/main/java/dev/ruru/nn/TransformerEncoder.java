package dev.ruru.nn;

import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A stack of {@link TransformerEncoderLayer}s, each applied to the previous one's output with the same
 * mask, and an optional final LayerNorm (recommended after pre-norm layers), as
 * torch.nn.TransformerEncoder. Parameters are named {@code layers.0.self_attn.in_proj_weight}, ...,
 * and {@code norm.weight}, {@code norm.bias}, as PyTorch's. Unlike PyTorch, which deep-copies one layer
 * so that every layer starts equal, each layer here draws its own initial values.
 *
 * <pre>{@code
 * TransformerEncoder encoder = new TransformerEncoder(TransformerLayerConfig.of(64, 4), 6, rng);
 * Tensor y = encoder.forward(x, AttentionMask.keyPadding(padding), Mode.TRAIN);   // x [B, T, 64]
 * }</pre>
 */
public final class TransformerEncoder implements Layer {
  private final List<TransformerEncoderLayer> layers;
  private final LayerNorm norm;

  /** {@code numLayers} layers built from {@code config}, without a final norm. */
  public TransformerEncoder(TransformerLayerConfig config, int numLayers, RandomGenerator rng) {
    this(layers(config, numLayers, rng), null);
  }

  /** As {@link #TransformerEncoder(TransformerLayerConfig, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public TransformerEncoder(TransformerLayerConfig config, int numLayers) {
    this(config, numLayers, Seed.generator());
  }

  /** The given layers, in order, then {@code norm} (null: none). */
  public TransformerEncoder(List<TransformerEncoderLayer> layers, LayerNorm norm) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("TransformerEncoder: expected at least one layer");
    }
    this.layers = List.copyOf(layers);
    this.norm = norm;
  }

  /** {@code numLayers} layers built from {@code config} and a final LayerNorm, the usual stack for pre-norm layers. */
  public static TransformerEncoder withFinalNorm(TransformerLayerConfig config, int numLayers, RandomGenerator rng) {
    return new TransformerEncoder(layers(config, numLayers, rng), config.layerNorm());
  }

  /** As {@link #withFinalNorm(TransformerLayerConfig, int, RandomGenerator)}, drawing from the global {@link Seed#generator()}. */
  public static TransformerEncoder withFinalNorm(TransformerLayerConfig config, int numLayers) {
    return withFinalNorm(config, numLayers, Seed.generator());
  }

  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return forward(input, AttentionMask.none(), mode);
  }

  /** Every layer with the same {@code mask} (PyTorch's {@code mask} and {@code src_key_padding_mask}). */
  public Tensor forward(Tensor input, AttentionMask mask, Mode mode) {
    Tensor x = input;
    for (TransformerEncoderLayer layer : layers) {
      x = layer.forward(x, mask, mode);
    }
    return norm == null ? x : norm.forward(x, mode);
  }

  @Override
  public Map<String, Parameter> parameters() {
    List<Map<String, Parameter>> parts = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      parts.add(Params.nested("layers." + i, layers.get(i).parameters()));
    }
    if (norm != null) {
      parts.add(Params.nested("norm", norm.parameters()));
    }
    return Params.merge(parts);
  }

  /** The layers, in order (an unmodifiable list). */
  public List<TransformerEncoderLayer> layers() { return layers; }

  /** The final LayerNorm, or null. */
  public LayerNorm norm() { return norm; }

  private static List<TransformerEncoderLayer> layers(TransformerLayerConfig config, int numLayers, RandomGenerator rng) {
    if (numLayers < 1) {
      throw new IllegalArgumentException("TransformerEncoder: numLayers must be positive, got " + numLayers);
    }
    List<TransformerEncoderLayer> layers = new ArrayList<>(numLayers);
    for (int i = 0; i < numLayers; i++) {
      layers.add(new TransformerEncoderLayer(config, rng));
    }
    return layers;
  }

  @Override
  public String toString() {
    return "TransformerEncoder(" + layers.size() + " x " + layers.get(0) + (norm == null ? "" : ", final " + norm) + ")";
  }
}
