package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import java.util.function.UnaryOperator;

/**
 * The sizes and choices of a Transformer encoder or decoder layer, named after PyTorch's arguments:
 * {@code d_model}, {@code nhead}, {@code dim_feedforward}, {@code dropout}, {@code activation},
 * {@code norm_first} (as {@link NormPlacement}), {@code layer_norm_eps}; plus the parameters' dtype.
 * {@link #of} gives PyTorch's defaults; the {@code with...} methods change one field.
 *
 * <pre>{@code
 * TransformerLayerConfig config = TransformerLayerConfig.of(128, 4).withFeedforwardDim(512)
 *     .withNormPlacement(TransformerLayerConfig.NormPlacement.PRE_NORM);
 * }</pre>
 */
public record TransformerLayerConfig(int dModel, int numHeads, int feedforwardDim, double dropout, Activation activation,
    NormPlacement normPlacement, double layerNormEps, DType dtype) {

  /** The feed-forward block's nonlinearity. */
  public enum Activation {
    /** max(x, 0), PyTorch's default {@code "relu"}. */
    RELU,
    /**
     * GELU in its tanh approximation ({@link Functional#gelu}); PyTorch's {@code "gelu"} is the exact
     * x·Φ(x), which differs by less than 5e-4. To match PyTorch exactly, give its layer
     * {@code activation=lambda x: F.gelu(x, approximate="tanh")}.
     */
    GELU;

    Tensor apply(Tensor x) {
      return this == RELU ? Functional.relu(x) : Functional.gelu(x);
    }
  }

  /** Where each sub-layer's layer normalisation sits (PyTorch's {@code norm_first}). */
  public enum NormPlacement {
    /** x ← norm(x + sublayer(x)): the original Transformer and PyTorch's default ({@code norm_first=False}). */
    POST_NORM,
    /** x ← x + sublayer(norm(x)) (Xiong et al., 2020): trains more stably when deep ({@code norm_first=True}). */
    PRE_NORM;

    /** One residual step around {@code sublayer}, with {@code norm} placed as this constant says. */
    Tensor residual(Tensor x, LayerNorm norm, UnaryOperator<Tensor> sublayer, Mode mode) {
      return this == PRE_NORM ? x.add(sublayer.apply(norm.forward(x, mode))) : norm.forward(x.add(sublayer.apply(x)), mode);
    }
  }

  public TransformerLayerConfig {
    if (dModel < 1 || numHeads < 1 || feedforwardDim < 1) {
      throw new IllegalArgumentException("TransformerLayerConfig: dModel, numHeads and feedforwardDim must be positive, got "
          + dModel + ", " + numHeads + " and " + feedforwardDim);
    }
    if (dModel % numHeads != 0) {
      throw new IllegalArgumentException("TransformerLayerConfig: dModel " + dModel + " is not divisible by numHeads " + numHeads);
    }
    Functional.checkProbability("TransformerLayerConfig", dropout);
    if (!(layerNormEps > 0)) {
      throw new IllegalArgumentException("TransformerLayerConfig: invalid layerNormEps: " + layerNormEps + " (must be > 0)");
    }
    if (activation == null || normPlacement == null || dtype == null || !dtype.isFloating()) {
      throw new IllegalArgumentException("TransformerLayerConfig: activation and normPlacement must be given and dtype must be "
          + "float32 or float64, got " + activation + ", " + normPlacement + ", " + dtype);
    }
  }

  /** PyTorch's defaults: dim_feedforward 2048, dropout 0.1, relu, post-norm, eps 1e-5; float32. */
  public static TransformerLayerConfig of(int dModel, int numHeads) {
    return new TransformerLayerConfig(dModel, numHeads, 2048, 0.1, Activation.RELU, NormPlacement.POST_NORM, 1e-5, DType.FLOAT32);
  }

  public TransformerLayerConfig withFeedforwardDim(int value) {
    return new TransformerLayerConfig(dModel, numHeads, value, dropout, activation, normPlacement, layerNormEps, dtype);
  }

  public TransformerLayerConfig withDropout(double value) {
    return new TransformerLayerConfig(dModel, numHeads, feedforwardDim, value, activation, normPlacement, layerNormEps, dtype);
  }

  public TransformerLayerConfig withActivation(Activation value) {
    return new TransformerLayerConfig(dModel, numHeads, feedforwardDim, dropout, value, normPlacement, layerNormEps, dtype);
  }

  public TransformerLayerConfig withNormPlacement(NormPlacement value) {
    return new TransformerLayerConfig(dModel, numHeads, feedforwardDim, dropout, activation, value, layerNormEps, dtype);
  }

  public TransformerLayerConfig withLayerNormEps(double value) {
    return new TransformerLayerConfig(dModel, numHeads, feedforwardDim, dropout, activation, normPlacement, value, dtype);
  }

  public TransformerLayerConfig withDtype(DType value) {
    return new TransformerLayerConfig(dModel, numHeads, feedforwardDim, dropout, activation, normPlacement, layerNormEps, value);
  }

  /** A LayerNorm over the model's features, as this configuration builds them. */
  LayerNorm layerNorm() {
    return new LayerNorm(Shape.of(dModel), layerNormEps, dtype);
  }
}
